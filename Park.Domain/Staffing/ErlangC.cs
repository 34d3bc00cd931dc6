namespace Park.Domain.Staffing;

/// <summary>
/// Erlang B and C by the Erlang B recursion <c>B(n) = A·B(n−1) / (n + A·B(n−1))</c>: no factorials,
/// no powers, stable to tens of thousands of Erlangs (DOMAIN.md §5).
/// </summary>
public static class ErlangC
{
    /// <summary>Erlang B blocking probability for <paramref name="agents"/> servers, from B(0) = 1.</summary>
    public static double ErlangB(double load, int agents)
    {
        // While n ≤ A the inverse 1/B(n) = 1 + (n/A)·1/B(n−1) needs one multiply-add a step, not a
        // division, and cannot overflow: B(n) ≥ B(⌊A⌋) ≈ √(2/(πA)), so 1/B stays below ~300 even at
        // 50,000 Erlangs. Above A, where 1/B grows without bound, the usual recursion takes over.
        var below = load > 0 ? (int)Math.Min(agents, Math.Floor(load)) : 0;
        var inverse = 1.0;
        var step = below > 0 ? 1 / load : 0;
        for (var n = 1; n <= below; n++)
        {
            inverse = Math.FusedMultiplyAdd(n * step, inverse, 1);
        }

        var b = 1 / inverse;
        for (var n = below + 1; n <= agents; n++)
        {
            b = NextB(load, b, n);
        }

        return b;
    }

    /// <summary>One step of the recursion: B(n) from B(n−1).</summary>
    public static double NextB(double load, double previous, int n)
    {
        var ab = load * previous;
        return ab / (n + ab);
    }

    /// <summary>Queue metrics with <paramref name="agents"/> agents on a load of <paramref name="load"/> Erlangs.</summary>
    public static QueueMetrics Evaluate(double load, int agents, double ahtSeconds, double thresholdSeconds) =>
        FromErlangB(load, agents, ErlangB(load, agents), ahtSeconds, thresholdSeconds);

    /// <summary>Metrics from an Erlang B value already known for (load, agents): O(1).</summary>
    public static QueueMetrics FromErlangB(double load, int agents, double erlangB, double ahtSeconds, double thresholdSeconds)
    {
        if (load <= 0)
        {
            return QueueMetrics.Idle;
        }

        if (agents <= load)
        {
            return QueueMetrics.Unstable;
        }

        var slack = agents - load;
        var wait = agents * erlangB / (agents - (load * (1 - erlangB)));
        var serviceLevel = 1 - (wait * Math.Exp(-slack * thresholdSeconds / ahtSeconds));
        var asa = wait * ahtSeconds / slack;
        return new QueueMetrics(true, wait, serviceLevel, asa, load / agents, 0);
    }
}
