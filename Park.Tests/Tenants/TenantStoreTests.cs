using Park.Domain.Audit;
using Park.Domain.Data;
using Park.Domain.Seeding;
using Park.Domain.Tenants;

namespace Park.Tests.Tenants;

public sealed class TenantStoreTests
{
    private static readonly AuditActor Actor = new(null, "test", "ParkAdmin");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TenantInput Valid(int org = 55501234) => new("杭州测试呼叫有限公司", "Hangzhou Test Call Co.", Uscc.ForCompany("330105", org), "outsourcing",
        InvoiceName: "杭州测试呼叫有限公司", InvoiceBank: "工商银行", InvoiceAccount: "1202000000001");

    [Fact]
    public async Task List_PagesSortsAndFiltersInSql()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var store = db.Get<TenantStore>();
        var page = await store.ListAsync(admin, new TenantQuery(Sort: "uscc", Descending: true), new PageRequest(1, 5), Ct);
        Assert.Equal(8, page.Total);
        Assert.Equal(5, page.Items.Count);
        Assert.Equal(page.Items.Select(t => t.Uscc).OrderDescending(StringComparer.Ordinal), page.Items.Select(t => t.Uscc));
        Assert.Equal("prospect", Assert.Single((await store.ListAsync(admin, new TenantQuery(Status: "prospect"), new PageRequest(), Ct)).Items).Status);
        Assert.Single((await store.ListAsync(admin, new TenantQuery(Search: "云声"), new PageRequest(), Ct)).Items);
        Assert.Empty((await store.ListAsync(admin, new TenantQuery(Search: "%"), new PageRequest(), Ct)).Items);
    }

    [Fact]
    public async Task Create_ValidTenant_StartsAsProspectAndMovesThroughTheLifecycle()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var store = db.Get<TenantStore>();
        var parkId = (await store.ListAsync(admin, new TenantQuery(), new PageRequest(), Ct)).Items[0].ParkId;
        var id = (await store.CreateAsync(admin, Actor, parkId, Valid(), Ct)).Value;
        var tenant = (await store.GetAsync(admin, id, Ct))!;
        Assert.Equal(("prospect", "工商银行"), (tenant.Status, tenant.InvoiceBank));
        Assert.Equal("TenantStatusMoveRefused", (await store.ChangeStatusAsync(admin, Actor, id, tenant.RowVersion, "active", "too early", Ct)).Problem!.Code);
        Assert.True((await store.ChangeStatusAsync(admin, Actor, id, tenant.RowVersion, "admitted", "checked", Ct)).Succeeded);
        Assert.Equal(ErrorKind.Stale, (await store.ChangeStatusAsync(admin, Actor, id, tenant.RowVersion, "active", "stale form", Ct)).Problem!.Kind);
        Assert.True((await store.ChangeStatusAsync(admin, Actor, id, tenant.RowVersion + 1, "active", "opened", Ct)).Succeeded);
        Assert.True((await store.AddContactAsync(admin, Actor, id, new ContactInput("王经理", "运营总监", "13800000000", "w@test.cn", true), Ct)).Succeeded);
        Assert.Single((await store.GetAsync(admin, id, Ct))!.Contacts);
    }

    [Theory]
    [InlineData("91350100M000100Y44", "UsccCheck")]
    [InlineData("9133010532105671", "UsccLength")]
    [InlineData("91330105I2105671X0", "UsccCharacters")]
    [InlineData("", "UsccRequired")]
    public async Task Create_InvalidUscc_IsRefusedAndNothingWritten(string uscc, string code)
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var store = db.Get<TenantStore>();
        var result = await store.CreateAsync(admin, Actor, 1, Valid() with { Uscc = uscc }, Ct);
        Assert.Equal(("uscc", code), (result.Problem!.Field, result.Problem.Code));
        Assert.Equal(8, (await store.ListAsync(admin, new TenantQuery(), new PageRequest(), Ct)).Total);
    }

    [Fact]
    public async Task Create_DuplicateUsccInPark_IsRefused()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var result = await db.Get<TenantStore>().CreateAsync(admin, Actor, 1, Valid() with { Uscc = DemoSeed.TenantUscc(2) }, Ct);
        Assert.Equal("UsccTaken", result.Problem!.Code);
    }

    [Fact]
    public async Task TenantUser_ReadsItselfOnly_AndCannotWrite()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var tenant = await db.ScopeOfAsync("ops@hengxintong.demo");
        var store = db.Get<TenantStore>();
        var own = Assert.Single((await store.ListAsync(tenant, new TenantQuery(), new PageRequest(), Ct)).Items);
        Assert.Equal(DemoSeed.TenantUscc(0), own.Uscc);
        foreach (var id in new[] { own.Id + 1, own.Id - 1, 0, -1, long.MaxValue })
        {
            Assert.Null(await store.GetAsync(tenant, id, Ct));
        }

        Assert.Equal(ErrorKind.NotAllowed, (await store.ChangeStatusAsync(tenant, Actor, own.Id, 1, "exited", "", Ct)).Problem!.Kind);
    }
}
