using Park.Domain.Contracts;

namespace Park.Tests.Contracts;

public sealed class ScheduleTests
{
    private static ScheduleTerms Terms(string cycle = "monthly", string escalation = "none", long escalationValue = 0,
        ScheduleConcession[]? concessions = null, ScheduleRampStep[]? ramp = null, DateOnly? end = null) =>
        new(new DateOnly(2027, 1, 1), end ?? new DateOnly(2028, 1, 1), 50_000, 120, cycle, escalation, escalationValue, concessions ?? [], ramp ?? []);

    [Theory]
    [InlineData("monthly", 12)]
    [InlineData("quarterly", 4)]
    [InlineData("half_yearly", 2)]
    [InlineData("yearly", 1)]
    public void Build_OneYearAt120SeatsAnd500_Totals720000InEveryCycle(string cycle, int periods)
    {
        var schedule = new LeasingScheduleSource().Build(Terms(cycle));
        Assert.Equal(periods, schedule.Periods.Count);
        Assert.Equal(72_000_000, schedule.Total.Fen);
        Assert.Equal(new DateOnly(2027, 1, 1), schedule.Periods[0].Due);
    }

    [Fact]
    public void Build_RentFreeFirstMonth_IsZeroAndMarked()
    {
        var schedule = new LeasingScheduleSource().Build(Terms(concessions: [new(new DateOnly(2027, 1, 1), new DateOnly(2027, 2, 1), 10000)]));
        Assert.Equal(0, schedule.Periods[0].Amount.Fen);
        Assert.True(schedule.Periods[0].RentFree);
        Assert.False(schedule.Periods[1].RentFree);
        Assert.Equal(72_000_000 - 6_000_000, schedule.Total.Fen);
    }

    [Fact]
    public void Build_PercentEscalation_RaisesSecondYearAndMarksIt()
    {
        var schedule = new LeasingScheduleSource().Build(Terms("yearly", "percent", 300, end: new DateOnly(2029, 1, 1)));
        Assert.Equal(72_000_000, schedule.Periods[0].Amount.Fen);
        Assert.Equal(51_500, schedule.Periods[1].PricePerSeatFen);
        Assert.Equal(74_160_000, schedule.Periods[1].Amount.Fen);
        Assert.True(schedule.Periods[1].Escalated);
    }

    [Fact]
    public void Build_RampUpAndPartMonth_ProratesByDaysAndSumsToTotal()
    {
        var schedule = new LeasingScheduleSource().Build(Terms("quarterly",
            ramp: [new(new DateOnly(2027, 1, 1), 60), new(new DateOnly(2027, 3, 1), 120)], end: new DateOnly(2027, 7, 15)));
        // Q1: 2 months at 60 seats + 1 at 120 = 60,000 + 60,000 = ... in fen.
        Assert.Equal(2 * 60 * 50_000 + 120 * 50_000, schedule.Periods[0].Amount.Fen);
        // Last period: 14 of July's 31 days at 120 seats.
        Assert.Equal((long)Math.Round(120 * 50_000m * 14 / 31, MidpointRounding.AwayFromZero), schedule.Periods[^1].Amount.Fen);
        Assert.Equal(schedule.Periods.Sum(p => p.Amount.Fen), schedule.Total.Fen);
    }
}
