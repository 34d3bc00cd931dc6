using Dapper;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Contracts;
using Park.Domain.Data;
using Park.Domain.Seeding;

namespace Park.Tests.Contracts;

/// <summary>Only signed lease versions get issued contracts; drafts are previews, clearly marked, that never verify.</summary>
public sealed class ContractIssueTests
{
    private static readonly DateOnly July = new(2027, 7, 1);
    private static readonly DateOnly October = new(2027, 10, 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Batch_SignedLeaseWithAPendingDraftAmendment_IssuesTheSignedVersion()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var flows = new ContractLeaseFlows(db.Services);
        var (leaseId, spare) = await flows.LeaseAsync(2, 2, sign: true, spare: 1);
        await flows.AmendAsync(leaseId, spare[0], July); // drafted, not signed
        var batches = db.Get<ContractBatches>();
        using var stop = new CancellationTokenSource();
        var worker = batches.ProcessQueueAsync(stop.Token);
        var parkId = await ParkIdAsync(db);

        var started = (await batches.StartAsync(AccessScope.System, AuditActor.Cli, parkId, "zh-CN", Ct)).Value!;
        var done = (await batches.WaitAsync(started.Id, Ct))!;

        Assert.Equal(ContractBatchState.Completed, done.State);
        var issued = Assert.Single(await db.Get<ContractService>().ListAsync(AccessScope.System, leaseId, Ct));
        Assert.Equal((1, "original"), (issued.VersionNo, issued.Kind));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => worker);
    }

    [Fact]
    public async Task Generate_DraftLeaseOrDraftAmendment_IsRefusedAndStoresNothing()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var flows = new ContractLeaseFlows(db.Services);
        var (draft, _) = await flows.LeaseAsync(2, 2, sign: false);
        var (signed, spare) = await flows.LeaseAsync(3, 2, sign: true, spare: 1);
        await flows.AmendAsync(signed, spare[0], July);
        var service = db.Get<ContractService>();

        var unsignedLease = await service.GenerateAsync(AccessScope.System, AuditActor.Cli, draft, "zh-CN", ct: Ct);
        var unsignedAmendment = await service.GenerateAsync(AccessScope.System, AuditActor.Cli, signed, "zh-CN", 2, Ct);

        Assert.Equal("ContractVersionNotSigned", unsignedLease.Problem?.Code);
        Assert.Equal("ContractVersionNotSigned", unsignedAmendment.Problem?.Code);
        Assert.Equal(2, unsignedAmendment.Problem!.Args[1]);
        await using var connection = await db.Db.OpenAsync(Ct);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM contract_versions"));
    }

    [Theory]
    [InlineData("zh-CN", "【草稿】")]
    [InlineData("en-US", "[DRAFT]")]
    public async Task Render_DraftLease_IsAPreviewMarkedAsDraftThatDoesNotVerify(string language, string mark)
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var flows = new ContractLeaseFlows(db.Services);
        var (draft, _) = await flows.LeaseAsync(2, 2, sign: false);
        var (signed, _) = await flows.LeaseAsync(3, 2, sign: true);
        var service = db.Get<ContractService>();

        var preview = (await service.RenderAsync(AccessScope.System, draft, language, Ct)).Value!;
        var issued = (await service.RenderAsync(AccessScope.System, signed, language, Ct)).Value!;

        Assert.Contains(mark, PdfText.All(preview.Bytes), StringComparison.Ordinal);
        Assert.All(PdfText.Pages(preview.Bytes), page => Assert.Contains(mark, page, StringComparison.Ordinal));
        Assert.DoesNotContain(mark, PdfText.All(issued.Bytes), StringComparison.Ordinal);
        Assert.Null(await service.VerifyAsync(ContractService.Sha256Of(preview.Bytes), Ct));
    }

    [Fact]
    public async Task Generate_ChosenVersion_IssuesTheOriginalOrASignedAmendment()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var flows = new ContractLeaseFlows(db.Services);
        var (leaseId, spare) = await flows.LeaseAsync(2, 2, sign: true, spare: 1);
        await flows.AmendAsync(leaseId, spare[0], July);
        await flows.ApproveAndSignAsync(leaseId);
        var service = db.Get<ContractService>();
        var number = (await service.SignedVersionsAsync(AccessScope.System, leaseId, Ct))[0].ContractNumber;

        var original = (await service.GenerateAsync(AccessScope.System, AuditActor.Cli, leaseId, "zh-CN", 1, Ct)).Value!;
        var amendment = (await service.GenerateAsync(AccessScope.System, AuditActor.Cli, leaseId, "zh-CN", 2, Ct)).Value!;

        Assert.Equal((1, "original", number), (original.VersionNo, original.Kind, original.ContractNumber));
        Assert.Equal((2, "amendment", $"{number}-BC1", number), (amendment.VersionNo, amendment.Kind, amendment.ContractNumber, amendment.BaseContractNumber));
        Assert.NotNull(await service.VerifyAsync(original.Sha256, Ct));
        Assert.NotNull(await service.VerifyAsync(amendment.Sha256, Ct));
    }

    [Fact]
    public async Task AmendmentNumber_AfterACancelledAmendment_DoesNotSkipANumber()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var flows = new ContractLeaseFlows(db.Services);
        var (leaseId, spare) = await flows.LeaseAsync(2, 2, sign: true, spare: 2);
        await flows.AmendAsync(leaseId, spare[0], July);
        await flows.CancelPendingAsync(leaseId);          // version 2: cancelled
        await flows.AmendAsync(leaseId, spare[1], October);
        await flows.ApproveAndSignAsync(leaseId);          // version 3: the first signed amendment
        var service = db.Get<ContractService>();

        var versions = await service.SignedVersionsAsync(AccessScope.System, leaseId, Ct);
        var row = (await service.GenerateAsync(AccessScope.System, AuditActor.Cli, leaseId, "zh-CN", 3, Ct)).Value!;
        var text = PdfText.All(await File.ReadAllBytesAsync((await service.FileAsync(AccessScope.System, row.Id, Ct)).Value!.FullPath, Ct));

        Assert.Equal([1, 3], versions.Select(v => v.VersionNo));
        Assert.Equal($"{versions[0].ContractNumber}-BC1", row.ContractNumber);
        Assert.Equal(versions[1].ContractNumber, row.ContractNumber);
        Assert.Contains("补充协议（第1号）", text, StringComparison.Ordinal);
        Assert.DoesNotContain("BC2", text, StringComparison.Ordinal);
    }

    private static async Task<long> ParkIdAsync(TestDatabase db)
    {
        await using var connection = await db.Db.OpenAsync(Ct);
        return await connection.ExecuteScalarAsync<long>("SELECT id FROM parks WHERE code = @Code", new { Code = DemoSeed.ParkCode });
    }
}
