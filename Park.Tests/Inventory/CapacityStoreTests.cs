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
