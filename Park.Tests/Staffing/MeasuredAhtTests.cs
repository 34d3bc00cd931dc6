using Park.Domain.Staffing;

namespace Park.Tests.Staffing;

public sealed class MeasuredAhtTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MeasuredAht_IsTheHandledWeightedMeanOfTheLastFourImportedWeeks()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var scope = await db.ScopeOfAsync("ops@yunsheng.demo");
        var id = (await db.Get<ServiceLineStore>().CreateAsync(scope, new NewServiceLine("Measured", 1800, 240, 80, 20, 30, 85), Ct)).Value;
        var volumes = db.Get<VolumeStore>();
        // History runs Monday 26 January to Sunday 8 March 2026: six complete weeks, the last four from 9 February.
        var import = await volumes.ImportAsync(scope, id, new StringReader("""
            date,interval_start,offered,handled,aht_seconds
            2026-01-26,09:00,1000,1000,1000
            2026-03-02,09:00,110,100,200
            2026-03-08,09:00,320,300,100
            2026-03-08,09:30,5,0,900
            """), Ct);
        Assert.Empty(import.Value!.Problems);
        // Pattern-filled intervals carry the line's own AHT (240 s): they are not a measurement.
        Assert.True((await volumes.ApplyPatternAsync(scope, id, new DateOnly(2026, 2, 1), 20_000, Ct)).Succeeded);

        var measured = await volumes.MeasuredAhtAsync(scope, id, Ct);
        Assert.NotNull(measured);
        Assert.Equal((100 * 200 + 300 * 100) / 400.0, measured.Seconds, 9); // 125 s; the January week and unhandled rows do not count
        Assert.Equal((400.0, 4, new DateOnly(2026, 2, 9), new DateOnly(2026, 3, 9)), (measured.Handled, measured.Weeks, measured.From, measured.To));
        Assert.Equal(125, measured.RoundedSeconds);

        // A scenario can use it as its AHT; another tenant cannot read it.
        var created = await db.Get<ScenarioStore>().CreateAsync(scope, new NewScenario(id, "Measured AHT", ForecastMethod.SeasonalNaive, 1, 0, measured.RoundedSeconds, false), Ct);
        Assert.True(created.Succeeded, created.Problem?.Code);
        Assert.Equal((long?)125, (await db.Get<ScenarioStore>().ListAsync(scope, id, Ct)).Single().AhtSeconds);
        Assert.Null(await volumes.MeasuredAhtAsync(await db.ScopeOfAsync("ops@hengxintong.demo"), id, Ct));
    }

    [Fact]
    public async Task MeasuredAht_WithoutACompleteWeek_IsNull()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var scope = await db.ScopeOfAsync("ops@yunsheng.demo");
        var id = (await db.Get<ServiceLineStore>().CreateAsync(scope, new NewServiceLine("Short", 1800, 240, 80, 20, 30, 85), Ct)).Value;
        await db.Get<VolumeStore>().ImportAsync(scope, id, new StringReader(VolumeCsv.Template), Ct);
        Assert.Null(await db.Get<VolumeStore>().MeasuredAhtAsync(scope, id, Ct));
    }
}
