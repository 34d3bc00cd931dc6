using Dapper;
using Park.Domain.Data;
using Park.Domain.Leasing;
using static Park.Tests.Leasing.LeasingTestData;

namespace Park.Tests.Leasing;

public sealed class LeaseServiceTests
{
    private static readonly DateOnly Start = new(2027, 1, 1);
    private static readonly DateOnly End = new(2029, 1, 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateDraft_ReservesSeatsWithoutHoldingThem()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var seats = await FreeSeatsAsync(db, 3, Start, End);
        var id = await DraftAsync(db, admin, 2, seats, Start, End);
        await using var c = await db.Db.OpenAsync(Ct);
        Assert.Equal(["reserved", "reserved", "reserved"], await c.QueryAsync<string>("SELECT kind FROM seat_holds WHERE lease_id = @Id", new { Id = id }));
        var lease = await db.Get<LeaseStore>().GetAsync(admin, id, Ct);
        Assert.Equal("draft", lease!.Status);
        Assert.StartsWith("ZL2026-", lease.Number, StringComparison.Ordinal);
        Assert.Equal(3, lease.Versions.Single().SeatCodes.Count);
    }

    [Fact]
    public async Task CreateDraft_WhenSeatAlreadyLeased_ReturnsConflictNamingSeatAndHolder()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var seats = await FreeSeatsAsync(db, 2, Start, End);
        var holder = await SignedAsync(db, admin, 2, seats, Start, End);
        var result = await db.Get<LeaseService>().CreateDraftAsync(admin, Actor,
            new NewLease(await ParkIdAsync(db), await TenantIdAsync(db, 3), [seats[1]], Start.AddMonths(6), End.AddYears(1), 70_000), Ct);
        Assert.Equal(ErrorKind.Conflict, result.Problem!.Kind);
        Assert.Equal("SeatDoubleLeased", result.Problem.Code);
        Assert.Equal(await SeatCodeAsync(db, seats[1]), result.Problem.Args[0]);
        Assert.Equal((await db.Get<LeaseStore>().GetAsync(admin, holder, Ct))!.Number, result.Problem.Args[1]);
    }

    [Fact]
    public async Task Approve_WhenAnotherLeaseHoldsTheSeat_TriggerConflictNamesSeatAndLease()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var seats = await FreeSeatsAsync(db, 2, Start, End);
        var first = await DraftAsync(db, admin, 2, seats, Start, End);
        var second = await DraftAsync(db, admin, 3, [seats[1]], Start.AddMonths(3), End);
        var service = db.Get<LeaseService>();
        Assert.True((await service.ApproveAsync(admin, Actor, first, await RowVersionAsync(db, first), "ok", Ct)).Succeeded);
        var version = await RowVersionAsync(db, second);
        var refused = await service.ApproveAsync(admin, Actor, second, version, "ok", Ct);
        Assert.Equal("SeatDoubleLeased", refused.Problem!.Code);
        Assert.Equal(await SeatCodeAsync(db, seats[1]), refused.Problem.Args[0]);
        Assert.Equal((await db.Get<LeaseStore>().GetAsync(admin, first, Ct))!.Number, refused.Problem.Args[1]);
        Assert.Equal("draft", (await db.Get<LeaseStore>().GetAsync(admin, second, Ct))!.Status);
        Assert.Equal(version, await RowVersionAsync(db, second));
        await using var c = await db.Db.OpenAsync(Ct);
        var audited = await c.QueryAsync<(string TargetId, string Reason, string Email)>(
            "SELECT target_id, reason, actor_email FROM audit_events WHERE action = 'lease.approve'");
        Assert.Equal([(first.ToString(System.Globalization.CultureInfo.InvariantCulture), "ok", "test")],
            audited.Where(a => a.TargetId == first.ToString(System.Globalization.CultureInfo.InvariantCulture) || a.TargetId == second.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Sign_FromDraft_IsRefusedAsATransition()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var id = await DraftAsync(db, admin, 2, await FreeSeatsAsync(db, 1, Start, End), Start, End);
        var result = await db.Get<LeaseService>().SignAsync(admin, Actor, id, await RowVersionAsync(db, id), "", Ct);
        Assert.Equal("StatusMoveRefused", result.Problem!.Code);
    }

    [Fact]
    public async Task Approve_WithStaleRowVersion_IsToldToReloadAndNothingChanges()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var id = await DraftAsync(db, admin, 2, await FreeSeatsAsync(db, 1, Start, End), Start, End);
        var stale = await RowVersionAsync(db, id);
        var service = db.Get<LeaseService>();
        Assert.True((await service.ApproveAsync(admin, Actor, id, stale, "", Ct)).Succeeded);
        var second = await service.CancelAsync(admin, Actor, id, stale, "second form", Ct);
        Assert.Equal(ErrorKind.Stale, second.Problem!.Kind);
        Assert.Equal("approved", (await db.Get<LeaseStore>().GetAsync(admin, id, Ct))!.Status);
    }

    [Fact]
    public async Task Approve_FiftyLeasesRacingForOneSeat_ExactlyOneWinsOthersNameSeatAndWinner()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var seat = (await FreeSeatsAsync(db, 1, Start, End))[0];
        var ids = new List<long>();
        for (var i = 0; i < 50; i++)
        {
            ids.Add(await DraftAsync(db, admin, i % 6, [seat], Start.AddDays(i), End));
        }

        var service = db.Get<LeaseService>();
        var results = await Task.WhenAll(ids.Select(id => Task.Run(async () =>
            (id, await service.ApproveAsync(admin, Actor, id, 1, "race", Ct)), Ct)));
        var winners = results.Where(r => r.Item2.Succeeded).ToArray();
        Assert.Single(winners);
        var number = (await db.Get<LeaseStore>().GetAsync(admin, winners[0].id, Ct))!.Number;
        var code = await SeatCodeAsync(db, seat);
        Assert.All(results.Where(r => !r.Item2.Succeeded), r =>
        {
            Assert.Equal("SeatDoubleLeased", r.Item2.Problem!.Code);
            Assert.Equal(code, r.Item2.Problem.Args[0]);
            Assert.Equal(number, r.Item2.Problem.Args[1]);
        });
        await using var c = await db.Db.OpenAsync(Ct);
        Assert.Equal(1, await c.ExecuteScalarAsync<long>("SELECT count(DISTINCT lease_id) FROM seat_holds WHERE seat_id = @Seat AND kind = 'held'", new { Seat = seat }));
    }

    [Fact]
    public async Task Amendment_AddSeats_SignedRewritesHoldsFromTheEffectiveDate()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var seats = await FreeSeatsAsync(db, 3, Start, End);
        var id = await SignedAsync(db, admin, 2, seats[..2], Start, End);
        var service = db.Get<LeaseService>();
        var effective = new DateOnly(2027, 7, 1);
        var amended = await service.AmendAsync(admin, Actor, id, await RowVersionAsync(db, id), new Amendment(AmendmentKind.AddSeats, effective, [seats[2]], Reason: "growth"), Ct);
        Assert.True(amended.Succeeded, amended.Problem?.ToString());
        Assert.True((await service.ApproveAsync(admin, Actor, id, await RowVersionAsync(db, id), "", Ct)).Succeeded);
        Assert.True((await service.SignAsync(admin, Actor, id, await RowVersionAsync(db, id), "", Ct)).Succeeded);

        await using var c = await db.Db.OpenAsync(Ct);
        var holds = (await c.QueryAsync<(long Seat, DateOnly From, DateOnly To)>(
            "SELECT seat_id, start_date, end_date FROM seat_holds WHERE lease_id = @Id AND kind = 'held' ORDER BY seat_id, start_date", new { Id = id })).ToArray();
        Assert.Contains((seats[2], effective, End), holds);
        Assert.Contains((seats[0], Start, effective), holds);
        var lease = (await db.Get<LeaseStore>().GetAsync(admin, id, Ct))!;
        Assert.Equal(2, lease.Versions.Count);
        Assert.Equal(3, lease.CurrentSeats(effective).Count);
        var schedule = lease.Schedule();
        Assert.Equal(160_000, schedule.First(p => p.Start == new DateOnly(2027, 6, 1)).AmountDue.Fen);
        Assert.Equal(240_000, schedule.First(p => p.Start == effective).AmountDue.Fen);
    }

    [Fact]
    public async Task Renew_DraftsASuccessorOnceAndRefusesASecond()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var id = await SignedAsync(db, admin, 2, await FreeSeatsAsync(db, 2, Start, End.AddYears(1)), Start, End);
        var service = db.Get<LeaseService>();
        var successor = await service.RenewAsync(admin, Actor, id, await RowVersionAsync(db, id), End.AddYears(1), 85_000, "renew", Ct);
        Assert.True(successor.Succeeded, successor.Problem?.ToString());
        var lease = (await db.Get<LeaseStore>().GetAsync(admin, successor.Value, Ct))!;
        Assert.Equal(id, lease.PredecessorId);
        Assert.Equal(End, lease.StartDate);
        Assert.Equal(2, lease.Versions[0].SeatCodes.Count);
        var again = await service.RenewAsync(admin, Actor, id, await RowVersionAsync(db, id), End.AddYears(2), null, "again", Ct);
        Assert.Equal("AlreadyRenewed", again.Problem!.Code);
    }

    [Fact]
    public async Task Terminate_ServesNoticeStoresSettlementAndFreesSeatsFromTheDate()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var start = new DateOnly(2026, 1, 1);
        var seats = await FreeSeatsAsync(db, 2, start, End);
        var id = await SignedAsync(db, admin, 2, seats, start, End);
        var end = new DateOnly(2027, 3, 1);
        var result = await db.Get<LeaseService>().TerminateAsync(admin, Actor, id, await RowVersionAsync(db, id), end, 0, "moving out", Ct);
        Assert.True(result.Succeeded, result.Problem?.ToString());
        Assert.Equal(new DateOnly(2026, 12, 1), result.Value!.BilledThrough);
        Assert.Equal(90, result.Value.UnbilledDays);
        var lease = (await db.Get<LeaseStore>().GetAsync(admin, id, Ct))!;
        Assert.Equal("notice_served", lease.Stage);
        Assert.Equal(result.Value.Refund.Fen, lease.Settlement!.RefundFen);
        var later = await FreeSeatsAsync(db, 500, end, End);
        Assert.Contains(seats[0], later);
    }

    [Fact]
    public async Task Cancel_Draft_ReleasesItsReservations()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var id = await DraftAsync(db, admin, 2, await FreeSeatsAsync(db, 2, Start, End), Start, End);
        Assert.True((await db.Get<LeaseService>().CancelAsync(admin, Actor, id, await RowVersionAsync(db, id), "no", Ct)).Succeeded);
        await using var c = await db.Db.OpenAsync(Ct);
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM seat_holds WHERE lease_id = @Id", new { Id = id }));
        Assert.Equal("cancelled", (await db.Get<LeaseStore>().GetAsync(admin, id, Ct))!.Status);
    }

    [Fact]
    public async Task TenantUser_CannotApprove()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var tenant = await db.ScopeOfAsync("ops@hengxintong.demo");
        var id = await DraftAsync(db, admin, 0, await FreeSeatsAsync(db, 1, Start, End), Start, End);
        Assert.Equal(ErrorKind.NotAllowed, (await db.Get<LeaseService>().ApproveAsync(tenant, Actor, id, 1, "", Ct)).Problem!.Kind);
    }

    [Fact]
    public async Task MarkStages_MovesSignedLeasesByDate()
    {
        var clock = TestClock.At(2026, 11, 23);
        await using var db = await TestDatabase.WithDemoAsync(clock);
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var id = await SignedAsync(db, admin, 2, await FreeSeatsAsync(db, 1, Start, End), Start, End);
        var service = db.Get<LeaseService>();
        Assert.Equal("upcoming", (await db.Get<LeaseStore>().GetAsync(admin, id, Ct))!.Stage);
        await service.MarkStagesAsync(new DateOnly(2027, 1, 1), Ct);
        Assert.Equal("active", (await db.Get<LeaseStore>().GetAsync(admin, id, Ct))!.Stage);
        await service.MarkStagesAsync(new DateOnly(2028, 11, 1), Ct);
        Assert.Equal("up_for_renewal", (await db.Get<LeaseStore>().GetAsync(admin, id, Ct))!.Stage);
        await service.MarkStagesAsync(End, Ct);
        var ended = (await db.Get<LeaseStore>().GetAsync(admin, id, Ct))!;
        Assert.Equal(("ended", "expired"), (ended.Stage, ended.EndReason));
    }
}
