using Dapper;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Contracts;
using Park.Domain.Data;
using Park.Domain.Seeding;

namespace Park.Tests.Contracts;

public sealed class ContractServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Generate_StoresPdfOutsideWebRootWithHashAndTemplateVersion()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var data = new ContractTestData(db.Db) { SeatCount = 120 };
        var leaseId = await data.InsertAsync();
        var service = db.Get<ContractService>();

        var result = await service.GenerateAsync(AccessScope.System, AuditActor.Cli, leaseId, "zh-CN", ct: Ct);

        Assert.True(result.Succeeded, result.Problem?.Code);
        var row = result.Value!;
        Assert.Equal(1, row.TemplateVersion);
        var file = (await service.FileAsync(AccessScope.System, row.Id, Ct)).Value!;
        Assert.StartsWith(Path.Combine(Path.GetDirectoryName(db.FilePath)!, "documents"), file.FullPath, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(file.FullPath, Ct);
        Assert.Equal(ContractService.Sha256Of(bytes), row.Sha256);
        Assert.Equal(row.PageCount, PdfText.Pages(bytes).Count);
    }

    [Fact]
    public async Task Generate_PdfText_ContainsPartiesEverySeatCodeAndTheTotal()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var data = new ContractTestData(db.Db) { SeatCount = 120 };
        var leaseId = await data.InsertAsync();
        var row = (await db.Get<ContractService>().GenerateAsync(AccessScope.System, AuditActor.Cli, leaseId, "zh-CN", ct: Ct)).Value!;
        var file = (await db.Get<ContractService>().FileAsync(AccessScope.System, row.Id, Ct)).Value!;
        var text = PdfText.All(await File.ReadAllBytesAsync(file.FullPath, Ct));

        Assert.Contains("杭州恒信通客户服务有限公司", text, StringComparison.Ordinal);
        Assert.Contains("杭州声谷园区运营管理有限公司", text, StringComparison.Ordinal);
        Assert.Contains(DemoSeed.TenantUscc(0), text, StringComparison.Ordinal);
        foreach (var code in await data.SeatCodesAsync(leaseId))
        {
            Assert.Contains(code, text, StringComparison.Ordinal);
        }

        Assert.Contains("¥720,000.00", text, StringComparison.Ordinal);
        Assert.Contains("人民币柒拾贰万元整", text, StringComparison.Ordinal);
        Assert.Contains("第一条", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "杭州恒信通客户服务有限公司")]
    [InlineData("en-US", "Hangzhou Hengxintong Customer Service Co., Ltd.")]
    public async Task Render_PlainPdfPigText_HasPartiesSeatsTotalAndNoKangxiRadicals(string language, string tenant)
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var data = new ContractTestData(db.Db) { SeatCount = 120 };
        var leaseId = await data.InsertAsync();

        var pdf = (await db.Get<ContractService>().RenderAsync(AccessScope.System, leaseId, language, Ct)).Value!;
        var text = PdfText.All(pdf.Bytes);

        Assert.Contains(tenant, text, StringComparison.Ordinal);
        Assert.Contains(DemoSeed.TenantUscc(0), text, StringComparison.Ordinal);
        foreach (var code in await data.SeatCodesAsync(leaseId))
        {
            Assert.Contains(code, text, StringComparison.Ordinal);
        }

        Assert.Contains("¥720,000.00", text, StringComparison.Ordinal);
        Assert.DoesNotContain(text, c => Park.Web.Documents.ExtractableFont.IsTwin(c));
        if (language == "zh-CN")
        {
            // Ideographs whose glyph Noto CJK shares with a Kangxi radical, as the contract prints them.
            foreach (var word in new[] { "甲方", "乙方", "人民币", "个月", "日", "金", "第一条" })
            {
                Assert.Contains(word, text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Generate_SameVersionAndTemplateTwice_KeepsOneVersionAndRendersTheSameText()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var leaseId = await new ContractTestData(db.Db) { SeatCount = 10 }.InsertAsync();
        var service = db.Get<ContractService>();
        var first = (await service.GenerateAsync(AccessScope.System, AuditActor.Cli, leaseId, "en-US", ct: Ct)).Value!;
        var second = (await service.GenerateAsync(AccessScope.System, AuditActor.Cli, leaseId, "en-US", ct: Ct)).Value!;
        Assert.Equal(first.Id, second.Id);

        var a = (await service.RenderAsync(AccessScope.System, leaseId, "en-US", Ct)).Value!;
        var b = (await service.RenderAsync(AccessScope.System, leaseId, "en-US", Ct)).Value!;
        Assert.Equal(PdfText.All(a.Bytes), PdfText.All(b.Bytes));
        Assert.Contains("Hangzhou Hengxintong Customer Service Co., Ltd.", PdfText.All(a.Bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_Amendment_ReferencesTheBaseContractNumber()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var data = new ContractTestData(db.Db) { SeatCount = 5, Number = "HZSV-2027-0042" };
        var leaseId = await data.InsertAsync();
        data.SeatCount = 8;
        await data.AddAmendmentAsync(leaseId, 2);

        var row = (await db.Get<ContractService>().GenerateAsync(AccessScope.System, AuditActor.Cli, leaseId, "zh-CN", ct: Ct)).Value!;

        Assert.Equal("amendment", row.Kind);
        Assert.Equal("HZSV-2027-0042", row.BaseContractNumber);
        Assert.Equal("HZSV-2027-0042-BC1", row.ContractNumber);
        var text = PdfText.All(await File.ReadAllBytesAsync((await db.Get<ContractService>().FileAsync(AccessScope.System, row.Id, Ct)).Value!.FullPath, Ct));
        Assert.Contains("补充协议", text, StringComparison.Ordinal);
        Assert.Contains("原合同编号：HZSV-2027-0042", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_LeaseWithoutSeats_IsInvalidAndStoresNothing()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var leaseId = await new ContractTestData(db.Db) { SeatCount = 0 }.InsertAsync();
        var service = db.Get<ContractService>();

        var result = await service.GenerateAsync(AccessScope.System, AuditActor.Cli, leaseId, "zh-CN", ct: Ct);

        Assert.Equal("ContractLeaseWithoutSeats", result.Problem!.Code);
        await using var connection = await db.Db.OpenAsync(Ct);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM contract_versions"));
        Assert.False(Directory.Exists(service.Folder) && Directory.EnumerateFiles(service.Folder).Any());
    }

    [Fact]
    public async Task Contracts_OfAnotherTenant_ReadAsNotFound()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var othersLease = await new ContractTestData(db.Db) { TenantIndex = 1, SeatCount = 3 }.InsertAsync();
        var row = (await db.Get<ContractService>().GenerateAsync(AccessScope.System, AuditActor.Cli, othersLease, "zh-CN", ct: Ct)).Value!;
        var tenant0 = await db.ScopeOfAsync("ops@hengxintong.demo");
        var service = db.Get<ContractService>();

        Assert.Equal(ErrorKind.NotFound, (await service.RenderAsync(tenant0, othersLease, "zh-CN", Ct)).Problem!.Kind);
        Assert.Equal(ErrorKind.NotFound, (await service.FileAsync(tenant0, row.Id, Ct)).Problem!.Kind);
        Assert.Empty(await service.ListAsync(tenant0, othersLease, Ct));
        Assert.False(await service.LeaseVisibleAsync(tenant0, othersLease, Ct));
        var own = await db.ScopeOfAsync("ops@yunsheng.demo");
        Assert.True((await service.FileAsync(own, row.Id, Ct)).Succeeded);
    }

    [Fact]
    public async Task Verify_ByHash_TellsNumberPartiesAndDateOnly()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var leaseId = await new ContractTestData(db.Db) { SeatCount = 3, Number = "HZSV-V-1" }.InsertAsync();
        var row = (await db.Get<ContractService>().GenerateAsync(AccessScope.System, AuditActor.Cli, leaseId, "zh-CN", ct: Ct)).Value!;

        var found = await db.Get<ContractService>().VerifyAsync(row.Sha256.ToUpperInvariant(), Ct);

        Assert.Equal(new VerifiedContract { ContractNumber = "HZSV-V-1", LessorName = "杭州声谷园区运营管理有限公司", TenantName = "杭州恒信通客户服务有限公司", GeneratedAt = row.GeneratedAt }, found);
        Assert.Null(await db.Get<ContractService>().VerifyAsync(new string('0', 64), Ct));
        Assert.Null(await db.Get<ContractService>().VerifyAsync("not a hash", Ct));
    }

    [Fact]
    public async Task SaveTemplate_UnknownPlaceholder_IsRejectedAndNothingSaved()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var store = db.Get<ContractTemplateStore>();
        var parkId = (await db.Get<ContractService>().SignedLeasesAsync(admin, 0, Ct)).Count; // warms nothing; park id below
        await using var connection = await db.Db.OpenAsync(Ct);
        var park = await connection.ExecuteScalarAsync<long>("SELECT id FROM parks WHERE code = 'HZ-SV'");

        var bad = await store.SaveAsync(admin, AuditActor.From(admin), park, "zh-CN", "## 租金\n{tenant.nmae}", "", Ct);
        var good = await store.SaveAsync(admin, AuditActor.From(admin), park, "zh-CN", "## 租金\n乙方 {tenant.name} 付租金。", "v2", Ct);
        var tenant = await db.ScopeOfAsync("ops@hengxintong.demo");
        var denied = await store.SaveAsync(tenant, AuditActor.From(tenant), park, "zh-CN", "## 租金\n乙方付租金。", "", Ct);

        Assert.Equal("{tenant.nmae}", bad.Problem!.Args[0]);
        Assert.Equal(2, good.Value!.Version);
        Assert.Equal(ErrorKind.NotAllowed, denied.Problem!.Kind);
        Assert.Equal(2, (await store.HistoryAsync(admin, park, "zh-CN", Ct)).Count);
        Assert.Equal(0, parkId);
    }
}
