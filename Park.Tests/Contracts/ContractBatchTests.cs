using Dapper;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Contracts;
using Park.Domain.Data;
using Park.Domain.Seeding;

namespace Park.Tests.Contracts;

public sealed class ContractBatchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<long> DemoParkAsync(TestDatabase db)
    {
        // Three signed leases of different tenants (the demo may have its own too).
        for (var i = 0; i < 3; i++)
        {
            await new ContractTestData(db.Db) { TenantIndex = i, SeatCount = 4, SeatOffset = 10 * i, Number = $"BATCH-{i}" }.InsertAsync();
        }

        await using var connection = await db.Db.OpenAsync(Ct);
        return await connection.ExecuteScalarAsync<long>("SELECT id FROM parks WHERE code = @Code", new { Code = DemoSeed.ParkCode });
    }

    [Fact]
    public async Task Start_AsParkAdmin_WorkerGeneratesEverySignedLeaseAndKeepsTheResultAndAudits()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var parkId = await DemoParkAsync(db);
        var batches = db.Get<ContractBatches>();
        using var stop = new CancellationTokenSource();
        var worker = batches.ProcessQueueAsync(stop.Token);
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");

        var started = await batches.StartAsync(admin, AuditActor.From(admin), parkId, "zh-CN", Ct);
        Assert.True(started.Succeeded, started.Problem?.Code);
        var done = await batches.WaitAsync(started.Value!.Id, Ct);

        await using var connection = await db.Db.OpenAsync(Ct);
        var signed = await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM leases WHERE park_id = @P AND status = 'signed'", new { P = parkId });
        Assert.True(signed >= 3);
        Assert.Equal(ContractBatchState.Completed, done!.State);
        Assert.Equal(signed, done.Total);
        Assert.Equal(signed, done.Done);
        Assert.Equal(0, done.Failed);
        Assert.Equal(signed, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM contract_versions WHERE park_id = @P AND language = 'zh-CN'", new { P = parkId }));
        Assert.Equal(done, await batches.LatestAsync(admin, parkId, Ct));
        Assert.Equal(done, await batches.FindAsync(admin, done.Id, Ct));
        var actions = (await connection.QueryAsync<string>("SELECT action FROM audit_events WHERE target_type = 'contract_batch' AND target_id = @Id", new { done.Id })).ToArray();
        Assert.Contains("contract.batch.start", actions);
        Assert.Contains("contract.batch.finish", actions);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => worker);
    }

    [Fact]
    public async Task Start_WhileTheParksBatchIsQueued_IsConflict()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var parkId = await DemoParkAsync(db);
        var batches = db.Get<ContractBatches>();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");

        Assert.True((await batches.StartAsync(admin, AuditActor.From(admin), parkId, "zh-CN", Ct)).Succeeded);
        var second = await batches.StartAsync(admin, AuditActor.From(admin), parkId, "en-US", Ct);

        Assert.Equal("ContractBatchRunning", second.Problem?.Code);
    }

    [Theory]
    [InlineData("ops@hengxintong.demo")]
    [InlineData("reviewer@gov.demo")]
    public async Task Start_AsTenantOrReviewer_IsNotAllowedAndTheyCannotSeeBatches(string email)
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var parkId = await DemoParkAsync(db);
        var batches = db.Get<ContractBatches>();
        var scope = await db.ScopeOfAsync(email);
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var adminBatch = (await batches.StartAsync(admin, AuditActor.From(admin), parkId, "zh-CN", Ct)).Value!;

        var result = await batches.StartAsync(scope, AuditActor.From(scope), parkId, "zh-CN", Ct);

        Assert.Equal(ErrorKind.NotAllowed, result.Problem?.Kind);
        Assert.Null(await batches.LatestAsync(scope, parkId, Ct));
        Assert.Null(await batches.FindAsync(scope, adminBatch.Id, Ct));
        Assert.Equal(ErrorKind.NotFound, (await batches.CancelAsync(scope, AuditActor.From(scope), adminBatch.Id, Ct)).Problem?.Kind);
    }

    [Fact]
    public async Task Cancel_QueuedBatch_EndsCancelledWithoutGenerating()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var parkId = await DemoParkAsync(db);
        var batches = db.Get<ContractBatches>();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var started = (await batches.StartAsync(admin, AuditActor.From(admin), parkId, "zh-CN", Ct)).Value!;

        Assert.True((await batches.CancelAsync(admin, AuditActor.From(admin), started.Id, Ct)).Succeeded);
        using var stop = new CancellationTokenSource();
        _ = batches.ProcessQueueAsync(stop.Token);
        var done = await batches.WaitAsync(started.Id, Ct);
        await stop.CancelAsync();

        Assert.Equal(ContractBatchState.Cancelled, done!.State);
        Assert.Equal(0, done.Done);
        await using var connection = await db.Db.OpenAsync(Ct);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM contract_versions WHERE park_id = @P", new { P = parkId }));
        // Once finished, a new batch may start.
        Assert.True((await batches.StartAsync(admin, AuditActor.From(admin), parkId, "zh-CN", Ct)).Succeeded);
    }
}
