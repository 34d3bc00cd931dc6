using Park.Domain.Data;
using Park.Domain.Inventory;

namespace Park.Tests.Inventory;

public sealed class CapacityStoreTests
{
    [Fact]
    public async Task Dashboard_CountsBuiltLeasedAndFreeSeatsToday()
    {
        // The test clock says 2026-11-23.
        await using var db = await TestDatabase.WithDemoAsync();
        var build = new InventoryBuilder(db);
        await build.LeaseAsync(0, "HZ-2026-0001", new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1), "held", "A-2F-Z1-001", "A-2F-Z1-002", "B-4F-Z4-050");
        await build.LeaseAsync(1, "HZ-2026-0002", new DateOnly(2026, 11, 1), new DateOnly(2027, 1, 1), "reserved", "A-2F-Z1-003");

        var dashboard = (await db.Get<CapacityStore>().DashboardAsync(await build.AdminAsync(), await build.ParkIdAsync(), InventoryBuilder.Ct))!;

        var park = dashboard.Park;
        var retired = await build.CountAsync("SELECT count(*) FROM seats WHERE service_status = 'retired'");
        var maintenance = await build.CountAsync("SELECT count(*) FROM seats WHERE service_status = 'maintenance'");
        Assert.Equal(1200 - retired, park.Built);
        Assert.Equal(3, park.Leased);
        Assert.Equal(1, park.Reserved);
        Assert.Equal(maintenance, park.OutOfService);
        Assert.Equal(park.Built - 3 - 1 - maintenance, park.Free);
        Assert.Equal(2, dashboard.Buildings.Single(b => b.BuildingCode == "A").Leased);
        Assert.Equal(6, dashboard.Floors.Count);
    }

    [Fact]
    public async Task Dashboard_ChartsFortyNineMonthsOfLeasesAgainstThePlan()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var build = new InventoryBuilder(db);
        await build.LeaseAsync(0, "HZ-2026-0001", new DateOnly(2025, 3, 1), new DateOnly(2028, 3, 1), "held", "A-2F-Z1-001", "A-2F-Z1-002");

        var chart = (await db.Get<CapacityStore>().DashboardAsync(await build.AdminAsync(), await build.ParkIdAsync(), InventoryBuilder.Ct))!.Chart;

        Assert.Equal(49, chart.Count);
        Assert.Equal(new DateOnly(2024, 11, 1), chart[0].Month);
        Assert.Equal(new DateOnly(2028, 11, 1), chart[^1].Month);
        Assert.Equal(0, chart.Single(p => p.Month == new DateOnly(2025, 2, 1)).Leased);
        Assert.Equal(2, chart.Single(p => p.Month == new DateOnly(2025, 3, 1)).Leased);
        Assert.Equal(0, chart.Single(p => p.Month == new DateOnly(2028, 3, 1)).Leased);
        Assert.Equal(1200, chart.Single(p => p.Month == new DateOnly(2027, 5, 1)).Planned);
        Assert.Equal(4000, chart.Single(p => p.Month == new DateOnly(2027, 6, 1)).Planned);
    }

    [Fact]
    public async Task Chart_OfAFloorOrABuilding_CountsItsOwnSeatsFromTheirCreationAndStatusDates()
    {
        // The test clock says 2026-11-23: the chart runs from 2024-11-01 to 2028-11-01.
        await using var db = await TestDatabase.WithDemoAsync();
        var build = new InventoryBuilder(db);
        var admin = await build.AdminAsync();
        var service = db.Get<InventoryService>();
        var park = await build.ParkIdAsync();
        await build.LeaseAsync(0, "HZ-2026-0001", new DateOnly(2025, 3, 1), new DateOnly(2028, 3, 1), "held", "A-2F-Z1-001", "A-2F-Z1-002");
        await build.LeaseAsync(1, "HZ-2026-0002", new DateOnly(2026, 12, 1), new DateOnly(2027, 2, 1), "reserved", "A-2F-Z1-003");
        await build.LeaseAsync(1, "HZ-2026-0003", new DateOnly(2025, 1, 1), new DateOnly(2029, 1, 1), "held", "B-2F-Z1-001");
        Assert.True((await service.SetStatusAsync(admin, InventoryBuilder.Actor, park,
            new StatusChange([await build.SeatIdAsync("A-2F-Z1-004")], ServiceStatuses.Maintenance, new DateOnly(2027, 2, 1), new DateOnly(2027, 4, 1)), InventoryBuilder.Ct)).Succeeded);
        Assert.True((await service.SetStatusAsync(admin, InventoryBuilder.Actor, park,
            new StatusChange([await build.SeatIdAsync("A-2F-Z1-005")], ServiceStatuses.Retired, new DateOnly(2027, 6, 1), null), InventoryBuilder.Ct)).Succeeded);
        // Ten seats built today on a new floor of building A.
        var floor = await service.SaveFloorAsync(admin, InventoryBuilder.Actor, null, new FloorInput(await build.BuildingIdAsync("A"), 9, "9F", 600, 400), ct: InventoryBuilder.Ct);
        var zone = await service.SaveZoneAsync(admin, InventoryBuilder.Actor, null, new ZoneInput(floor.Value, "Z1", "Z1"), ct: InventoryBuilder.Ct);
        await service.GenerateGridAsync(admin, InventoryBuilder.Actor, zone.Value, new GridSpec("A-9F-{n:000}", 2, 5, 10, 10, 20, 20), InventoryBuilder.Ct);
        var store = db.Get<CapacityStore>();

        var a2 = (await store.ChartAsync(admin, park, null, await build.FloorIdAsync("A", 2), InventoryBuilder.Ct))!.ToDictionary(p => p.Month);
        var a = (await store.ChartAsync(admin, park, await build.BuildingIdAsync("A"), null, InventoryBuilder.Ct))!.ToDictionary(p => p.Month);
        var whole = (await store.ChartAsync(await db.ScopeOfAsync("reviewer@gov.demo"), park, null, null, InventoryBuilder.Ct))!;

        // A-2F: 200 seats, demo seats 97 and 194 under maintenance since 2011. A status change replaces the seat's
        // status date, so seats 004 and 005 count as built from their creation (the demo's seeding, today) only.
        Assert.Equal(49, a2.Count);
        Assert.All(a2.Values, p => Assert.Null(p.Planned));
        Assert.Equal((198, 0, 0, 2, 196), Figures(a2[new DateOnly(2025, 2, 1)]));
        Assert.Equal((198, 2, 0, 2, 194), Figures(a2[new DateOnly(2025, 3, 1)]));
        Assert.Equal((200, 2, 1, 2, 195), Figures(a2[new DateOnly(2027, 1, 1)]));
        Assert.Equal((200, 2, 0, 3, 195), Figures(a2[new DateOnly(2027, 3, 1)]));
        Assert.Equal((199, 2, 0, 2, 195), Figures(a2[new DateOnly(2027, 6, 1)]));
        Assert.Equal((199, 0, 0, 2, 197), Figures(a2[new DateOnly(2028, 3, 1)]));
        Assert.Equal(100, a2[new DateOnly(2027, 1, 1)].OccupancyBp); // 2 of 200

        // Building A: its three floors' 600 seats less the retired ones (and 004, 005 above), plus the ten new seats from December 2026.
        var retiredInA = await build.CountAsync("SELECT count(*) FROM seats WHERE code LIKE 'A-%' AND service_status = 'retired' AND status_since < '2026-01-01'");
        Assert.Equal(598 - retiredInA, a[new DateOnly(2026, 11, 1)].Built);
        Assert.Equal(610 - retiredInA, a[new DateOnly(2026, 12, 1)].Built);
        Assert.Equal(2, a[new DateOnly(2026, 12, 1)].Leased); // B-2F's lease is not building A's

        Assert.Equal(3, whole.Single(p => p.Month == new DateOnly(2026, 12, 1)).Leased);
        Assert.Equal(1200, whole.Single(p => p.Month == new DateOnly(2027, 5, 1)).Planned);
        Assert.Null(await store.ChartAsync(await db.ScopeOfAsync("ops@hengxintong.demo"), park + 1, null, null, InventoryBuilder.Ct));
        Assert.All((await store.ChartAsync(admin, park, 999_999, null, InventoryBuilder.Ct))!, p => Assert.Equal(0, p.Built));
    }

    private static (int Built, int Leased, int Reserved, int OutOfService, int Free) Figures(CapacityPoint p) =>
        (p.Built, p.Leased, p.Reserved, p.OutOfService, p.Free);

    [Fact]
    public async Task AddPhase_ByAReviewer_IsRefused_AndByAnAdminIsAudited()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var build = new InventoryBuilder(db);
        var store = db.Get<CapacityStore>();
        var parkId = await build.ParkIdAsync();

        var byReviewer = await store.AddPhaseAsync(await db.ScopeOfAsync("reviewer@gov.demo"), InventoryBuilder.Actor, parkId, "四期", new DateOnly(2032, 1, 1), 20000, InventoryBuilder.Ct);
        var byAdmin = await store.AddPhaseAsync(await build.AdminAsync(), InventoryBuilder.Actor, parkId, "四期", new DateOnly(2032, 1, 1), 20000, InventoryBuilder.Ct);
        var sameDay = await store.AddPhaseAsync(await build.AdminAsync(), InventoryBuilder.Actor, parkId, "again", new DateOnly(2032, 1, 1), 1, InventoryBuilder.Ct);

        Assert.Equal(ErrorKind.NotAllowed, byReviewer.Problem?.Kind);
        Assert.True(byAdmin.Succeeded);
        Assert.Equal("PhaseDateTaken", sameDay.Problem?.Code);
        Assert.Equal(1, await build.CountAsync("SELECT count(*) FROM audit_events WHERE action = 'capacity.phase.create'"));
        Assert.NotNull(await store.DashboardAsync(await db.ScopeOfAsync("reviewer@gov.demo"), parkId, InventoryBuilder.Ct));
    }

    [Theory]
    [InlineData(2011, 6, 17, 0)]
    [InlineData(2011, 6, 18, 1200)]
    [InlineData(2030, 6, 1, 12000)]
    public void PlannedOn_TakesTheLatestPhaseThatHasBegun(int y, int m, int d, int expected)
    {
        var phases = new[]
        {
            new CapacityPhase { EffectiveFrom = new DateOnly(2027, 6, 1), PlannedSeats = 4000 },
            new CapacityPhase { EffectiveFrom = new DateOnly(2011, 6, 18), PlannedSeats = 1200 },
            new CapacityPhase { EffectiveFrom = new DateOnly(2030, 6, 1), PlannedSeats = 12000 },
        };
        Assert.Equal(expected, CapacityStore.PlannedOn(phases, new DateOnly(y, m, d)));
    }
}
