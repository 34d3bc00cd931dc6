using Park.Domain.Staffing;

namespace Park.Tests.Staffing;

public sealed class IntervalBatchTests
{
    private static readonly StaffingRequest Reference = new(100m, 1800, 180m, 0.8, 20, 0.3m, 0.85m);

    private static IntervalInput[] Day(StaffingRequest request, int count) =>
        Enumerable.Range(0, count).Select(i => new IntervalInput(i, new DateTime(2026, 3, 2).AddMinutes(30 * i), request)).ToArray();

    [Fact]
    public void Calculate_WhenCancelled_StopsWithOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => IntervalBatch.Calculate(Day(Reference, 48), cancelled.Token));
        Assert.Equal(14, IntervalBatch.Calculate(Day(Reference, 48), CancellationToken.None)[47].Agents);
    }

    [Fact]
    public void Work_IsTheStaffTheLoadNeedsUnderTheCap_BoundedByTheAgentLimit()
    {
        // A = 10 Erlangs under an 85% cap: ⌈10 ÷ 0.85⌉ = 12 agents searched per interval; zero volume costs nothing.
        Assert.Equal(12 * 3, IntervalBatch.Work([.. Day(Reference, 3), .. Day(Reference with { Volume = 0 }, 2)]));
        // Without a cap binding, Erlang C still needs ⌊A⌋ + 1 = 11.
        Assert.Equal(11, IntervalBatch.Work(Day(Reference with { MaxOccupancy = 1m }, 1)));
        // A million Erlangs searches at most the engine's limit, or the interval's own cap.
        Assert.Equal(StaffingEngine.AgentLimit, IntervalBatch.Work(Day(Reference with { Volume = 10_000_000m, AhtSeconds = 86_400m }, 1)));
        Assert.Equal(500, IntervalBatch.Work(Day(Reference with { Volume = 10_000_000m, MaxAgents = 500 }, 1)));
    }
}
