using System.Globalization;
using Dapper;
using Park.Domain.Staffing;

namespace Park.Tests.Staffing;

/// <summary>Park demand aggregated in SQL, checked against a plain count over the raw holds and against holds placed by hand.</summary>
public sealed class ParkDemandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly First = new(2026, 11, 1); // the test clock's month (2026-11-23)

    private sealed record RawHold(long ParkId, long TenantId, long SeatId, long FloorId, string StartDate, string EndDate);

    [Fact]
    public async Task ForScope_LeasedPerMonthAndFloorsFreeing_MatchAPlainCountOfTheHolds()
    {
        await using var db = await TestDatabase.WithDemoAsync(leases: true);
        var (floorId, building, floor) = await PlaceKnownHoldsAsync(db);
        await using var connection = await db.Db.OpenAsync(Ct);
        var holds = (await connection.QueryAsync<RawHold>("""
            SELECT h.park_id AS ParkId, h.tenant_id AS TenantId, h.seat_id AS SeatId, z.floor_id AS FloorId, h.start_date AS StartDate, h.end_date AS EndDate
            FROM seat_holds h JOIN seats s ON s.id = h.seat_id JOIN zones z ON z.id = s.zone_id WHERE h.kind = 'held'
            """)).ToArray();
        Assert.NotEmpty(holds);

        var view = Assert.Single((await db.Get<ParkDemandQueries>().ForScopeAsync(await db.ScopeOfAsync("parkadmin@park.demo"), Ct)).Value!);
        var plans = (await connection.QueryAsync<(long TenantId, string Start, long Seats)>(
            "SELECT tenant_id, start_date, seats_needed FROM staffing_scenarios WHERE is_plan = 1")).ToArray();
        for (var i = 0; i < ParkDemandQueries.Months; i++)
        {
            var month = First.AddMonths(i);
            var leased = LeasedOn(holds, month).GroupBy(h => h.TenantId).ToDictionary(g => g.Key, g => g.Select(h => h.SeatId).Distinct().Count());
            var planned = plans.Where(p => Day(p.Start) < month.AddMonths(1)).GroupBy(p => p.TenantId).ToDictionary(g => g.Key, g => (int)g.Sum(p => p.Seats));
            Assert.Equal(month, view.Months[i].Month);
            Assert.Equal(leased.Values.Sum(), view.Months[i].Leased);
            Assert.Equal(leased.Keys.Union(planned.Keys).Sum(t => Math.Max(leased.GetValueOrDefault(t), planned.GetValueOrDefault(t))), view.Months[i].Forecast);
            Assert.Equal(planned.Where(p => p.Value > leased.GetValueOrDefault(p.Key)).Select(p => p.Key).Order(),
                view.Months[i].TenantsNeedingRoom.Select(t => t.TenantId).Order());
        }

        var expected = new List<(long Floor, DateOnly Month, int Freed, int After)>();
        foreach (var f in holds.Select(h => h.FloorId).Distinct())
        {
            for (var i = 1; i < ParkDemandQueries.Months; i++)
            {
                var before = LeasedOn(holds, First.AddMonths(i - 1)).Count(h => h.FloorId == f);
                var after = LeasedOn(holds, First.AddMonths(i)).Count(h => h.FloorId == f);
                if (after < before)
                {
                    expected.Add((f, First.AddMonths(i), before - after, after));
                }
            }
        }

        Assert.Equal(expected.OrderBy(e => e.Floor).ThenBy(e => e.Month),
            view.FloorsFreeing.Select(r => (r.FloorId, r.Month, r.SeatsFreed, r.LeasedAfter)).OrderBy(e => e.FloorId).ThenBy(e => e.Month));

        // The floor held by hand: three seats end on 2027-02-10 (free from March), the fourth on 2027-06-01 (free from June).
        Assert.Equal([(new DateOnly(2027, 3, 1), 3, 1), (new DateOnly(2027, 6, 1), 1, 0)],
            view.FloorsFreeing.Where(r => r.FloorId == floorId).Select(r => (r.Month, r.SeatsFreed, r.LeasedAfter)));
        Assert.All(view.FloorsFreeing.Where(r => r.FloorId == floorId), r => Assert.Equal((building, floor), (r.BuildingCode, r.FloorName)));

        var plan = Assert.Single(view.Plans);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero).Date, plan.ComputedAt?.UtcDateTime.Date);
        Assert.StartsWith("杭州恒信通", plan.TenantZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Month_ForecastIsEachTenantsLargerOfLeaseAndPlan_AndNamesFollowTheLanguage()
    {
        var month = new DateOnly(2027, 3, 1);
        var leased = new Dictionary<long, int> { [1] = 2 };
        var plans = new (long, DateOnly, int)[] { (1, new DateOnly(2027, 3, 30), 5), (2, new DateOnly(2027, 4, 6), 9) };
        var names = new Dictionary<long, (string, string)> { [1] = ("甲公司", "Alpha Ltd"), [2] = ("乙公司", "") };
        var demand = ParkDemandQueries.Month(month, 100, leased, plans, names);
        Assert.Equal(2, demand.Leased);
        Assert.Equal(5, demand.Forecast); // tenant 1: max(2, 5); tenant 2: its plan starts in April
        var need = Assert.Single(demand.TenantsNeedingRoom);
        Assert.Equal((3, "Alpha Ltd", "甲公司"), (need.Extra, need.Name(english: true), need.Name(english: false)));
        Assert.Equal(95, demand.Free);
        Assert.Equal("乙公司", new TenantNeed(2, "乙公司", "", 0, 9).Name(english: true)); // no English name registered
    }

    private static IEnumerable<RawHold> LeasedOn(IEnumerable<RawHold> holds, DateOnly day) =>
        holds.Where(h => Day(h.StartDate) <= day && day < Day(h.EndDate));

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Four held seats on a floor nobody leases, under an existing lease: known release dates.</summary>
    private static async Task<(long FloorId, string Building, string Floor)> PlaceKnownHoldsAsync(TestDatabase db)
    {
        await using var connection = await db.Db.OpenAsync(Ct);
        var lease = await connection.QuerySingleAsync<(long Id, long ParkId, long TenantId, long VersionId)>("""
            SELECT l.id, l.park_id, l.tenant_id, (SELECT max(v.id) FROM lease_versions v WHERE v.lease_id = l.id) FROM leases l ORDER BY l.id LIMIT 1
            """);
        var floor = await connection.QuerySingleAsync<(long Id, string Building, string Name)>("""
            SELECT f.id, b.code, f.name FROM floors f JOIN buildings b ON b.id = f.building_id
            WHERE b.park_id = @ParkId
              AND NOT EXISTS (SELECT 1 FROM seat_holds h JOIN seats s ON s.id = h.seat_id JOIN zones z ON z.id = s.zone_id WHERE z.floor_id = f.id)
              AND (SELECT count(*) FROM seats s JOIN zones z ON z.id = s.zone_id WHERE z.floor_id = f.id) >= 4
            ORDER BY f.id LIMIT 1
            """, new { lease.ParkId });
        var seats = (await connection.QueryAsync<long>(
            "SELECT s.id FROM seats s JOIN zones z ON z.id = s.zone_id WHERE z.floor_id = @Id ORDER BY s.id LIMIT 4", new { floor.Id })).ToArray();
        for (var i = 0; i < seats.Length; i++)
        {
            await connection.ExecuteAsync("""
                INSERT INTO seat_holds (seat_id, park_id, tenant_id, lease_id, lease_version_id, kind, start_date, end_date)
                VALUES (@Seat, @ParkId, @TenantId, @LeaseId, @VersionId, 'held', '2026-10-01', @End)
                """, new { Seat = seats[i], lease.ParkId, lease.TenantId, LeaseId = lease.Id, lease.VersionId, End = i < 3 ? "2027-02-10" : "2027-06-01" });
        }

        return (floor.Id, floor.Building, floor.Name);
    }
}
