namespace Park.Domain.Staffing;

/// <summary>
/// What a queue does with a fixed number of agents. <see cref="Stable"/> is false when an Erlang C
/// queue is overloaded (agents ≤ load): it then waits for ever (<see cref="AsaSeconds"/> is infinite,
/// <see cref="ServiceLevel"/> 0), which is reported, never thrown.
/// </summary>
public readonly record struct QueueMetrics(
    bool Stable,
    double WaitProbability,
    double ServiceLevel,
    double AsaSeconds,
    double Occupancy,
    double AbandonRate)
{
    public static QueueMetrics Unstable { get; } = new(false, 1, 0, double.PositiveInfinity, 1, 0);

    public static QueueMetrics Idle { get; } = new(true, 0, 1, 0, 0, 0);
}
