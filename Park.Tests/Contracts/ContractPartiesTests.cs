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

        var lessor = await db.Get<ContractLessorStore>().UpdateAsync(admin, AuditActor.From(admin), parkId, "浙江省杭州市拱墅区声谷路 99 号", "沈建军", ContractsDemo.OperatorNameEn, Ct);
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

    [Fact]
    public async Task EnglishContract_NamesTheDemoLessorInEnglish_ChineseContractInChinese()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var leaseId = await new ContractTestData(db.Db) { SeatCount = 3 }.InsertAsync();
        var service = db.Get<ContractService>();

        var en = (await service.GenerateAsync(AccessScope.System, AuditActor.Cli, leaseId, "en-US", ct: Ct)).Value!;
        var zh = (await service.GenerateAsync(AccessScope.System, AuditActor.Cli, leaseId, "zh-CN", ct: Ct)).Value!;
        var enText = PdfText.All(await File.ReadAllBytesAsync((await service.FileAsync(AccessScope.System, en.Id, Ct)).Value!.FullPath, Ct));
        var zhText = PdfText.All(await File.ReadAllBytesAsync((await service.FileAsync(AccessScope.System, zh.Id, Ct)).Value!.FullPath, Ct));

        Assert.Contains(ContractsDemo.OperatorNameEn, enText, StringComparison.Ordinal);
        Assert.DoesNotContain(OperatorNameZh, enText, StringComparison.Ordinal);
        Assert.Equal(ContractsDemo.OperatorNameEn, en.LessorName);
        Assert.Contains(OperatorNameZh, zhText, StringComparison.Ordinal);
        Assert.DoesNotContain(ContractsDemo.OperatorNameEn, zhText, StringComparison.Ordinal);
        Assert.Equal(OperatorNameZh, zh.LessorName);
    }

    [Fact]
    public async Task LessorEnglishName_AsEdited_OnEnglishContracts_AndTheChineseNameWhenCleared()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var leaseId = await new ContractTestData(db.Db) { SeatCount = 3 }.InsertAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var store = db.Get<ContractLessorStore>();
        var parkId = await ParkIdAsync(db);
        var service = db.Get<ContractService>();

        var edited = await store.UpdateAsync(admin, AuditActor.From(admin), parkId, "", "沈国栋", "  Sound Valley Park Operations Ltd.  ", Ct);
        var named = PdfText.All((await service.RenderAsync(AccessScope.System, leaseId, "en-US", Ct)).Value!.Bytes);
        var cleared = await store.UpdateAsync(admin, AuditActor.From(admin), parkId, "", "沈国栋", "", Ct);
        var fallback = PdfText.All((await service.RenderAsync(AccessScope.System, leaseId, "en-US", Ct)).Value!.Bytes);
        var tooLong = await store.UpdateAsync(admin, AuditActor.From(admin), parkId, "", "沈国栋", new string('x', 201), Ct);

        Assert.Equal("Sound Valley Park Operations Ltd.", edited.Value!.OperatorNameEn);
        Assert.Contains("Sound Valley Park Operations Ltd.", named, StringComparison.Ordinal);
        Assert.DoesNotContain(OperatorNameZh, named, StringComparison.Ordinal);
        Assert.Equal("", cleared.Value!.OperatorNameEn);
        Assert.Contains(OperatorNameZh, fallback, StringComparison.Ordinal);
        Assert.Equal("operatorNameEn", tooLong.Problem?.Field);
        await using var connection = await db.Db.OpenAsync(Ct);
        var details = await connection.QueryAsync<string>("SELECT details FROM audit_events WHERE action = 'park.update_lessor' ORDER BY id");
        Assert.Contains(details, d => d.Contains("operator_name_en=Sound Valley Park Operations Ltd.", StringComparison.Ordinal));
        Assert.Equal(2, details.Count());
    }

    private const string OperatorNameZh = "杭州声谷园区运营管理有限公司";

    private static async Task<long> ParkIdAsync(TestDatabase db)
    {
        await using var connection = await db.Db.OpenAsync(Ct);
        return await connection.ExecuteScalarAsync<long>("SELECT id FROM parks WHERE code = @Code", new { Code = DemoSeed.ParkCode });
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

        var result = await db.Get<ContractLessorStore>().UpdateAsync(scope, AuditActor.From(scope), parkId, "x", "y", "z", Ct);

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
