using Park.Domain.Inventory;

namespace Park.Tests.Inventory;

public sealed class SeatMapQueriesTests
{
    private static readonly DateOnly Day = new(2027, 3, 15);

    private static async Task<(TestDatabase Db, InventoryBuilder Build, long FloorId)> ArrangeAsync()
    {
        var db = await TestDatabase.WithDemoAsync();
        var build = new InventoryBuilder(db);
        await build.LeaseAsync(0, "HZ-2027-0001", new DateOnly(2027, 1, 1), new DateOnly(2028, 1, 1), "held", "A-2F-Z1-001", "A-2F-Z1-002");
        await build.LeaseAsync(1, "HZ-2027-0002", new DateOnly(2027, 1, 1), new DateOnly(2028, 1, 1), "held", "A-2F-Z1-003");
        await build.LeaseAsync(2, "HZ-2027-0003", new DateOnly(2027, 3, 1), new DateOnly(2027, 9, 1), "reserved", "A-2F-Z1-004");
        await build.LeaseAsync(0, "HZ-2026-0009", new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1), "held", "A-2F-Z1-005");
        return (db, build, await build.FloorIdAsync("A", 2));
    }

    [Fact]
    public async Task Floor_ForAnAdministrator_ShowsEveryStateWithTenants()
    {
        var (db, build, floorId) = await ArrangeAsync();
        await using var _ = db;

        var map = (await db.Get<SeatMapQueries>().FloorAsync(await build.AdminAsync(), floorId, Day, InventoryBuilder.Ct))!;
        var seats = map.Seats.ToDictionary(s => s.Code);

        Assert.Equal(200, map.Seats.Count);
        Assert.Equal(SeatStates.Leased, seats["A-2F-Z1-001"].State);
        Assert.Equal("HZ-2027-0001", seats["A-2F-Z1-001"].LeaseNumber);
        Assert.Equal("杭州恒信通客户服务有限公司", seats["A-2F-Z1-001"].TenantNameZh);
        Assert.Equal("浙江云声信息技术有限公司", seats["A-2F-Z1-003"].TenantNameZh);
        Assert.Equal(SeatStates.Reserved, seats["A-2F-Z1-004"].State);
        Assert.Equal(SeatStates.Free, seats["A-2F-Z1-005"].State); // that lease ended on 2027-01-01
        Assert.Equal(SeatStates.OutOfService, seats["A-2F-Z2-047"].State); // demo seat 97 is under maintenance
    }

    [Fact]
    public async Task Floor_ForATenantUser_HidesOtherTenantsInTheQuery()
    {
        var (db, _, floorId) = await ArrangeAsync();
        await using var __ = db;

        var map = (await db.Get<SeatMapQueries>().FloorAsync(await db.ScopeOfAsync("ops@hengxintong.demo"), floorId, Day, InventoryBuilder.Ct))!;
        var seats = map.Seats.ToDictionary(s => s.Code);

        Assert.True(seats["A-2F-Z1-001"].Mine);
        Assert.Equal(SeatStates.Leased, seats["A-2F-Z1-001"].State);
        foreach (var other in new[] { "A-2F-Z1-003", "A-2F-Z1-004" })
        {
            Assert.Equal(SeatStates.Occupied, seats[other].State);
            Assert.False(seats[other].Mine);
            Assert.Null(seats[other].TenantId);
            Assert.Null(seats[other].TenantNameZh);
            Assert.Null(seats[other].TenantNameEn);
            Assert.Null(seats[other].LeaseNumber);
        }

        Assert.DoesNotContain(map.Seats, s => s.TenantNameZh is not null && s.TenantNameZh != "杭州恒信通客户服务有限公司");
    }

    [Fact]
    public async Task Floor_OfAnotherPark_ReadsAsMissing()
    {
        var (db, _, floorId) = await ArrangeAsync();
        await using var __ = db;
        var platform = await db.ScopeOfAsync("admin@park.demo");
        var other = await db.Get<ParkStore>().CreateAsync(new NewPark("SZ-01", "深圳园区", "Shenzhen park", "深圳", "", "", "", null), platform, InventoryBuilder.Actor, InventoryBuilder.Ct);
        var building = await db.Get<InventoryService>().SaveBuildingAsync(platform, InventoryBuilder.Actor, other.Value, null, new BuildingInput("S", "S"), ct: InventoryBuilder.Ct);
        var otherFloor = await db.Get<InventoryService>().SaveFloorAsync(platform, InventoryBuilder.Actor, null, new FloorInput(building.Value, 1, "1F", 100, 100), ct: InventoryBuilder.Ct);
        var queries = db.Get<SeatMapQueries>();

        Assert.Null(await queries.FloorAsync(await db.ScopeOfAsync("ops@hengxintong.demo"), otherFloor.Value, Day, InventoryBuilder.Ct));
        Assert.Null(await queries.FloorAsync(await db.ScopeOfAsync("reviewer@gov.demo"), otherFloor.Value, Day, InventoryBuilder.Ct));
        Assert.NotNull(await queries.FloorAsync(platform, otherFloor.Value, Day, InventoryBuilder.Ct));
        Assert.NotNull(await queries.FloorAsync(await db.ScopeOfAsync("reviewer@gov.demo"), floorId, Day, InventoryBuilder.Ct));
    }

    [Fact]
    public async Task DefaultFloor_OpensWhereSeatsAreLeasedForStaff_AndOnTheTenantsOwnSeatsForATenant()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var build = new InventoryBuilder(db);
        var queries = db.Get<SeatMapQueries>();
        var parkId = await build.ParkIdAsync();
        var admin = await build.AdminAsync();
        Assert.Equal(await build.FloorIdAsync("A", 2), await queries.DefaultFloorAsync(admin, parkId, Day, InventoryBuilder.Ct)); // nothing leased: the first floor

        await build.LeaseAsync(2, "HZ-2027-0003", new DateOnly(2027, 1, 1), new DateOnly(2028, 1, 1), "reserved", "A-3F-Z1-001");
        await build.LeaseAsync(0, "HZ-2027-0001", new DateOnly(2027, 1, 1), new DateOnly(2028, 1, 1), "held", "B-3F-Z1-001");
        await build.LeaseAsync(1, "HZ-2027-0002", new DateOnly(2027, 6, 1), new DateOnly(2028, 1, 1), "held", "B-4F-Z1-001");
        await build.LeaseAsync(1, "HZ-2025-0002", new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 1), "held", "A-4F-Z1-001");

        Assert.Equal(await build.FloorIdAsync("B", 3), await queries.DefaultFloorAsync(admin, parkId, Day, InventoryBuilder.Ct));
        Assert.Equal(await build.FloorIdAsync("B", 3), await queries.DefaultFloorAsync(await db.ScopeOfAsync("reviewer@gov.demo"), parkId, Day, InventoryBuilder.Ct));
        Assert.Equal(await build.FloorIdAsync("B", 3), await queries.DefaultFloorAsync(await db.ScopeOfAsync("ops@hengxintong.demo"), parkId, Day, InventoryBuilder.Ct));
        // Yunsheng holds nothing on the day: its floors at other times, the earliest first in building and level order.
        var yunsheng = await db.ScopeOfAsync("ops@yunsheng.demo");
        Assert.Equal(await build.FloorIdAsync("A", 4), await queries.DefaultFloorAsync(yunsheng, parkId, Day, InventoryBuilder.Ct));
        Assert.Equal(await build.FloorIdAsync("B", 4), await queries.DefaultFloorAsync(yunsheng, parkId, new DateOnly(2027, 7, 1), InventoryBuilder.Ct));
        Assert.Null(await queries.DefaultFloorAsync(yunsheng, parkId + 1, Day, InventoryBuilder.Ct));
    }

    [Fact]
    public async Task Floor_OfAThousandSeats_ReturnsEverySeatWithItsPosition()
    {
        var (db, build, _) = await ArrangeAsync();
        await using var __ = db;
        var admin = await build.AdminAsync();
        var service = db.Get<InventoryService>();
        var floor = await service.SaveFloorAsync(admin, InventoryBuilder.Actor, null, new FloorInput(await build.BuildingIdAsync("A"), 9, "9F", 2000, 1000), ct: InventoryBuilder.Ct);
        var zone = await service.SaveZoneAsync(admin, InventoryBuilder.Actor, null, new ZoneInput(floor.Value, "Z1", "Z1"), ct: InventoryBuilder.Ct);
        await service.GenerateGridAsync(admin, InventoryBuilder.Actor, zone.Value, new GridSpec(SeatCodePattern.Default, 20, 50, 10, 10, 30, 40), InventoryBuilder.Ct);
        var queries = db.Get<SeatMapQueries>();
        var map = await queries.FloorAsync(admin, floor.Value, Day, InventoryBuilder.Ct);

        // Its time is Park.Bench's to measure (docs/performance.md); here: every seat, once, where the grid put it.
        Assert.Equal(1000, map!.Seats.Count);
        Assert.Equal(1000, map.Seats.Select(s => s.Code).Distinct().Count());
        Assert.Equal(1000, map.Seats.Select(s => (s.X, s.Y)).Distinct().Count());
    }
}
