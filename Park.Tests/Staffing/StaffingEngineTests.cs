using Park.Domain.Staffing;

namespace Park.Tests.Staffing;

public sealed class StaffingEngineTests
{
    private static readonly StaffingRequest Reference = new(100m, 1800, 180m, 0.8, 20, 0.30m, 0.85m);

    [Fact]
    public void Calculate_DomainReferenceA10_Gives14AgentsAnd20Positions()
    {
        var result = StaffingEngine.Calculate(Reference);
        Assert.Equal(StaffingStatus.Met, result.Status);
        Assert.Equal(10, result.LoadErlangs, 12);
        Assert.Equal(14, result.Agents);
        Assert.Equal(20, result.Positions);
        Assert.Equal(0.88835, result.ServiceLevel, 5);
        Assert.Equal(0.174132, result.WaitProbability, 6);
        Assert.Equal(7.836, result.AsaSeconds, 3);
        Assert.Null(result.AbandonRate);
    }

    [Fact]
    public void Calculate_DomainReferenceA48_Gives55Agents()
    {
        var result = StaffingEngine.Calculate(new StaffingRequest(360m, 1800, 240m, 0.8, 15));
        Assert.Equal(48, result.LoadErlangs, 12);
        Assert.Equal(55, result.Agents);
        Assert.Equal(0.845883, result.ServiceLevel, 6);
    }

    [Fact]
    public void Calculate_ErlangAReferenceWithFiveMinutePatience_Gives13AgentsAnd19Positions()
    {
        var result = StaffingEngine.Calculate(Reference with { PatienceSeconds = 300 });
        Assert.Equal(13, result.Agents);
        Assert.Equal(19, result.Positions);
        Assert.NotNull(result.AbandonRate);
        Assert.True(result.ServiceLevel >= 0.8);
        var twelve = StaffingEngine.Evaluate(Reference with { PatienceSeconds = 300 }, 10, 12);
        Assert.True(twelve.ServiceLevel < 0.8);
    }

    [Fact]
    public void Calculate_WithMaxAbandon_AddsAgentsUntilAbandonmentIsUnderTheCap()
    {
        var loose = StaffingEngine.Calculate(Reference with { PatienceSeconds = 60, ServiceLevelTarget = 0.5 });
        var strict = StaffingEngine.Calculate(Reference with { PatienceSeconds = 60, ServiceLevelTarget = 0.5, MaxAbandon = 0.005 });
        Assert.True(strict.Agents > loose.Agents);
        Assert.True(strict.AbandonRate <= 0.005);
        var oneFewer = StaffingEngine.Evaluate(Reference with { PatienceSeconds = 60 }, 10, strict.Agents - 1);
        Assert.True(oneFewer.AbandonRate > 0.005 || oneFewer.ServiceLevel < 0.5);
    }

    [Theory]
    [InlineData(21, "0.3", 30)] // 21 / (1 − 0.3) is 30.000000000000004 in double
    [InlineData(14, "0.3", 20)]
    [InlineData(7, "0", 7)]
    [InlineData(10, "0.9", 100)]
    [InlineData(11, "0.9", 110)]
    public void Positions_RoundUpExactlyInDecimal(int agents, string shrinkage, long expected) =>
        Assert.Equal(expected, StaffingEngine.Positions(agents, decimal.Parse(shrinkage, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Calculate_OccupancyCapOnExactQuotient_DoesNotRoundUpPastIt()
    {
        // A = 88.4 Erlangs (442 calls × 360 s ÷ 1800 s); 88.4 / 0.85 is 104.00000000000001 in double.
        var result = StaffingEngine.Calculate(new StaffingRequest(442m, 1800, 360m, 0, 0, 0m, 0.85m));
        Assert.Equal(104, result.Agents);
    }

    [Fact]
    public void Calculate_ZeroVolume_GivesZeroAgentsNotAnError()
    {
        var result = StaffingEngine.Calculate(Reference with { Volume = 0 });
        Assert.Equal(StaffingStatus.NoVolume, result.Status);
        Assert.Equal(0, result.Agents);
        Assert.Equal(0, result.Positions);
    }

    [Fact]
    public void Calculate_ServiceLevelTargetZero_NeedsOnlyAStableQueueAndTheCap()
    {
        var result = StaffingEngine.Calculate(Reference with { ServiceLevelTarget = 0, MaxOccupancy = 1m });
        Assert.Equal(11, result.Agents); // ⌊10⌋ + 1
        Assert.Equal(12, StaffingEngine.Calculate(Reference with { ServiceLevelTarget = 0 }).Agents); // ⌈10 / 0.85⌉
    }

    [Fact]
    public void Calculate_ServiceLevelTarget100Percent_IsReportedUnreachable()
    {
        var result = StaffingEngine.Calculate(Reference with { ServiceLevelTarget = 1 });
        Assert.Equal(StaffingStatus.Unreachable, result.Status);
        Assert.Equal(StaffingCodes.ServiceLevelUnattainable, result.Reason);
        Assert.Equal(12, result.Agents);
        Assert.Equal(0, result.MaxServableVolume);
    }

    [Theory]
    [InlineData("0", 14)]
    [InlineData("0.9", 140)]
    public void Calculate_ShrinkageZeroAndNinetyPercent(string shrinkage, long positions) =>
        Assert.Equal(positions, StaffingEngine.Calculate(Reference with
        {
            Shrinkage = decimal.Parse(shrinkage, System.Globalization.CultureInfo.InvariantCulture),
        }).Positions);

    [Fact]
    public void Calculate_WhenAgentCapBindsFirst_ReportsUnreachableWithLargestServableVolume()
    {
        var result = StaffingEngine.Calculate(Reference with { MaxAgents = 12 });
        Assert.Equal(StaffingStatus.Unreachable, result.Status);
        Assert.Equal(StaffingCodes.AgentLimitReached, result.Reason);
        Assert.Equal(12, result.Agents);
        Assert.NotNull(result.MaxServableVolume);
        var servable = (decimal)result.MaxServableVolume!.Value;
        Assert.True(servable is > 0 and < 100);
        Assert.True(StaffingEngine.Calculate(Reference with { Volume = servable }).Agents <= 12);
        Assert.True(StaffingEngine.Calculate(Reference with { Volume = servable + 0.05m }).Agents > 12);
    }

    [Fact]
    public void Calculate_VolumeBeyondTheEngineLimit_IsUnreachableNotAnException()
    {
        var result = StaffingEngine.Calculate(new StaffingRequest(2_000_000m, 1800, 180m, 0.8, 20));
        Assert.Equal(StaffingStatus.Unreachable, result.Status);
        Assert.Equal(StaffingEngine.AgentLimit, result.Agents);
        Assert.False(result.Metrics.Stable);
        Assert.InRange(result.MaxServableLoad!.Value, 99_000, 100_000);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(1)]
    [InlineData(500)]
    [InlineData(50_000)]
    public void Calculate_AcrossTheRange_FindsTheSmallestStaffMeetingTheTarget(double erlangs)
    {
        var request = new StaffingRequest((decimal)erlangs * 10m, 1800, 180m, 0.8, 20);
        var result = StaffingEngine.Calculate(request);
        Assert.Equal(StaffingStatus.Met, result.Status);
        Assert.True(result.ServiceLevel >= 0.8);
        var fewer = StaffingEngine.Evaluate(request, result.LoadErlangs, result.Agents - 1);
        Assert.True(!fewer.Stable || fewer.ServiceLevel < 0.8);
    }

    [Fact]
    public void Calculate_WithMaxAsa_MeetsItToo()
    {
        var result = StaffingEngine.Calculate(Reference with { MaxAsaSeconds = 3 });
        Assert.True(result.AsaSeconds <= 3);
        Assert.True(StaffingEngine.Evaluate(Reference, 10, result.Agents - 1).AsaSeconds > 3);
    }

    [Fact]
    public void Calculate_MoreVolumeOrLongerHandleTime_NeverNeedsFewerAgents()
    {
        var random = new Random(20261123);
        for (var i = 0; i < 300; i++)
        {
            var volume = Math.Round((decimal)(random.NextDouble() * 2000), 2);
            var aht = (decimal)random.Next(30, 900);
            var patience = random.Next(3) == 0 ? random.Next(30, 600) : (double?)null;
            var request = new StaffingRequest(volume, 1800, aht, Math.Round(random.NextDouble(), 2), random.Next(1, 60),
                0.3m, Math.Round(0.6m + ((decimal)random.NextDouble() * 0.4m), 2), patience);
            var baseline = StaffingEngine.Calculate(request).Agents;
            var moreVolume = StaffingEngine.Calculate(request with { Volume = volume + Math.Round((decimal)random.NextDouble() * 50, 2) }).Agents;
            var longer = StaffingEngine.Calculate(request with { AhtSeconds = aht + random.Next(1, 60) }).Agents;
            Assert.True(moreVolume >= baseline, $"volume {request}");
            Assert.True(longer >= baseline, $"aht {request}");
        }
    }

    [Fact]
    public void Calculate_ErlangA_NoSmallerStaffMeetsEveryTarget()
    {
        // The Erlang A search brackets and bisects instead of trying every candidate: check it against every
        // smaller staff, target by target (the definition of "required agents"), over random intervals.
        var random = new Random(20261201);
        for (var i = 0; i < 200; i++)
        {
            var request = new StaffingRequest(Math.Round((decimal)(random.NextDouble() * 400), 2), 900, random.Next(60, 600),
                Math.Round(0.5 + (random.NextDouble() * 0.45), 2), random.Next(5, 60), 0.3m, Math.Round(0.7m + ((decimal)random.NextDouble() * 0.3m), 2),
                PatienceSeconds: random.Next(20, 400), MaxAbandon: random.Next(2) == 0 ? Math.Round(0.02 + (random.NextDouble() * 0.1), 3) : null,
                MaxAsaSeconds: random.Next(3) == 0 ? random.Next(5, 60) : null);
            var result = StaffingEngine.Calculate(request);
            if (result.Status != StaffingStatus.Met)
            {
                continue;
            }

            Assert.True(MeetsEveryTarget(request, result.LoadErlangs, result.Agents), $"found staff misses a target: {request}");
            for (var fewer = 1; fewer < result.Agents; fewer++)
            {
                Assert.False(MeetsEveryTarget(request, result.LoadErlangs, fewer), $"{fewer} < {result.Agents} agents already meet {request}");
            }
        }
    }

    private static bool MeetsEveryTarget(StaffingRequest request, double load, int agents)
    {
        var m = StaffingEngine.Evaluate(request, load, agents);
        return m.Stable && m.ServiceLevel >= request.ServiceLevelTarget
            && (request.MaxAsaSeconds is not { } asa || m.AsaSeconds <= asa)
            && (request.MaxAbandon is not { } abandon || m.AbandonRate <= abandon)
            && (agents * request.MaxOccupancy >= request.ExactLoad || m.Occupancy <= (double)request.MaxOccupancy);
    }
}
