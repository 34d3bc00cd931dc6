using Dapper;
using Microsoft.Data.Sqlite;
using Park.Domain.Leasing;
using static Park.Tests.Leasing.LeasingTestData;

namespace Park.Tests.Leasing;

/// <summary>Invariant 2 in the database: a signed lease version's terms and rows cannot be updated (migration 0065).</summary>
public sealed class SignedVersionImmutableTests
{
    private static readonly DateOnly Start = new(2027, 1, 1);
    private static readonly DateOnly End = new(2029, 1, 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("UPDATE lease_versions SET monthly_price_fen = 1 WHERE id = @Id")]
    [InlineData("UPDATE lease_versions SET end_date = '2035-01-01' WHERE id = @Id")]
    [InlineData("UPDATE lease_versions SET status = 'cancelled' WHERE id = @Id")]
    [InlineData("UPDATE lease_versions SET special_terms = 'free parking' WHERE id = @Id")]
    [InlineData("DELETE FROM lease_versions WHERE id = @Id")]
    [InlineData("DELETE FROM lease_version_seats WHERE lease_version_id = @Id")]
    [InlineData("UPDATE lease_concessions SET discount_bp = 5000 WHERE lease_version_id = @Id")]
    [InlineData("UPDATE lease_ramp_steps SET seat_count = 1 WHERE lease_version_id = @Id")]
    public async Task ChangingASignedVersion_IsRefusedByTheDatabase(string sql)
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var versionId = await SignedVersionAsync(db, admin);
        await using var c = await db.Db.OpenAsync(Ct);
        var before = await c.QuerySingleAsync<(long Price, string End, string Status)>(
            "SELECT monthly_price_fen, end_date, status FROM lease_versions WHERE id = @Id", new { Id = versionId });

        var refused = await Assert.ThrowsAsync<SqliteException>(() => c.ExecuteAsync(sql, new { Id = versionId }));

        Assert.Contains("signed_lease_version_immutable", refused.Message, StringComparison.Ordinal);
        Assert.Equal((80_000L, "2029-01-01", "signed"), before);
        Assert.Equal(before, await c.QuerySingleAsync<(long Price, string End, string Status)>(
            "SELECT monthly_price_fen, end_date, status FROM lease_versions WHERE id = @Id", new { Id = versionId }));
        Assert.Equal(3, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM lease_version_seats WHERE lease_version_id = @Id", new { Id = versionId }));
    }

    [Fact]
    public async Task ADraftVersion_CanStillBeChanged_AndTheSignedLeaseStillMovesStageAndEnds()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var draft = await DraftAsync(db, admin, 3, await FreeSeatsAsync(db, 1, Start, End, "B-3F"), Start, End);
        var versionId = await SignedVersionAsync(db, admin);
        await using var c = await db.Db.OpenAsync(Ct);
        Assert.Equal(1, await c.ExecuteAsync("UPDATE lease_versions SET monthly_price_fen = 70000 WHERE lease_id = @Id", new { Id = draft }));

        var leaseId = await c.ExecuteScalarAsync<long>("SELECT lease_id FROM lease_versions WHERE id = @Id", new { Id = versionId });
        var service = db.Get<LeaseService>();
        await service.MarkStagesAsync(Start, Ct);
        var ended = await service.TerminateAsync(admin, Actor, leaseId, await RowVersionAsync(db, leaseId), new DateOnly(2027, 6, 1), 0, "moving", Ct);

        Assert.True(ended.Succeeded, ended.Problem?.ToString());
        Assert.Equal("notice_served", (await db.Get<LeaseStore>().GetAsync(admin, leaseId, Ct))!.Stage);
        Assert.Equal(80_000, await c.ExecuteScalarAsync<long>("SELECT monthly_price_fen FROM lease_versions WHERE id = @Id", new { Id = versionId }));
    }

    /// <summary>A signed original with three seats, a rent-free month and a ramp-up step.</summary>
    private static async Task<long> SignedVersionAsync(TestDatabase db, Park.Domain.Access.AccessScope admin)
    {
        var service = db.Get<LeaseService>();
        var created = await service.CreateDraftAsync(admin, Actor, new NewLease(await ParkIdAsync(db), await TenantIdAsync(db, 2),
            await FreeSeatsAsync(db, 3, Start, End), Start, End, 80_000,
            Concessions: [new Concession(Start, Start.AddMonths(1))], Ramp: [new RampStep(Start, 2), new RampStep(Start.AddMonths(3), 3)]), Ct);
        Assert.True(created.Succeeded, created.Problem?.ToString());
        Assert.True((await service.ApproveAsync(admin, Actor, created.Value, await RowVersionAsync(db, created.Value), "ok", Ct)).Succeeded);
        Assert.True((await service.SignAsync(admin, Actor, created.Value, await RowVersionAsync(db, created.Value), "ok", Ct)).Succeeded);
        await using var c = await db.Db.OpenAsync(Ct);
        return await c.ExecuteScalarAsync<long>("SELECT id FROM lease_versions WHERE lease_id = @Id AND status = 'signed'", new { Id = created.Value });
    }
}
