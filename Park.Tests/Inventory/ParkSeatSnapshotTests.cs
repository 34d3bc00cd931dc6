using Dapper;
using Park.Domain.Inventory;

namespace Park.Tests.Inventory;

/// <summary>
/// Availability counts free seats from a copy of the park in memory (decision 0008): it must give the SQL's counts for
/// every filter (and the same seats), and no change — a hold, a seat's service status, a zone moved — may leave an old copy in use.
/// </summary>
public sealed class ParkSeatSnapshotTests
{
    private static readonly DateOnly From = new(2027, 5, 1);
    private static readonly DateOnly To = new(2027, 8, 1);

    [Fact]
    public async Task FreePerZone_IsTheSqlCount_ForEveryFilter()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var build = new InventoryBuilder(db);
        await build.LeaseAsync(0, "HZ-2027-0001", new DateOnly(2027, 1, 1), new DateOnly(2027, 6, 1), "held", "A-2F-Z1-001", "A-2F-Z1-002", "B-3F-Z2-010");
        await build.LeaseAsync(1, "HZ-2027-0002", new DateOnly(2027, 7, 31), new DateOnly(2028, 1, 1), "held", "A-2F-Z2-005");
        await build.LeaseAsync(2, "HZ-2027-0003", new DateOnly(2027, 8, 1), new DateOnly(2028, 1, 1), "held", "A-2F-Z2-006");
        await build.LeaseAsync(3, "HZ-2027-0004", new DateOnly(2027, 1, 1), new DateOnly(2027, 6, 1), "reserved", "A-2F-Z1-003");
        var park = await build.ParkIdAsync();
        var scope = await build.AdminAsync();
        await using var connection = await db.Db.OpenAsync(InventoryBuilder.Ct);
        await connection.ExecuteAsync("UPDATE seats SET service_status = 'maintenance', status_since = '2027-07-15', status_until = '2027-09-01' WHERE code = 'A-2F-Z3-010'");
        await connection.ExecuteAsync("UPDATE seats SET service_status = 'maintenance', status_since = '2027-08-01' WHERE code = 'A-2F-Z3-011'");
        var snapshot = (await new ParkSeatSnapshots().GetAsync(connection, park, InventoryBuilder.Ct))!;

        var cases = new (long? Building, long? Floor, string? SeatType, EquipmentNeeds Need)[]
        {
            (null, null, null, new()),
            (await build.BuildingIdAsync("A"), null, null, new()),
            (null, await build.FloorIdAsync("A", 2), null, new()),
            (null, null, SeatTypes.TeamLead, new()),
            (null, null, null, new(Pc: true, Headset: true, PhoneLine: true, MinMonitors: 2)),
            (null, await build.FloorIdAsync("A", 2), SeatTypes.Agent, new(PciZone: false, MinMonitors: 1)),
        };
        foreach (var (building, floor, seatType, need) in cases)
        {
            var parameters = scope.Parameters(new
            {
                ParkId = park, From, To, BuildingId = building, FloorId = floor, SeatType = seatType,
                need.Pc, need.Headset, need.PhoneLine, need.MinMonitors, need.PciZone,
            });
            var sql = await AvailabilityService.CountFreePerZoneAsync(connection, scope, parameters, InventoryBuilder.Ct);
            var memory = snapshot.Free(From, To, building, floor, seatType, need);

            Assert.NotEmpty(sql);
            Assert.Equal(sql, memory.PerZone());
            long[] zones = [.. sql.Select(z => z.ZoneId).Take(3)];
            Assert.Equal(await AvailabilityService.CandidateSeatsAsync(connection, scope, parameters, zones, InventoryBuilder.Ct), memory.In(zones));
        }
    }

    [Fact]
    public async Task Search_FollowsEveryChange_WithoutAStaleCopy()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var build = new InventoryBuilder(db);
        var service = db.Get<AvailabilityService>();
        var park = await build.ParkIdAsync();
        var scope = await build.AdminAsync();
        var floor = await build.FloorIdAsync("A", 2);
        async Task<int> AvailableAsync() =>
            (await service.SearchAsync(scope, new AvailabilityQuery(park, 10, From, To, FloorId: floor), ct: InventoryBuilder.Ct)).Value!.Available;

        var before = await AvailableAsync();
        Assert.Equal(before, await AvailableAsync());

        await build.LeaseAsync(0, "HZ-2027-0001", new DateOnly(2027, 1, 1), new DateOnly(2027, 6, 1), "held", "A-2F-Z1-001", "A-2F-Z1-002");
        Assert.Equal(before - 2, await AvailableAsync());

        await using var connection = await db.Db.OpenAsync(InventoryBuilder.Ct);
        await connection.ExecuteAsync("UPDATE seats SET service_status = 'maintenance', status_since = '2027-06-01' WHERE code = 'A-2F-Z1-003'");
        Assert.Equal(before - 3, await AvailableAsync());

        await connection.ExecuteAsync("UPDATE seat_holds SET end_date = '2027-05-01' WHERE seat_id = @Seat", new { Seat = await build.SeatIdAsync("A-2F-Z1-001") });
        Assert.Equal(before - 2, await AvailableAsync());

        await connection.ExecuteAsync("DELETE FROM seat_holds WHERE seat_id = @Seat", new { Seat = await build.SeatIdAsync("A-2F-Z1-002") });
        Assert.Equal(before - 1, await AvailableAsync());

        // A zone moved to another floor takes its free seats with it.
        var zone = await build.ZoneIdAsync("A", 2, "Z2");
        var zoneSeats = await build.CountAsync("SELECT count(*) FROM seats WHERE zone_id = @zone AND service_status = 'in_service'", new { zone });
        await connection.ExecuteAsync("UPDATE zones SET floor_id = @Other, code = 'Z9' WHERE id = @Zone", new { Other = await build.FloorIdAsync("A", 3), Zone = zone });
        Assert.Equal(before - 1 - zoneSeats, await AvailableAsync());
    }
}
