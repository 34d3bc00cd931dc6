using Park.Domain.Staffing;

namespace Park.Tests.Staffing;

public sealed class ForecastingTests
{
    private const int Season = 7 * 48;

    private static double[] Synthetic(int weeks, double noise, int seed = 3)
    {
        var random = new Random(seed);
        var values = new double[weeks * Season];
        for (var i = 0; i < values.Length; i++)
        {
            var pattern = 50 + (40 * Math.Sin(2 * Math.PI * (i % 48) / 48)) + (i % Season / 48 >= 5 ? -30 : 0);
            values[i] = Math.Max(0, pattern + (noise * (random.NextDouble() - 0.5)));
        }

        return values;
    }

    [Fact]
    public void SeasonalNaive_OnAnExactWeeklyPattern_ForecastsItExactly()
    {
        var series = Synthetic(4, 0);
        var accuracy = Forecasting.Accuracy(series, Season, 1).Single(a => a.Method == ForecastMethod.SeasonalNaive);
        Assert.Equal(0, accuracy.Wape, 12);
    }

    [Fact]
    public void HoltWinters_OnAnExactWeeklyPattern_IsNearlyExact()
    {
        var accuracy = Forecasting.Accuracy(Synthetic(5, 0), Season, 2).Single(a => a.Method == ForecastMethod.HoltWinters);
        Assert.True(accuracy.Wape < 0.01, accuracy.Wape.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void HoltWinters_OnANoisySeries_BeatsSeasonalNaive()
    {
        var accuracy = Forecasting.Accuracy(Synthetic(8, 40), Season, 2);
        var naive = accuracy.Single(a => a.Method == ForecastMethod.SeasonalNaive).Wape;
        var holtWinters = accuracy.Single(a => a.Method == ForecastMethod.HoltWinters).Wape;
        Assert.True(holtWinters < naive, $"HW {holtWinters} vs naive {naive}");
        Assert.InRange(holtWinters, 0, 0.3);
    }

    [Fact]
    public void Forecast_NeverGoesBelowZero()
    {
        var forecast = Forecasting.HoltWinters(Synthetic(3, 60), Season, 13 * Season);
        Assert.All(forecast, v => Assert.True(v >= 0));
        Assert.Equal(13 * Season, forecast.Length);
    }

    [Fact]
    public void Accuracy_WithTooLittleHistory_IsEmpty() =>
        Assert.Empty(Forecasting.Accuracy(Synthetic(1, 0), Season, 1));

    [Fact]
    public void WeeklyPattern_SpreadsTheMonthlyTotalExactly()
    {
        var shares = new double[7 * 48];
        for (var i = 0; i < shares.Length; i++)
        {
            shares[i] = i % 48 is >= 16 and < 40 ? (i / 48 < 5 ? 2 : 1) : 0;
        }

        var volumes = WeeklyPattern.Expand(new DateOnly(2026, 3, 1), 31_000, shares, 48);
        Assert.Equal(31 * 48, volumes.Length);
        Assert.Equal(31_000, volumes.Sum(), 6);
        Assert.Equal(0, volumes[0]); // Sunday 1 March 00:00
        Assert.Equal(2 * volumes[20], volumes[48 + 20], 9); // Monday is twice Sunday
    }

    [Theory]
    [InlineData(100, 15, 25, "1", 111)] // 100 + ⌈100/15⌉ 7 + ⌈100/25⌉ 4
    [InlineData(100, 0, 0, "0.33", 33)]
    [InlineData(30, 15, 25, "1", 34)]
    public void Seats_AddLeadsAndQaByRatioThenShare(long positions, int perLead, int perQa, string sharing, long seats)
    {
        var targets = new LineTargets(1800, 180, 0.8, 20, 0.3m, 0.85m, null, null, perLead, perQa,
            decimal.Parse(sharing, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(seats, Requirement.Seats(positions, targets));
    }

    [Fact]
    public void Requirement_DailyPeakIsTheLargestIntervalPositions()
    {
        var targets = new LineTargets(1800, 180, 0.8, 20, 0.3m, 0.85m, null, null, 15, 25, 1m);
        var volumes = new double[96];
        volumes[20] = 100;
        volumes[70] = 360 * 0.75;
        var plan = Requirement.Compute(new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Unspecified), volumes, targets);
        Assert.Equal(2, plan.Days.Count);
        Assert.Equal(20, plan.Days[0].PeakPositions);
        Assert.Equal(14, plan.Days[0].PeakAgents);
        Assert.True(plan.Days[1].PeakPositions > 20);
        Assert.Equal(plan.Days[1].PeakPositions, plan.PeakPositions);
        Assert.Equal(Requirement.Seats(plan.PeakPositions, targets), plan.SeatsNeeded);
    }

    [Fact]
    public void HoltWinters_KeepsIntervalsClosedInEveryWeekAtZero()
    {
        var series = Synthetic(4, 30);
        for (var i = 0; i < series.Length; i++)
        {
            if (i % 48 < 16)
            {
                series[i] = 0; // closed before 08:00
            }
        }

        var forecast = Forecasting.HoltWinters(series, Season, Season);
        Assert.All(Enumerable.Range(0, Season).Where(i => i % 48 < 16), i => Assert.Equal(0, forecast[i]));
        Assert.Contains(forecast, v => v > 0);
    }

    [Fact]
    public void ParkDemand_PlannedCapacityIsTheLatestPhaseStartingBeforeTheMonthEnds()
    {
        var month = new DateOnly(2027, 3, 1);
        Assert.Equal(4000, Park.Domain.Staffing.ParkDemandQueries.PlannedIn(month, [(new DateOnly(2026, 1, 1), 1200), (new DateOnly(2027, 3, 15), 4000), (new DateOnly(2027, 4, 1), 9000)]));
    }
}
