using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Contracts;
using Park.Domain.Data;

namespace Park.Tests.Contracts;

public sealed class ContractWebTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TenantUser_AnotherTenantsLease_Is404OnApiDownloadAndPage()
    {
        using var factory = new ParkAppFactory();
        var client = await factory.SignedInAsync(Roles.TenantUser, 0);
        var db = factory.Services.GetRequiredService<ParkDatabase>();
        var own = await new ContractTestData(db) { TenantIndex = 0, SeatCount = 4 }.InsertAsync();
        var others = await new ContractTestData(db) { TenantIndex = 1, SeatCount = 4, SeatOffset = 10 }.InsertAsync();
        var contracts = factory.Services.GetRequiredService<ContractService>();
        var othersFile = (await contracts.GenerateAsync(AccessScope.System, AuditActor.Cli, others, "zh-CN", ct: Ct)).Value!;
        var ownFile = (await contracts.GenerateAsync(AccessScope.System, AuditActor.Cli, own, "zh-CN", ct: Ct)).Value!;

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/leases/{others}/contract.pdf", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/leases/{others}/contracts", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/contracts/files/{othersFile.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/leases/999999/contract.pdf", Ct)).StatusCode);
        Assert.Contains("lease-not-found", await client.GetStringAsync($"/contracts/{others}", Ct), StringComparison.Ordinal);

        var pdf = await client.GetAsync($"/api/v1/leases/{own}/contract.pdf", Ct);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var download = await client.GetAsync($"/contracts/files/{ownFile.Id}", Ct);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        var inline = await client.GetAsync($"/contracts/files/{ownFile.Id}?inline=true", Ct);
        Assert.StartsWith("inline", inline.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        Assert.Equal(ContractService.Sha256Of(await download.Content.ReadAsByteArrayAsync(Ct)), ownFile.Sha256);
    }

    [Fact]
    public async Task ContractPdfApi_ServesTheStoredIssuedFile_ThatVerifies_And404sOtherwise()
    {
        using var factory = new ParkAppFactory();
        var client = await factory.SignedInAsync(Roles.TenantUser, 0);
        var db = factory.Services.GetRequiredService<ParkDatabase>();
        var own = await new ContractTestData(db) { TenantIndex = 0, SeatCount = 4, SeatOffset = 20 }.InsertAsync();
        var ownDraft = await new ContractTestData(db) { TenantIndex = 0, SeatCount = 2, SeatOffset = 30, Status = "draft" }.InsertAsync();
        var others = await new ContractTestData(db) { TenantIndex = 1, SeatCount = 4, SeatOffset = 40 }.InsertAsync();
        var contracts = factory.Services.GetRequiredService<ContractService>();
        var notIssuedYet = await client.GetAsync($"/api/v1/leases/{own}/contract.pdf", Ct);
        var zh = (await contracts.GenerateAsync(AccessScope.System, AuditActor.Cli, own, "zh-CN", ct: Ct)).Value!;
        var en = (await contracts.GenerateAsync(AccessScope.System, AuditActor.Cli, own, "en-US", ct: Ct)).Value!;
        await contracts.GenerateAsync(AccessScope.System, AuditActor.Cli, others, "zh-CN", ct: Ct);

        var response = await client.GetAsync($"/api/v1/leases/{own}/contract.pdf?language=zh-CN", Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var again = await client.GetByteArrayAsync($"/api/v1/leases/{own}/contract.pdf?language=zh-CN", Ct);
        var english = await client.GetByteArrayAsync($"/api/v1/leases/{own}/contract.pdf?language=en-US", Ct);
        var latest = await client.GetByteArrayAsync($"/api/v1/leases/{own}/contract.pdf", Ct);

        Assert.Equal(HttpStatusCode.NotFound, notIssuedYet.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(zh.Sha256, ContractService.Sha256Of(bytes));
        Assert.Equal(bytes, again);
        Assert.Equal(en.Sha256, ContractService.Sha256Of(english));
        Assert.Contains(ContractService.Sha256Of(latest), new[] { zh.Sha256, en.Sha256 });
        Assert.Equal(zh.ContractNumber, (await contracts.VerifyAsync(ContractService.Sha256Of(bytes), Ct))!.ContractNumber);
        foreach (var path in new[] { $"/api/v1/leases/{others}/contract.pdf", $"/api/v1/leases/{others}/contract.pdf?language=zh-CN",
                     $"/api/v1/leases/{ownDraft}/contract.pdf", "/api/v1/leases/999999/contract.pdf", $"/api/v1/leases/{own + 1000}/contract.pdf" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path, Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task BatchPage_AfterLeaving_ShowsTheBackgroundBatchsResult()
    {
        using var factory = new ParkAppFactory();
        var client = await factory.SignedInAsync(Roles.ParkAdmin);
        var db = factory.Services.GetRequiredService<ParkDatabase>();
        await new ContractTestData(db) { SeatCount = 4 }.InsertAsync();
        long parkId;
        await using (var connection = await db.OpenAsync(Ct))
        {
            parkId = await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT id FROM parks WHERE code = 'HZ-SV'");
        }

        // Started elsewhere (another circuit, now gone): the app's hosted worker runs it.
        var batches = factory.Services.GetRequiredService<ContractBatches>();
        var started = (await batches.StartAsync(AccessScope.System, AuditActor.Cli, parkId, "en-US", Ct)).Value!;
        var done = (await batches.WaitAsync(started.Id, Ct))!;
        Assert.Equal(ContractBatchState.Completed, done.State);

        var html = await client.GetStringAsync("/contracts/batch", Ct);
        Assert.Contains("data-state=\"completed\"", html, StringComparison.Ordinal);
        Assert.True(html.Contains($"{done.Done} of {done.Total} done, 0 failed", StringComparison.Ordinal)
            || html.Contains($"已完成 {done.Done} / {done.Total}，失败 0", StringComparison.Ordinal), "progress text");
        Assert.True(done.Total > 0);

        var tenant = await factory.SignedInAsync(Roles.TenantUser, 0);
        var denied = await tenant.GetAsync("/contracts/batch", Ct);
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        Assert.DoesNotContain("batch-progress", await denied.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContractsPage_OffersTheOriginalAndEachSignedAmendment_AndNothingForADraftLease()
    {
        using var factory = new ParkAppFactory();
        var client = await factory.SignedInAsync(Roles.ParkAdmin);
        var flows = new ContractLeaseFlows(factory.Services);
        var (leaseId, spare) = await flows.LeaseAsync(4, 2, sign: true, spare: 3);
        await flows.AmendAsync(leaseId, spare[0], new DateOnly(2027, 4, 1));
        await flows.CancelPendingAsync(leaseId);                              // v2 cancelled
        await flows.AmendAsync(leaseId, spare[1], new DateOnly(2027, 7, 1));
        await flows.ApproveAndSignAsync(leaseId);                             // v3 signed: amendment 1
        await flows.AmendAsync(leaseId, spare[2], new DateOnly(2027, 10, 1)); // v4 draft
        var (draftLease, _) = await flows.LeaseAsync(5, 1, sign: false);

        var html = await client.GetStringAsync($"/contracts/{leaseId}", Ct);
        var draftHtml = await client.GetStringAsync($"/contracts/{draftLease}", Ct);

        Assert.Contains("data-testid=\"contract-version-1\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"contract-version-3\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("contract-version-2", html, StringComparison.Ordinal);
        Assert.DoesNotContain("contract-version-4", html, StringComparison.Ordinal);
        Assert.Contains("-BC1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("-BC2", html, StringComparison.Ordinal);
        Assert.Contains("contract-not-signed", draftHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("generate-zh", draftHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "HZ-SV · Hangzhou Sound Valley Call Center Park", "HZ-SV · 杭州声谷呼叫中心产业园")]
    [InlineData("zh-CN", "HZ-SV · 杭州声谷呼叫中心产业园", "HZ-SV · Hangzhou Sound Valley Call Center Park")]
    public async Task TemplatesAndBatchPages_PickParksByTheirNameInTheUsersLanguage(string language, string shown, string hidden)
    {
        using var factory = new ParkAppFactory();
        var client = await factory.SignedInAsync(Roles.ParkAdmin);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        foreach (var page in new[] { "/contracts/templates", "/contracts/batch" })
        {
            var html = await client.GetStringAsync(page, Ct);
            Assert.Contains(shown, html, StringComparison.Ordinal);
            Assert.DoesNotContain(hidden, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task VerifyPage_IsOpenToAnonymousVisitors()
    {
        using var factory = new ParkAppFactory();
        var client = factory.CreateBrowserLikeClient();
        var response = await client.GetAsync("/verify", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("verify-hash", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
