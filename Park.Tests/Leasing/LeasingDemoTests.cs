using Dapper;
using Park.Domain.Access;
using Park.Domain.Data;
using Park.Domain.Leasing;

namespace Park.Tests.Leasing;

public sealed class LeasingDemoTests
{
    [Fact]
    public async Task Demo_HasLeasesInEveryStatusAndStage_AndNoSeatIsDoubleLeased()
    {
        await using var db = await TestDatabase.WithDemoAsync(leases: true);
        var page = await db.Get<LeaseStore>().ListAsync(AccessScope.System, new LeaseQuery(), new PageRequest(1, 200), TestContext.Current.CancellationToken);
        Assert.Equal(["approved", "cancelled", "draft", "signed"], page.Items.Select(l => l.Status).Distinct().Order());
        Assert.Equal(["active", "ended", "notice_served", "up_for_renewal", "upcoming"],
            page.Items.Where(l => l.Status == "signed").Select(l => l.Stage).Distinct().Order());
        Assert.Equal(["expired", "renewed", "terminated"], page.Items.Where(l => l.EndReason is not null).Select(l => l.EndReason!).Distinct().Order());
        await using var c = await db.Db.OpenAsync(TestContext.Current.CancellationToken);
        var today = TestClock.At(2026, 11, 23).Today();
        Assert.True(await c.ExecuteScalarAsync<long>(
            "SELECT count(DISTINCT seat_id) FROM seat_holds WHERE kind = 'held' AND start_date <= @Today AND @Today < end_date", new { Today = today }) >= 400);
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM seat_holds a JOIN seat_holds b ON a.seat_id = b.seat_id AND a.id < b.id AND a.lease_id <> b.lease_id
            WHERE a.kind = 'held' AND b.kind = 'held' AND a.start_date < b.end_date AND b.start_date < a.end_date
            """));
        Assert.Equal(1, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM lease_requests WHERE status = 'pending'"));
        Assert.Equal(1, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM lease_versions WHERE kind = 'amendment' AND status = 'signed'"));
    }

    [Fact]
    public async Task Demo_ReservesSeatsToday_AndTheMapOpensWhereThereIsSomethingToSee()
    {
        await using var db = await TestDatabase.WithDemoAsync(leases: true);
        var ct = TestContext.Current.CancellationToken;
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        await using var c = await db.Db.OpenAsync(ct);
        var parkId = await c.ExecuteScalarAsync<long>("SELECT id FROM parks WHERE code = 'HZ-SV'");
        async Task<string> FloorAsync(long? floorId) => await c.ExecuteScalarAsync<string>(
            "SELECT b.code || '-' || f.name FROM floors f JOIN buildings b ON b.id = f.building_id WHERE f.id = @Id", new { Id = floorId }) ?? "";

        var dashboard = (await db.Get<Park.Domain.Inventory.CapacityStore>().DashboardAsync(admin, parkId, ct))!;
        var queries = db.Get<Park.Domain.Inventory.SeatMapQueries>();
        var today = TestClock.At(2026, 11, 23).Today();

        Assert.True(dashboard.Park.Reserved > 0, "a draft lease reserves seats today");
        Assert.Equal("A-3F", await FloorAsync(await queries.DefaultFloorAsync(admin, parkId, today, ct)));
        Assert.Equal("B-2F", await FloorAsync(await queries.DefaultFloorAsync(await db.ScopeOfAsync("ops@yunsheng.demo"), parkId, today, ct)));
        var reservedFloor = (await queries.FloorAsync(admin, await c.ExecuteScalarAsync<long>(
            "SELECT f.id FROM floors f JOIN buildings b ON b.id = f.building_id WHERE b.code = 'A' AND f.level = 4"), today, ct))!;
        Assert.Contains(reservedFloor.Seats, s => s.State == Park.Domain.Inventory.SeatStates.Reserved);
    }
}
