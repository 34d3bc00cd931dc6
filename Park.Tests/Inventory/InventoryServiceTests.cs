using Park.Domain.Data;
using Park.Domain.Inventory;

namespace Park.Tests.Inventory;

public sealed class InventoryServiceTests
{
    private static readonly DateOnly Jan1 = new(2027, 1, 1);
    private static readonly DateOnly Jul1 = new(2027, 7, 1);

    [Fact]
    public async Task SetStatus_WhenALeaseHoldsTheSeat_IsRefusedNamingTheLease()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var build = new InventoryBuilder(db);
        await build.LeaseAsync(0, "HZ-2027-0001", Jan1, Jul1, "held", "A-2F-Z1-002");
        var seat = await build.SeatIdAsync("A-2F-Z1-002");

        var result = await db.Get<InventoryService>().SetStatusAsync(await build.AdminAsync(), InventoryBuilder.Actor, await build.ParkIdAsync(),
            new StatusChange([seat], ServiceStatuses.Retired, new DateOnly(2027, 3, 1), null), InventoryBuilder.Ct);

        Assert.Equal(ErrorKind.Conflict, result.Problem?.Kind);
        Assert.Equal("SeatHeldByLease", result.Problem!.Code);
        Assert.Equal(["A-2F-Z1-002", "HZ-2027-0001"], result.Problem.Args);
        Assert.Equal(0, await build.CountAsync("SELECT count(*) FROM seats WHERE id = @Id AND service_status <> 'in_service'", new { Id = seat }));
        Assert.Equal(1, await build.CountAsync("SELECT count(*) FROM audit_events WHERE action = 'seat.status' AND outcome = 'failure'"));
    }

    [Theory]
    [InlineData(ServiceStatuses.Retired)]
    [InlineData(ServiceStatuses.Maintenance)]
    public async Task SetStatus_WhenADraftLeaseReservesTheSeat_IsRefusedNamingTheDraft(string status)
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var build = new InventoryBuilder(db);
        await build.LeaseAsync(1, "HZ-2027-0002", Jan1, Jul1, "reserved", "A-2F-Z1-003");
        var seats = new[] { await build.SeatIdAsync("A-2F-Z1-001"), await build.SeatIdAsync("A-2F-Z1-003") };

        var result = await db.Get<InventoryService>().SetStatusAsync(await build.AdminAsync(), InventoryBuilder.Actor, await build.ParkIdAsync(),
            new StatusChange(seats, status, new DateOnly(2027, 3, 1), new DateOnly(2027, 9, 1)), InventoryBuilder.Ct);

        Assert.Equal(ErrorKind.Conflict, result.Problem?.Kind);
        Assert.Equal("SeatReservedByDraft", result.Problem!.Code);
        Assert.Equal(["A-2F-Z1-003", "HZ-2027-0002"], result.Problem.Args);
        Assert.Equal(0, await build.CountAsync("SELECT count(*) FROM seats WHERE id IN @Ids AND service_status <> 'in_service'", new { Ids = seats }));
        Assert.Equal(1, await build.CountAsync("SELECT count(*) FROM audit_events WHERE action = 'seat.status' AND outcome = 'failure'"));
    }

    [Fact]
    public async Task SetStatus_WhenALeaseAndADraftBothCollide_NamesTheLease()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var build = new InventoryBuilder(db);
        await build.LeaseAsync(1, "HZ-2027-0002", Jan1, Jul1, "reserved", "A-2F-Z1-001");
        await build.LeaseAsync(0, "HZ-2027-0001", Jan1, Jul1, "held", "A-2F-Z1-002");
        var seats = new[] { await build.SeatIdAsync("A-2F-Z1-001"), await build.SeatIdAsync("A-2F-Z1-002") };

        var result = await db.Get<InventoryService>().SetStatusAsync(await build.AdminAsync(), InventoryBuilder.Actor, await build.ParkIdAsync(),
            new StatusChange(seats, ServiceStatuses.Retired, new DateOnly(2027, 3, 1), null), InventoryBuilder.Ct);

        Assert.Equal(("SeatHeldByLease", "HZ-2027-0001"), (result.Problem?.Code, result.Problem?.Args[1]));
    }

    [Fact]
    public async Task SetStatus_MaintenanceAfterTheLeaseEnds_IsAllowed()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var build = new InventoryBuilder(db);
        await build.LeaseAsync(0, "HZ-2027-0001", Jan1, Jul1, "held", "A-2F-Z1-002");
        await build.LeaseAsync(1, "HZ-2027-0002", Jan1, Jul1, "reserved", "A-2F-Z1-003");
        var seats = new[] { await build.SeatIdAsync("A-2F-Z1-002"), await build.SeatIdAsync("A-2F-Z1-003") };

        var result = await db.Get<InventoryService>().SetStatusAsync(await build.AdminAsync(), InventoryBuilder.Actor, await build.ParkIdAsync(),
            new StatusChange(seats, ServiceStatuses.Maintenance, Jul1, new DateOnly(2027, 8, 1)), InventoryBuilder.Ct);

        Assert.Equal(2, result.Value);
        Assert.Equal(2, await build.CountAsync("SELECT count(*) FROM seats WHERE service_status = 'maintenance' AND status_since = '2027-07-01' AND status_until = '2027-08-01'"));
        Assert.Equal(1, await build.CountAsync("SELECT count(*) FROM audit_events WHERE action = 'seat.status' AND outcome = 'success'"));
    }

    [Fact]
    public async Task SetStatus_EndBeforeStart_IsInvalid()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var build = new InventoryBuilder(db);
        var result = await db.Get<InventoryService>().SetStatusAsync(await build.AdminAsync(), InventoryBuilder.Actor, await build.ParkIdAsync(),
            new StatusChange([await build.SeatIdAsync("A-2F-Z1-002")], ServiceStatuses.Maintenance, Jul1, Jan1), InventoryBuilder.Ct);
        Assert.Equal("DateRangeInvalid", result.Problem?.Code);
    }

    [Fact]
    public async Task GenerateGrid_CreatesEverySeatAndAuditsOnce()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var build = new InventoryBuilder(db);
        var admin = await build.AdminAsync();
        var service = db.Get<InventoryService>();
        var floor = await service.SaveFloorAsync(admin, InventoryBuilder.Actor, null, new FloorInput(await build.BuildingIdAsync("A"), 5, "5F", 600, 400), ct: InventoryBuilder.Ct);
        var zone = await service.SaveZoneAsync(admin, InventoryBuilder.Actor, null, new ZoneInput(floor.Value, "Z1", "1 区"), ct: InventoryBuilder.Ct);

        var result = await service.GenerateGridAsync(admin, InventoryBuilder.Actor, zone.Value, new GridSpec(SeatCodePattern.Default, 4, 10, 40, 30, 24, 32), InventoryBuilder.Ct);
        var again = await service.GenerateGridAsync(admin, InventoryBuilder.Actor, zone.Value, new GridSpec(SeatCodePattern.Default, 1, 1, 40, 30, 24, 32), InventoryBuilder.Ct);

        Assert.Equal(40, result.Value);
        Assert.Equal("SeatCodeTaken", again.Problem?.Code);
        Assert.Equal(40, await build.CountAsync("SELECT count(*) FROM seats WHERE zone_id = @Zone", new { Zone = zone.Value }));
        Assert.Equal(1, await build.CountAsync("SELECT count(*) FROM seats WHERE code = 'A-5F-Z1-040' AND x = 256 AND y = 126"));
        Assert.Equal(1, await build.CountAsync("SELECT count(*) FROM audit_events WHERE action = 'seat.grid'"));
    }

    [Fact]
    public async Task SaveSeat_OffThePlanOrDuplicate_IsInvalid()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var build = new InventoryBuilder(db);
        var admin = await build.AdminAsync();
        var zone = await build.ZoneIdAsync("A", 2, "Z1");
        var service = db.Get<InventoryService>();

        var off = await service.SaveSeatAsync(admin, InventoryBuilder.Actor, null, new SeatInput(zone, "A-X1", SeatTypes.Agent, true, true, true, 1, false, 601, 5), ct: InventoryBuilder.Ct);
        var dup = await service.SaveSeatAsync(admin, InventoryBuilder.Actor, null, new SeatInput(zone, "a-2f-z1-001", SeatTypes.Agent, true, true, true, 1, false, 5, 5), ct: InventoryBuilder.Ct);

        Assert.Equal("PositionOffPlan", off.Problem?.Code);
        Assert.Equal("SeatCodeTaken", dup.Problem?.Code);
    }

    [Fact]
    public async Task SaveSeat_WithAStaleVersion_IsToldToReload()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var build = new InventoryBuilder(db);
        var admin = await build.AdminAsync();
        var seat = (await db.Get<InventoryStore>().SeatAsync(admin, await build.SeatIdAsync("A-2F-Z1-005"), InventoryBuilder.Ct))!;
        var input = new SeatInput(seat.ZoneId, seat.Code, SeatTypes.Quality, true, true, true, 2, false, seat.X, seat.Y);
        var service = db.Get<InventoryService>();

        var first = await service.SaveSeatAsync(admin, InventoryBuilder.Actor, seat.Id, input, seat.RowVersion, InventoryBuilder.Ct);
        var second = await service.SaveSeatAsync(admin, InventoryBuilder.Actor, seat.Id, input, seat.RowVersion, InventoryBuilder.Ct);

        Assert.True(first.Succeeded);
        Assert.Equal(ErrorKind.Stale, second.Problem?.Kind);
    }

    [Theory]
    [InlineData("reviewer@gov.demo", ErrorKind.NotAllowed)]
    [InlineData("ops@hengxintong.demo", ErrorKind.NotAllowed)]
    public async Task Changes_ByNonAdministrators_AreRefused(string email, ErrorKind kind)
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var build = new InventoryBuilder(db);
        var result = await db.Get<InventoryService>().SaveBuildingAsync(await db.ScopeOfAsync(email), InventoryBuilder.Actor, await build.ParkIdAsync(), null,
            new BuildingInput("C", "C 座"), ct: InventoryBuilder.Ct);
        Assert.Equal(kind, result.Problem?.Kind);
        Assert.Equal(0, await build.CountAsync("SELECT count(*) FROM buildings WHERE code = 'C'"));
    }

    [Fact]
    public async Task Changes_ByAnAdministratorOfAnotherPark_ReadAsNotFound()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var build = new InventoryBuilder(db);
        var platform = await db.ScopeOfAsync("admin@park.demo");
        var otherPark = await db.Get<ParkStore>().CreateAsync(new NewPark("SZ-01", "深圳园区", "Shenzhen park", "深圳", "", "", "", null), platform, InventoryBuilder.Actor, InventoryBuilder.Ct);

        var result = await db.Get<InventoryService>().SaveBuildingAsync(await build.AdminAsync(), InventoryBuilder.Actor, otherPark.Value, null,
            new BuildingInput("C", "C 座"), ct: InventoryBuilder.Ct);

        Assert.Equal(ErrorKind.NotFound, result.Problem?.Kind);
    }
}
