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
    public async Task VerifyPage_IsOpenToAnonymousVisitors()
    {
        using var factory = new ParkAppFactory();
        var client = factory.CreateBrowserLikeClient();
        var response = await client.GetAsync("/verify", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("verify-hash", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
