using Park.Domain.Staffing;

namespace Park.Tests.Staffing;

/// <summary>Requirement over long series: reusing a volume's result must change nothing.</summary>
public sealed class RequirementYearTests
{
    private static readonly LineTargets Targets = new(900, 240, 0.8, 20, 0.3m, 0.85m, null, null, 15, 25, 1m);

    [Fact]
    public void Compute_RepeatedVolumes_GivesEachIntervalWhatTheEngineGivesItAlone()
    {
        var random = new Random(3);
        var volumes = Enumerable.Range(0, 96 * 21).Select(i => i % 96 < 32 ? 0 : Math.Round(random.NextDouble() * 400) + (i % 7 == 0 ? 0.004 : 0)).ToArray();
        var first = new DateTime(2026, 3, 2);
        var plan = Requirement.Compute(first, volumes, Targets);

        Assert.Equal(volumes.Length, plan.Intervals.Count);
        for (var i = 0; i < volumes.Length; i++)
        {
            var alone = StaffingEngine.CalculateValid(new StaffingRequest(Math.Round((decimal)volumes[i], 2), 900, 240, 0.8, 20, 0.3m, 0.85m));
            var interval = plan.Intervals[i];
            Assert.Equal((first.AddMinutes(15 * i), alone.Agents, alone.Positions, alone.ServiceLevel), (interval.Start, interval.Agents, interval.Positions, interval.ServiceLevel));
        }

        Assert.Equal(21, plan.Days.Count);
        foreach (var day in plan.Days)
        {
            var of = plan.Intervals.Where(i => DateOnly.FromDateTime(i.Start) == day.Day).ToArray();
            Assert.Equal((of.Sum(i => i.Volume), of.Max(i => i.Agents), of.Max(i => i.Positions)), (day.Volume, day.PeakAgents, day.PeakPositions));
            Assert.Equal(Requirement.Seats(day.PeakPositions, Targets), day.SeatsNeeded);
        }

        Assert.Equal(plan.Days.Max(d => d.PeakPositions), plan.PeakPositions);
    }
}
