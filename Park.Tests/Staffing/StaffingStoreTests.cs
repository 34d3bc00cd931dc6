using Park.Domain.Access;
using Park.Domain.Data;
using Park.Domain.Seeding;
using Park.Domain.Staffing;

namespace Park.Tests.Staffing;

public sealed class StaffingStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static NewServiceLine Line(string name = "Hotline") => new(name, 1800, 240, 80, 20, 30, 85);

    [Fact]
    public async Task DemoSeed_GivesTenantZeroALineWithHistoryAndAPlan()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var scope = await db.ScopeOfAsync("ops@hengxintong.demo");
        var line = Assert.Single((await db.Get<ServiceLineStore>().ListAsync(scope, new PageRequest(), Ct)).Items);
        Assert.Equal(StaffingDemo.LineName, line.Name);
        var history = await db.Get<VolumeStore>().HistoryAsync(scope, line.Id, Ct);
        Assert.Equal(4, history!.Weeks);
        var scenarios = await db.Get<ScenarioStore>().ListAsync(scope, line.Id, Ct);
        Assert.Equal(2, scenarios.Count);
        Assert.Single(scenarios, s => s.Planned);
        Assert.All(scenarios, s => Assert.True(s.SeatsNeeded > s.PeakPositions && s.PeakPositions > 0));
        Assert.True(scenarios[1].SeatsNeeded > scenarios[0].SeatsNeeded); // +25% needs more
    }

    [Fact]
    public async Task OtherTenant_CannotReadLineScenarioOrPlanById()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var owner = await db.ScopeOfAsync("ops@hengxintong.demo");
        var other = await db.ScopeOfAsync("ops@yunsheng.demo");
        var line = (await db.Get<ServiceLineStore>().ListAsync(owner, new PageRequest(), Ct)).Items[0];
        var scenario = (await db.Get<ScenarioStore>().ListAsync(owner, line.Id, Ct))[0];
        Assert.Null(await db.Get<ServiceLineStore>().GetAsync(other, line.Id, Ct));
        Assert.Null(await db.Get<ScenarioStore>().GetAsync(other, scenario.Id, Ct));
        Assert.Null(await db.Get<ScenarioStore>().PlanAsync(other, scenario.Id, Ct));
        Assert.Null(await db.Get<VolumeStore>().HistoryAsync(other, line.Id, Ct));
        Assert.Empty(await db.Get<ScenarioStore>().ListAsync(other, line.Id, Ct));
        Assert.DoesNotContain((await db.Get<ServiceLineStore>().ListAsync(other, new PageRequest(), Ct)).Items, l => l.Id == line.Id);
        var created = await db.Get<ScenarioStore>().CreateAsync(other, new NewScenario(line.Id, "Steal", ForecastMethod.SeasonalNaive, 2, 0, null, false), Ct);
        Assert.Equal(ErrorKind.NotFound, created.Problem!.Kind);
        var import = await db.Get<VolumeStore>().ImportAsync(other, line.Id, new StringReader(VolumeCsv.Template), Ct);
        Assert.Equal(ErrorKind.NotFound, import.Problem!.Kind);
    }

    [Fact]
    public async Task Import_IsAllOrNothingAndRepeatable()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var scope = await db.ScopeOfAsync("ops@yunsheng.demo");
        var id = (await db.Get<ServiceLineStore>().CreateAsync(scope, Line(Guid.NewGuid().ToString("N")), Ct)).Value;
        var volumes = db.Get<VolumeStore>();
        var bad = await volumes.ImportAsync(scope, id, new StringReader("date,interval_start,offered,handled,aht_seconds\n2026-03-02,09:00,10,10,180\n2026-03-02,09:15,x,10,180\n"), Ct);
        Assert.Equal([(3, "interval_start"), (3, "offered")], bad.Value!.Problems.Select(p => (p.Row, p.Field!)).ToArray());
        Assert.Equal(0, (await db.Get<ServiceLineStore>().GetAsync(scope, id, Ct))!.VolumeIntervals);

        for (var i = 0; i < 2; i++)
        {
            var good = await volumes.ImportAsync(scope, id, new StringReader(VolumeCsv.Template), Ct);
            Assert.Equal(2, good.Value!.Imported);
        }

        Assert.Equal(2, (await db.Get<ServiceLineStore>().GetAsync(scope, id, Ct))!.VolumeIntervals);
    }

    [Fact]
    public async Task Pattern_FillsTheMonthAndScenarioComputesSeats()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var scope = await db.ScopeOfAsync("ops@yunsheng.demo");
        var id = (await db.Get<ServiceLineStore>().CreateAsync(scope, Line(Guid.NewGuid().ToString("N")), Ct)).Value;
        var filled = await db.Get<VolumeStore>().ApplyPatternAsync(scope, id, new DateOnly(2026, 3, 1), 60_000, Ct);
        Assert.Equal(31 * 48, filled.Value);
        var history = await db.Get<VolumeStore>().HistoryAsync(scope, id, Ct);
        Assert.Equal(4, history!.Weeks); // 2 March (Monday) to 29 March
        var scenario = await db.Get<ScenarioStore>().CreateAsync(scope, new NewScenario(id, "Base", ForecastMethod.SeasonalNaive, 2, 10, null, true), Ct);
        Assert.True(scenario.Succeeded, scenario.Problem?.Code);
        var plan = await db.Get<ScenarioStore>().PlanAsync(scope, scenario.Value, Ct);
        Assert.Equal(14, plan!.Requirement.Days.Count);
        Assert.Equal(plan.Scenario.SeatsNeeded, plan.Requirement.SeatsNeeded);
        Assert.Equal(new DateOnly(2026, 3, 30), plan.Scenario.StartDate);
    }

    [Fact]
    public async Task ParkDemand_ShowsPlansToAdminsAndReviewersButNotTenants()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var demand = db.Get<ParkDemandQueries>();
        var tenant = await demand.ForScopeAsync(await db.ScopeOfAsync("ops@hengxintong.demo"), Ct);
        Assert.Equal(ErrorKind.NotAllowed, tenant.Problem!.Kind);
        foreach (var email in new[] { "parkadmin@park.demo", "reviewer@gov.demo" })
        {
            var view = Assert.Single((await demand.ForScopeAsync(await db.ScopeOfAsync(email), Ct)).Value!);
            Assert.Equal(ParkDemandQueries.Months, view.Months.Count);
            Assert.True(view.Months[0].Built > 1000);
            Assert.Contains(view.Months, m => m.Forecast > 0 && m.TenantsNeedingRoom.Any(t => t.NameZh.StartsWith("杭州恒信通", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task CreateLine_ByAnAdmin_IsNotAllowed()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var result = await db.Get<ServiceLineStore>().CreateAsync(await db.ScopeOfAsync("parkadmin@park.demo"), Line(), Ct);
        Assert.Equal(ErrorKind.NotAllowed, result.Problem!.Kind);
    }
}
