using Park.Domain.Inventory;

namespace Park.Tests.Inventory;

public sealed class AvailabilityServiceTests
{
    [Fact]
    public async Task Search_LeavesOutHeldAndOutOfServiceSeats()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var build = new InventoryBuilder(db);
        await build.LeaseAsync(0, "HZ-2027-0001", new DateOnly(2027, 1, 1), new DateOnly(2027, 6, 1), "held", "A-2F-Z1-001", "A-2F-Z1-002");
        await build.LeaseAsync(1, "HZ-2027-0002", new DateOnly(2027, 1, 1), new DateOnly(2027, 6, 1), "reserved", "A-2F-Z1-003");
        var floor = await build.FloorIdAsync("A", 2);

        var answer = (await db.Get<AvailabilityService>().SearchAsync(await build.AdminAsync(),
            new AvailabilityQuery(await build.ParkIdAsync(), 10, new DateOnly(2027, 5, 1), new DateOnly(2027, 8, 1), FloorId: floor), ct: InventoryBuilder.Ct)).Value!;

        // 200 seats on A-2F, 2 held over the period, 2 under maintenance (demo seats 97 and 194); the draft reservation does not block.
        Assert.Equal(196, answer.Available);
        var seats = answer.Proposals.SelectMany(p => p.Seats).Select(s => s.Code).ToHashSet();
        Assert.DoesNotContain("A-2F-Z1-001", seats);
        Assert.DoesNotContain("A-2F-Z2-047", seats);
        Assert.All(answer.Proposals, p => Assert.Equal(10, p.Seats.Count));
        Assert.Equal(ProposalKind.SameZone, answer.Proposals[0].Kind);
    }

    [Fact]
    public async Task Search_FromTheDayALeaseEnds_FindsItsSeats()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var build = new InventoryBuilder(db);
        await build.LeaseAsync(0, "HZ-2027-0001", new DateOnly(2027, 1, 1), new DateOnly(2027, 6, 1), "held", "A-2F-Z1-001");

        var answer = (await db.Get<AvailabilityService>().SearchAsync(await build.AdminAsync(),
            new AvailabilityQuery(await build.ParkIdAsync(), 1, new DateOnly(2027, 6, 1), new DateOnly(2027, 7, 1), SeatType: SeatTypes.TeamLead,
                FloorId: await build.FloorIdAsync("A", 2)), ct: InventoryBuilder.Ct)).Value!;

        Assert.Equal(4, answer.Available); // one team-lead seat per zone
        Assert.Contains(answer.Proposals, p => p.Seats[0].Code == "A-2F-Z1-001");
    }

    [Fact]
    public async Task Search_WhenManyZonesFit_CountsEveryFreeSeatAndProposesSameZoneClusters()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var build = new InventoryBuilder(db);
        await build.LeaseAsync(0, "HZ-2027-0001", new DateOnly(2027, 1, 1), new DateOnly(2027, 6, 1), "held", "A-2F-Z1-001", "B-3F-Z2-010");
        var park = await build.ParkIdAsync();
        var inService = await build.CountAsync(
            "SELECT count(*) FROM seats WHERE park_id = @park AND NOT (service_status <> 'in_service' AND status_since < '2027-08-01' AND (status_until IS NULL OR '2027-05-01' < status_until))",
            new { park });

        var answer = (await db.Get<AvailabilityService>().SearchAsync(await build.AdminAsync(),
            new AvailabilityQuery(park, 10, new DateOnly(2027, 5, 1), new DateOnly(2027, 8, 1)), ct: InventoryBuilder.Ct)).Value!;

        Assert.Equal(inService - 2, answer.Available); // the count covers the whole park, not only the zones ranked
        Assert.Equal(5, answer.Proposals.Count);
        Assert.All(answer.Proposals, p => Assert.Equal(ProposalKind.SameZone, p.Kind));
        Assert.All(answer.Proposals, p => Assert.Single(p.Seats.Select(s => s.ZoneId).Distinct()));
        Assert.Equal(answer.Proposals.Select(p => p.Spread).Order(), answer.Proposals.Select(p => p.Spread));
    }

    [Fact]
    public async Task Search_WhenNoZoneFitsButAFloorDoes_ProposesSameFloor()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var build = new InventoryBuilder(db);

        var answer = (await db.Get<AvailabilityService>().SearchAsync(await build.AdminAsync(),
            new AvailabilityQuery(await build.ParkIdAsync(), 120, new DateOnly(2027, 5, 1), new DateOnly(2027, 8, 1), BuildingId: await build.BuildingIdAsync("A")),
            ct: InventoryBuilder.Ct)).Value!;

        Assert.NotEmpty(answer.Proposals);
        Assert.All(answer.Proposals, p => Assert.Equal(ProposalKind.SameFloor, p.Kind));
        Assert.All(answer.Proposals, p => Assert.Single(p.Seats.Select(s => s.FloorId).Distinct()));
        Assert.All(answer.Proposals, p => Assert.Equal(120, p.Seats.Select(s => s.Id).Distinct().Count()));
    }

    [Fact]
    public async Task Search_WhenNoFloorFits_SplitsTheTeamAcrossFloors()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var build = new InventoryBuilder(db);

        var answer = (await db.Get<AvailabilityService>().SearchAsync(await build.AdminAsync(),
            new AvailabilityQuery(await build.ParkIdAsync(), 500, new DateOnly(2027, 5, 1), new DateOnly(2027, 8, 1)), ct: InventoryBuilder.Ct)).Value!;

        var proposal = Assert.Single(answer.Proposals);
        Assert.Equal(ProposalKind.AcrossFloors, proposal.Kind);
        Assert.Equal(500, proposal.Seats.Select(s => s.Id).Distinct().Count());
        Assert.True(proposal.Seats.Select(s => s.FloorId).Distinct().Count() > 1);
    }

    [Fact]
    public async Task Search_WithEquipmentFilters_OffersOnlySeatsThatHaveIt()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var build = new InventoryBuilder(db);
        await using (var c = await db.Db.OpenAsync(InventoryBuilder.Ct))
        {
            // On A-2F: Z1 has no headsets, Z2 no phone lines, Z3 no PCs; Z4 has everything.
            await Dapper.SqlMapper.ExecuteAsync(c, """
                UPDATE seats SET has_headset = (code NOT LIKE 'A-2F-Z1-%'), has_phone_line = (code NOT LIKE 'A-2F-Z2-%'), has_pc = (code NOT LIKE 'A-2F-Z3-%')
                WHERE code LIKE 'A-2F-%'
                """);
        }

        var service = db.Get<AvailabilityService>();
        var park = await build.ParkIdAsync();
        var floor = await build.FloorIdAsync("A", 2);
        async Task<AvailabilityAnswer> FindAsync(EquipmentNeeds need) => (await service.SearchAsync(await build.AdminAsync(),
            new AvailabilityQuery(park, 5, new DateOnly(2027, 5, 1), new DateOnly(2027, 8, 1), FloorId: floor, Equipment: need), ct: InventoryBuilder.Ct)).Value!;

        var all = await FindAsync(new EquipmentNeeds());
        var headset = await FindAsync(new EquipmentNeeds(Headset: true));
        var everything = await FindAsync(new EquipmentNeeds(Pc: true, Headset: true, PhoneLine: true));
        var noPc = await FindAsync(new EquipmentNeeds(Pc: false));

        Assert.Equal(198, all.Available); // demo seats 97 (A-2F-Z2-047) and 194 (A-2F-Z4-044) are under maintenance
        Assert.Equal(148, headset.Available);
        Assert.DoesNotContain(headset.Proposals.SelectMany(p => p.Seats), s => s.ZoneCode == "Z1");
        Assert.Equal(49, everything.Available);
        Assert.All(everything.Proposals.SelectMany(p => p.Seats), s => Assert.Equal("Z4", s.ZoneCode));
        Assert.Equal(50, noPc.Available);
        Assert.All(noPc.Proposals.SelectMany(p => p.Seats), s => Assert.Equal("Z3", s.ZoneCode));
    }

    [Fact]
    public async Task Search_WithABuilding_OffersOnlyThatBuildingsSeats()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var build = new InventoryBuilder(db);
        var inB = await build.CountAsync("SELECT count(*) FROM seats WHERE code LIKE 'B-%' AND service_status = 'in_service'");

        var answer = (await db.Get<AvailabilityService>().SearchAsync(await build.AdminAsync(),
            new AvailabilityQuery(await build.ParkIdAsync(), 10, new DateOnly(2027, 5, 1), new DateOnly(2027, 8, 1), BuildingId: await build.BuildingIdAsync("B")),
            ct: InventoryBuilder.Ct)).Value!;

        Assert.Equal(inB, answer.Available);
        Assert.NotEmpty(answer.Proposals);
        Assert.All(answer.Proposals.SelectMany(p => p.Seats), s => Assert.Equal("B", s.BuildingCode));
    }

    [Theory]
    [InlineData(10, 2027, 8, 1, 2027, 5, 1, "DateRangeInvalid")]
    [InlineData(10, 2027, 8, 1, 2027, 8, 1, "DateRangeInvalid")]
    [InlineData(0, 2027, 5, 1, 2027, 8, 1, "CountInvalid")]
    [InlineData(5000, 2027, 5, 1, 2027, 8, 1, "CountInvalid")]
    public async Task Search_WithBadInput_IsInvalid(int count, int y1, int m1, int d1, int y2, int m2, int d2, string code)
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var build = new InventoryBuilder(db);
        var result = await db.Get<AvailabilityService>().SearchAsync(await build.AdminAsync(),
            new AvailabilityQuery(await build.ParkIdAsync(), count, new DateOnly(y1, m1, d1), new DateOnly(y2, m2, d2)), ct: InventoryBuilder.Ct);
        Assert.Equal(code, result.Problem?.Code);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    public void Check_WithMonitorsOutOfRange_IsInvalid(int monitors) =>
        Assert.Equal("MonitorsInvalid", AvailabilityService.Check(new AvailabilityQuery(1, 5, new DateOnly(2027, 5, 1), new DateOnly(2027, 8, 1),
            Equipment: new EquipmentNeeds(MinMonitors: monitors)))?.Code);
}
