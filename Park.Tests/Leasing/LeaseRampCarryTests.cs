using Dapper;
using Park.Domain.Leasing;
using static Park.Tests.Leasing.LeasingTestData;

namespace Park.Tests.Leasing;

/// <summary>Ramp-up steps survive amendments and count in the early-termination settlement.</summary>
public sealed class LeaseRampCarryTests
{
    private static readonly DateOnly Start = new(2027, 1, 1);
    private static readonly DateOnly End = new(2029, 1, 1);
    private static readonly DateOnly Effective = new(2027, 3, 1);
    private static readonly DateOnly FullOn = new(2027, 7, 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("", 4, "2027-03-01", 1, "")]
    [InlineData("2027-01-01:2,2027-07-01:4", 5, "2027-03-01", 1, "2027-01-01:2,2027-03-01:3,2027-07-01:5")]
    [InlineData("2027-01-01:2,2027-07-01:4", 5, "2027-07-01", 1, "2027-01-01:2,2027-07-01:5")]
    [InlineData("2027-01-01:2,2027-07-01:4", 6, "2027-09-01", 2, "2027-01-01:2,2027-07-01:4,2027-09-01:6")]
    [InlineData("2027-01-01:2,2027-07-01:4", 3, "2027-03-01", 0, "2027-01-01:2,2027-07-01:3")]
    [InlineData("2027-01-01:2,2027-07-01:4", 2, "2027-03-01", 0, "")]
    [InlineData("2027-01-01:2,2027-07-01:4", 4, "2027-03-01", 0, "2027-01-01:2,2027-07-01:4")]
    [InlineData("2027-01-01:2,2027-07-01:4", 4, "2027-03-01", 0, "2027-01-01:2", "2027-06-01")]
    public void Carry_ClipsToSeatsAndDatesAndRaisesStepsFromTheEffectiveDate(string steps, int seats, string effective, int added, string expected,
        string end = "2029-01-01")
    {
        var carried = LeaseRamp.Carry(Parse(steps), seats, D(effective), D(end), added);
        Assert.Equal(expected, string.Join(",", carried.Select(s => $"{s.From:yyyy-MM-dd}:{s.SeatCount}")));
    }

    [Theory]
    [InlineData(AmendmentKind.AddSeats, 240_000, 400_000, "2027-01-01:2,2027-03-01:3,2027-07-01:5")]
    [InlineData(AmendmentKind.ReleaseSeats, 160_000, 240_000, "2027-01-01:2,2027-07-01:3")]
    [InlineData(AmendmentKind.ChangePrice, 180_000, 360_000, "2027-01-01:2,2027-07-01:4")]
    [InlineData(AmendmentKind.Extend, 160_000, 320_000, "2027-01-01:2,2027-07-01:4")]
    public async Task Amend_RampedLease_CarriesTheRampIntoTheNewVersion(AmendmentKind kind, long marchFen, long julyFen, string expectedRamp)
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var seats = await FreeSeatsAsync(db, 5, Start, End.AddYears(1));
        var id = await SignedRampedAsync(db, admin, seats[..4], Start, End, [new RampStep(Start, 2), new RampStep(FullOn, 4)]);
        var service = db.Get<LeaseService>();
        var change = kind switch
        {
            AmendmentKind.AddSeats => new Amendment(kind, Effective, [seats[4]], Reason: "growth"),
            AmendmentKind.ReleaseSeats => new Amendment(kind, Effective, [seats[3]], Reason: "shrink"),
            AmendmentKind.ChangePrice => new Amendment(kind, Effective, MonthlyPriceFen: 90_000, Reason: "price"),
            _ => new Amendment(kind, Effective, NewEnd: End.AddYears(1), Reason: "longer"),
        };
        var amended = await service.AmendAsync(admin, Actor, id, await RowVersionAsync(db, id), change, Ct);
        Assert.True(amended.Succeeded, amended.Problem?.ToString());
        Assert.True((await service.ApproveAsync(admin, Actor, id, await RowVersionAsync(db, id), "ok", Ct)).Succeeded);
        Assert.True((await service.SignAsync(admin, Actor, id, await RowVersionAsync(db, id), "ok", Ct)).Succeeded);

        var lease = (await db.Get<LeaseStore>().GetAsync(admin, id, Ct))!;
        var latest = lease.Versions.Single(v => v.VersionNo == 2);
        Assert.Equal(expectedRamp, string.Join(",", latest.Ramp.Select(s => $"{s.From:yyyy-MM-dd}:{s.SeatCount}")));
        var schedule = lease.Schedule();
        Assert.Equal(160_000, schedule.Single(p => p.Start == new DateOnly(2027, 2, 1)).AmountDue.Fen);
        Assert.Equal(marchFen, schedule.Single(p => p.Start == Effective).AmountDue.Fen);
        Assert.Equal(julyFen, schedule.Single(p => p.Start == FullOn).AmountDue.Fen);
    }

    [Fact]
    public async Task Terminate_DuringTheRamp_SettlesOnlyTheSeatsBilledThen()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var start = new DateOnly(2026, 10, 1);
        var end = new DateOnly(2028, 10, 1);
        var seats = await FreeSeatsAsync(db, 10, start, end);
        var id = await SignedRampedAsync(db, admin, seats, start, end, [new RampStep(start, 4), new RampStep(new DateOnly(2027, 4, 1), 10)]);

        var result = await db.Get<LeaseService>().TerminateAsync(admin, Actor, id, await RowVersionAsync(db, id), new DateOnly(2027, 2, 1), 0, "closing", Ct);

        Assert.True(result.Succeeded, result.Problem?.ToString());
        var s = result.Value!;
        Assert.Equal(new DateOnly(2026, 12, 1), s.BilledThrough);
        Assert.Equal(2 * 4 * 80_000, s.Unbilled.Fen);
        Assert.Equal(10 * 80_000, s.Deposit.Fen);
        Assert.Equal(2 * 4 * 80_000, s.DepositOffset.Fen);
        Assert.Equal((10 - 8) * 80_000, s.Refund.Fen);
        Assert.Equal(0, s.Owed.Fen);
        await using var c = await db.Db.OpenAsync(Ct);
        Assert.Equal(s.Refund.Fen, await c.ExecuteScalarAsync<long>("SELECT refund_fen FROM lease_settlements WHERE lease_id = @Id", new { Id = id }));
    }

    private static async Task<long> SignedRampedAsync(TestDatabase db, Park.Domain.Access.AccessScope admin, long[] seats, DateOnly start, DateOnly end,
        IReadOnlyList<RampStep> ramp)
    {
        var service = db.Get<LeaseService>();
        var created = await service.CreateDraftAsync(admin, Actor,
            new NewLease(await ParkIdAsync(db), await TenantIdAsync(db, 2), seats, start, end, 80_000, Ramp: ramp), Ct);
        Assert.True(created.Succeeded, created.Problem?.ToString());
        var id = created.Value;
        Assert.True((await service.ApproveAsync(admin, Actor, id, await RowVersionAsync(db, id), "ok", Ct)).Succeeded);
        Assert.True((await service.SignAsync(admin, Actor, id, await RowVersionAsync(db, id), "ok", Ct)).Succeeded);
        return id;
    }

    private static RampStep[] Parse(string steps) =>
        steps.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Split(':'))
            .Select(p => new RampStep(D(p[0]), int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)))
            .ToArray();
}
