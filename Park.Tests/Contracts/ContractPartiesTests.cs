using Dapper;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Contracts;
using Park.Domain.Data;
using Park.Domain.Inventory;
using Park.Domain.Seeding;
using Park.Domain.Tenants;

namespace Park.Tests.Contracts;

public sealed class ContractPartiesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Contract_PrintsBothPartiesLegalRepresentativesAndAddresses_AsEdited()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var leaseId = await new ContractTestData(db.Db) { SeatCount = 6 }.InsertAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        await using var connection = await db.Db.OpenAsync(Ct);
        var parkId = await connection.ExecuteScalarAsync<long>("SELECT id FROM parks WHERE code = @Code", new { Code = DemoSeed.ParkCode });
        var tenantId = await connection.ExecuteScalarAsync<long>("SELECT id FROM tenants WHERE uscc = @Uscc", new { Uscc = DemoSeed.TenantUscc(0) });

        var lessor = await db.Get<ContractLessorStore>().UpdateAsync(admin, AuditActor.From(admin), parkId, "浙江省杭州市拱墅区声谷路 99 号", "沈建军", Ct);
        Assert.True(lessor.Succeeded, lessor.Problem?.Code);
        var tenants = db.Get<TenantStore>();
        var before = (await tenants.GetAsync(admin, tenantId, Ct))!;
        var updated = await tenants.UpdateAsync(admin, AuditActor.From(admin), tenantId, before.RowVersion, new TenantInput(before.NameZh, before.NameEn, before.Uscc,
            before.BusinessType, InvoiceAddress: "杭州市拱墅区声谷路 88 号 A 座 3 层", LegalRepresentative: "陈志强"), Ct);
        Assert.True(updated.Succeeded, updated.Problem?.Code);
        Assert.Equal("陈志强", (await tenants.GetAsync(admin, tenantId, Ct))!.LegalRepresentative);

        var zh = PdfText.All((await db.Get<ContractService>().RenderAsync(AccessScope.System, leaseId, "zh-CN", Ct)).Value!.Bytes);
        var en = PdfText.All((await db.Get<ContractService>().RenderAsync(AccessScope.System, leaseId, "en-US", Ct)).Value!.Bytes);

        foreach (var text in new[] { zh, en })
        {
            Assert.Contains("沈建军", text, StringComparison.Ordinal);
            Assert.Contains("陈志强", text, StringComparison.Ordinal);
            Assert.Contains("杭州市拱墅区声谷路88号A座3层", text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Contains("浙江省杭州市拱墅区声谷路99号", text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        Assert.Contains("法定代表人", zh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoContract_NamesTheDemoRepresentatives()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var leaseId = await new ContractTestData(db.Db) { TenantIndex = 1, SeatCount = 3 }.InsertAsync();

        var text = PdfText.All((await db.Get<ContractService>().RenderAsync(AccessScope.System, leaseId, "zh-CN", Ct)).Value!.Bytes);

        Assert.Contains(ContractsDemo.OperatorRepresentative, text, StringComparison.Ordinal);
        Assert.Contains(ContractsDemo.TenantRepresentatives[1], text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ops@hengxintong.demo")]
    [InlineData("reviewer@gov.demo")]
    public async Task UpdateLessor_AsTenantOrReviewer_IsNotAllowed(string email)
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var scope = await db.ScopeOfAsync(email);
        await using var connection = await db.Db.OpenAsync(Ct);
        var parkId = await connection.ExecuteScalarAsync<long>("SELECT id FROM parks WHERE code = @Code", new { Code = DemoSeed.ParkCode });

        var result = await db.Get<ContractLessorStore>().UpdateAsync(scope, AuditActor.From(scope), parkId, "x", "y", Ct);

        Assert.Equal(ErrorKind.NotAllowed, result.Problem?.Kind);
        Assert.Equal(ContractsDemo.OperatorRepresentative, await connection.ExecuteScalarAsync<string>("SELECT legal_representative FROM parks WHERE id = @parkId", new { parkId }));
    }

    [Fact]
    public async Task NewPark_KeepsTheOperatorsLegalRepresentative_AndTooLongIsInvalid()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var parks = db.Get<ParkStore>();
        var created = await parks.CreateAsync(new NewPark("REP-1", "测试园区", "Test Park", "杭州", "杭州市", "测试运营公司", "", null, "李明"), AccessScope.System, AuditActor.Cli, Ct);
        Assert.True(created.Succeeded, created.Problem?.Code);
        Assert.Equal("李明", (await db.Get<ContractLessorStore>().GetAsync(AccessScope.System, created.Value, Ct))!.LegalRepresentative);

        var tooLong = await parks.CreateAsync(new NewPark("REP-2", "测试园区二", "Test Park 2", "杭州", "", "", "", null, new string('名', 61)), AccessScope.System, AuditActor.Cli, Ct);
        Assert.Equal("legalRepresentative", tooLong.Problem?.Field);
    }
}
