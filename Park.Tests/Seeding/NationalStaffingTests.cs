using System.Globalization;
using Dapper;
using Park.Domain.Access;
using Park.Domain.Seeding;
using Park.Domain.Staffing;
using Xunit;

namespace Park.Tests.Seeding;

/// <summary>One small national data set (with its staffing) shared by the tests of this class.</summary>
public sealed class SmallNationalFixture : IAsyncLifetime
{
    public TestDatabase Db { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Db = TestDatabase.Create();
        await Db.Get<NationalSeed>().RunAsync(NationalSize.Small, _ => { });
    }

    public async ValueTask DisposeAsync() => await Db.DisposeAsync();
}

/// <summary>The national staffing seed at small size: lines in their tenants' parks, a gap-free year of importable volumes, and the app's engine on them.</summary>
public sealed class NationalStaffingTests(SmallNationalFixture fixture) : IClassFixture<SmallNationalFixture>
{
    private static readonly (DateOnly First, DateOnly End) Year = NationalStaffing.Year(new DateOnly(2026, 11, 23));

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await fixture.Db.Db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private async Task<long> HotlineIdAsync()
    {
        await using var connection = await fixture.Db.Db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>($"""
            SELECT l.id FROM staffing_service_lines l JOIN parks p ON p.id = l.park_id
            WHERE p.code = '{NationalSeed.BenchFloorPark}' AND l.name = '{NationalStaffing.HotlineName}'
            """);
    }

    [Fact]
    public async Task Run_Small_GivesActiveTenantsLinesOnlyInTheirOwnPark()
    {
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM staffing_service_lines l JOIN tenants t ON t.id = l.tenant_id WHERE l.park_id <> t.park_id"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM staffing_service_lines l JOIN tenants t ON t.id = l.tenant_id WHERE t.status <> 'active'"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM tenants t WHERE t.status = 'active' AND NOT EXISTS (SELECT 1 FROM staffing_service_lines l WHERE l.tenant_id = t.id)"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM staffing_scenarios s JOIN staffing_service_lines l ON l.id = s.service_line_id WHERE s.park_id <> l.park_id OR s.tenant_id <> l.tenant_id"));
        Assert.Equal(NationalSize.Small.Parks, await CountAsync($"""
            SELECT count(*) FROM staffing_service_lines l JOIN tenants t ON t.id = l.tenant_id
            WHERE l.name = '{NationalStaffing.HotlineName}' AND t.business_type = 'gov_hotline' AND l.interval_seconds = 900
              AND EXISTS (SELECT 1 FROM staffing_volumes v WHERE v.service_line_id = l.id)
            """));
    }

    [Fact]
    public async Task Run_Small_VolumeLinesScaleWithSizeAndFullSizeGivesExactlyOneThousand()
    {
        Assert.Equal(1000, NationalStaffing.VolumeLines(NationalSize.Full));
        var expected = NationalStaffing.VolumeLines(NationalSize.Small);
        Assert.InRange(expected, NationalSize.Small.Parks, 50);
        Assert.Equal(expected, await CountAsync("SELECT count(DISTINCT service_line_id) FROM staffing_volumes"));
        Assert.True(await CountAsync("SELECT count(*) FROM staffing_service_lines") > 2 * expected);
    }

    private sealed class DayRow
    {
        public long LineId { get; init; }
        public long IntervalSeconds { get; init; }
        public string Day { get; init; } = "";
        public long Rows { get; init; }
        public string FirstTime { get; init; } = "";
        public string LastTime { get; init; } = "";
    }

    [Fact]
    public async Task Run_Small_EachVolumeLineCoversTheWholeYearOnItsGridWithoutGaps()
    {
        await using var connection = await fixture.Db.Db.OpenAsync();
        var days = (await connection.QueryAsync<DayRow>("""
            SELECT v.service_line_id AS line_id, l.interval_seconds, substr(v.interval_start, 1, 10) AS day, count(*) AS rows,
                   min(substr(v.interval_start, 12)) AS first_time, max(substr(v.interval_start, 12)) AS last_time
            FROM staffing_volumes v JOIN staffing_service_lines l ON l.id = v.service_line_id
            GROUP BY v.service_line_id, day
            """)).ToArray();
        var yearDays = Year.End.DayNumber - Year.First.DayNumber;
        var intervalSizes = new HashSet<long>();
        foreach (var line in days.GroupBy(d => d.LineId))
        {
            var interval = line.First().IntervalSeconds;
            intervalSizes.Add(interval);
            Assert.Equal(yearDays, line.Count());
            Assert.Equal(Year.First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), line.Min(d => d.Day));
            Assert.Equal(Year.End.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), line.Max(d => d.Day));
            // The same opening hours every day, and every interval between them present (no gaps).
            Assert.Single(line.Select(d => (d.Rows, d.FirstTime, d.LastTime)).Distinct());
            var open = TimeOnly.Parse(line.First().FirstTime, CultureInfo.InvariantCulture);
            var last = TimeOnly.Parse(line.First().LastTime, CultureInfo.InvariantCulture);
            Assert.Equal(((last - open).TotalSeconds / interval) + 1, line.First().Rows);
            Assert.Equal(0, open.ToTimeSpan().TotalSeconds % interval);
        }

        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM staffing_volumes v JOIN staffing_service_lines l ON l.id = v.service_line_id
            WHERE ((CAST(substr(v.interval_start, 12, 2) AS INTEGER) * 60 + CAST(substr(v.interval_start, 15, 2) AS INTEGER)) * 60) % l.interval_seconds <> 0
               OR length(v.interval_start) <> 16 OR substr(v.interval_start, 11, 1) <> 'T'
            """));
        var hotline = days.Where(d => d.LineId == days.First(x => x.IntervalSeconds == 900 && x.Rows == 96).LineId).ToArray();
        Assert.All(hotline, d => Assert.Equal(("00:00", "23:45"), (d.FirstTime, d.LastTime)));
        Assert.Contains(days, d => d.Rows < 86_400 / d.IntervalSeconds); // some lines keep opening hours
        Assert.True(intervalSizes.Count >= 2, "interval sizes should mix");
    }

    [Fact]
    public async Task Run_Small_EveryValueIsWhatAnImportStoresAndWithinTheChecks()
    {
        Assert.Equal(0, await CountAsync("""
            SELECT count(*) FROM staffing_volumes
            WHERE source <> 'import' OR offered < 0 OR handled < 0 OR handled > offered OR aht_seconds < 0
               OR offered <> round(offered) OR handled <> round(handled) OR aht_seconds <> round(aht_seconds)
               OR (handled = 0) <> (aht_seconds = 0) OR offered > 1000000
            """));
        Assert.Equal(0, await CountAsync("""
            SELECT count(*) FROM staffing_service_lines
            WHERE interval_seconds NOT IN (900, 1800, 3600) OR aht_seconds NOT BETWEEN 1 AND 86400 OR sl_target_bp NOT BETWEEN 0 AND 9900
               OR sl_seconds NOT BETWEEN 1 AND 3600 OR shrinkage_bp NOT BETWEEN 0 AND 9000 OR max_occupancy_bp NOT BETWEEN 100 AND 10000
               OR (max_abandon_bp IS NOT NULL AND patience_seconds IS NULL) OR length(name) NOT BETWEEN 1 AND 100
            """));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM staffing_scenarios WHERE peak_positions <= 0 OR seats_needed < peak_positions"));
        Assert.True(await CountAsync("SELECT max(n) FROM (SELECT count(*) AS n FROM staffing_volumes GROUP BY service_line_id)") <= IntervalBatch.MaxRows);
        Assert.Equal(0, await CountAsync("PRAGMA foreign_key_check"));
    }

    [Fact]
    public async Task Run_Small_TheHotlineYearHasPeaksWeekendsAndSpringFestival()
    {
        var id = await HotlineIdAsync();
        await using var connection = await fixture.Db.Db.OpenAsync();
        double Avg(string where) => connection.ExecuteScalar<double>(
            $"SELECT avg(offered) FROM staffing_volumes WHERE service_line_id = @Id AND {where}", new { Id = id });
        var morning = Avg("substr(interval_start, 12, 2) = '10'");
        var night = Avg("substr(interval_start, 12, 2) = '03'");
        var lunch = Avg("substr(interval_start, 12, 5) = '12:30'");
        Assert.True(morning > 5 * night, $"morning {morning} vs night {night}");
        Assert.True(morning > lunch && Avg("substr(interval_start, 12, 2) = '15'") > lunch, "two peaks around a lunch dip");
        var weekday = Avg("strftime('%w', substr(interval_start, 1, 10)) IN ('1', '2', '3')");
        var weekend = Avg("strftime('%w', substr(interval_start, 1, 10)) IN ('0', '6')");
        Assert.True(weekend < 0.85 * weekday, $"weekend {weekend} vs weekday {weekday}");
        var festival = Avg("substr(interval_start, 1, 10) BETWEEN '2026-02-17' AND '2026-02-22'");
        var january = Avg("substr(interval_start, 1, 7) = '2026-01'");
        Assert.True(festival < 0.8 * january, $"Spring Festival {festival} vs January {january}");
        Assert.True(Avg("1") > 20, "a city hotline takes thousands of calls a day");
    }

    [Fact]
    public async Task SeededScenario_PlannedThroughTheTenantsScope_NeedsPlausibleAgentsAndMatchesItsStoredSeats()
    {
        var id = await HotlineIdAsync();
        var line = (await fixture.Db.Get<ServiceLineStore>().GetAsync(AccessScope.System, id))!;
        var tenant = AccessScope.For(0, "ops@hotline.test", [Roles.TenantUser], line.TenantId);
        var scenarios = await fixture.Db.Get<ScenarioStore>().ListAsync(tenant, id);
        Assert.Equal(2, scenarios.Count);
        foreach (var scenario in scenarios)
        {
            var plan = (await fixture.Db.Get<ScenarioStore>().PlanAsync(tenant, scenario.Id))!;
            Assert.Equal(scenario.SeatsNeeded, plan.Requirement.SeatsNeeded);
            Assert.Equal(scenario.PeakPositions, plan.Requirement.PeakPositions);
            Assert.Equal(0, plan.Requirement.Unreachable);
            Assert.Equal(7 * 96 * scenario.Weeks, plan.Requirement.Intervals.Count);
            var agents = plan.Requirement.Intervals.Select(i => i.Agents).ToArray();
            // Seasonal naive repeats last week's nights; additive Holt-Winters clips some thin nights to zero calls (its own trait).
            Assert.True(scenario.Method != "seasonal_naive" || agents.Count(a => a == 0) < agents.Length / 100,
                $"a 24-hour hotline is staffed at night too: {agents.Count(a => a == 0)} empty of {agents.Length}, e.g. {string.Join(", ", plan.Requirement.Intervals.Where(i => i.Agents == 0).Take(5).Select(i => $"{i.Start:yyyy-MM-dd HH:mm} {i.Volume}"))}");
            var nights = plan.Requirement.Intervals.Where(i => i.Start.Hour is >= 2 and < 5).Select(i => i.Agents).Order().ToArray();
            Assert.True(agents.Max() > 4 * nights[nights.Length / 2], $"peaks {agents.Max()} above night troughs {nights[nights.Length / 2]}");
        }

        Assert.True(scenarios.Single(s => !s.Planned).SeatsNeeded > scenarios.Single(s => s.Planned).SeatsNeeded); // +15% needs more

        // The line's own year through the engine, as the line page reads it.
        var history = (await fixture.Db.Get<VolumeStore>().HistoryAsync(tenant, id))!;
        Assert.InRange(history.Weeks, 51, 52);
        var year = Requirement.Compute(history.FirstMonday.ToDateTime(TimeOnly.MinValue), history.Offered, line.Targets());
        Assert.Equal(0, year.Unreachable);
        Assert.InRange(year.PeakPositions, 20, 5_000);
        Assert.True(year.Days.Max(d => d.PeakAgents) > year.Days.Min(d => d.PeakAgents), "busier and quieter days");
    }

    [Fact]
    public async Task Run_IsDeterministic_SameVolumesInAFreshDatabase()
    {
        await using var other = TestDatabase.Create();
        await other.Get<NationalSeed>().RunAsync(NationalSize.Small, _ => { });
        const string fingerprint = """
            SELECT (SELECT group_concat(name || ':' || interval_seconds || ':' || aht_seconds, ',') FROM (SELECT * FROM staffing_service_lines ORDER BY id))
                || '|' || (SELECT count(*) || ':' || sum(offered) || ':' || sum(handled) || ':' || sum(aht_seconds) FROM staffing_volumes)
                || '|' || (SELECT group_concat(seats_needed, ',') FROM (SELECT seats_needed FROM staffing_scenarios ORDER BY id))
            """;
        await using var a = await fixture.Db.Db.OpenAsync();
        await using var b = await other.Db.OpenAsync();
        Assert.Equal(await a.ExecuteScalarAsync<string>(fingerprint), await b.ExecuteScalarAsync<string>(fingerprint));
    }
}
