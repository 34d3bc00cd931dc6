using Dapper;
using Park.Domain.Data;
using Park.Domain.Leasing;
using static Park.Tests.Leasing.LeasingTestData;

namespace Park.Tests.Leasing;

/// <summary>Notice to leave at the natural end: notice served now, ended as expired at the end, nothing settled early.</summary>
public sealed class NoticeAtEndTests
{
    private static readonly DateOnly Start = new(2026, 6, 1);
    private static readonly DateOnly End = new(2028, 6, 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true, EndReason.Terminated)]
    [InlineData(false, EndReason.Expired)]
    public void StageOn_ANoticeEndsTheLeaseTerminatedOnlyWhenItEndedItEarly(bool early, EndReason expected)
    {
        Assert.Equal((LeaseStage.NoticeServed, (EndReason?)null), LeaseRules.StageOn(End.AddDays(-1), Start, End, LeaseStage.NoticeServed, null, false, early));
        Assert.Equal((LeaseStage.Ended, expected), LeaseRules.StageOn(End, Start, End, LeaseStage.NoticeServed, null, false, early));
    }

    [Fact]
    public async Task NoticeAtTheNaturalEnd_ServesNoticeKeepsTheSeatsAndEndsExpired()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var seats = await FreeSeatsAsync(db, 2, Start, End);
        var id = await SignedAsync(db, admin, 2, seats, Start, End);
        var service = db.Get<LeaseService>();

        var notice = await service.TerminateAsync(admin, Actor, id, await RowVersionAsync(db, id), End, 0, "not renewing", Ct);

        Assert.True(notice.Succeeded, notice.Problem?.ToString());
        var s = notice.Value!;
        Assert.Equal((End, 0, 0L, 0L, 0L), (s.TerminationDate, s.UnbilledDays, s.Unbilled.Fen, s.Penalty.Fen, s.Owed.Fen));
        Assert.Equal((2 * 80_000L, 2 * 80_000L), (s.Deposit.Fen, s.Refund.Fen));
        var lease = (await db.Get<LeaseStore>().GetAsync(admin, id, Ct))!;
        Assert.Equal(("notice_served", End, (DateOnly?)null, (DateOnly?)new DateOnly(2026, 11, 23)), (lease.Stage, lease.EndDate, lease.TerminatedOn, lease.NoticeServedOn));
        Assert.Null(lease.Settlement);
        await using (var c = await db.Db.OpenAsync(Ct))
        {
            Assert.Equal([End, End], await c.QueryAsync<DateOnly>("SELECT max(end_date) FROM seat_holds WHERE lease_id = @Id GROUP BY seat_id", new { Id = id }));
            Assert.Equal("not renewing", await c.ExecuteScalarAsync<string>("SELECT reason FROM audit_events WHERE action = 'lease.notice' AND target_id = @Id",
                new { Id = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        }

        Assert.Equal("LeaseNoticeServed", (await service.RenewAsync(admin, Actor, id, await RowVersionAsync(db, id), End.AddYears(1), null, "renew", Ct)).Problem!.Code);
        await service.MarkStagesAsync(End.AddDays(-1), Ct);
        Assert.Equal("notice_served", (await db.Get<LeaseStore>().GetAsync(admin, id, Ct))!.Stage);
        await service.MarkStagesAsync(End, Ct);
        var ended = (await db.Get<LeaseStore>().GetAsync(admin, id, Ct))!;
        Assert.Equal(("ended", "expired"), (ended.Stage, ended.EndReason));
    }

    [Fact]
    public async Task NoticeAtTheNaturalEnd_WithAPenalty_IsRefused()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var id = await SignedAsync(db, admin, 2, await FreeSeatsAsync(db, 1, Start, End), Start, End);
        var version = await RowVersionAsync(db, id);

        var refused = await db.Get<LeaseService>().TerminateAsync(admin, Actor, id, version, End, 10_000, "not renewing", Ct);

        Assert.Equal((ErrorKind.Invalid, "PenaltyAtNaturalEnd", "penalty"), (refused.Problem!.Kind, refused.Problem.Code, refused.Problem.Field));
        Assert.Equal("active", (await db.Get<LeaseStore>().GetAsync(admin, id, Ct))!.Stage);
        Assert.Equal(version, await RowVersionAsync(db, id));
    }

    [Fact]
    public async Task EarlyTermination_StillEndsTerminated()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var id = await SignedAsync(db, admin, 2, await FreeSeatsAsync(db, 1, Start, End), Start, End);
        var service = db.Get<LeaseService>();
        var date = new DateOnly(2027, 3, 1);
        Assert.True((await service.TerminateAsync(admin, Actor, id, await RowVersionAsync(db, id), date, 0, "closing", Ct)).Succeeded);

        await service.MarkStagesAsync(date, Ct);
        var ended = (await db.Get<LeaseStore>().GetAsync(admin, id, Ct))!;

        Assert.Equal(("ended", "terminated", (DateOnly?)date), (ended.Stage, ended.EndReason, ended.TerminatedOn));
    }
}
