using System.Net.Http.Headers;
using System.Security.Claims;
using Bunit;
using Dapper;
using Microsoft.AspNetCore.Http;
using MudBlazor;
using Park.Domain.Access;
using Park.Domain.Leasing;
using Park.Domain.Seeding;
using Park.Web.Access;
using Park.Web.Features.Leasing;
using static Park.Tests.Leasing.LeasingTestData;

namespace Park.Tests.Leasing;

/// <summary>An English UI shows tenants' and parks' English names where they exist; the Chinese UI keeps the Chinese ones.</summary>
public sealed class EnglishNamesPageTests : IClassFixture<EnglishNamesPageTests.App>
{
    private readonly App _app;

    public EnglishNamesPageTests(App app) => _app = app;

    public sealed class App : IDisposable
    {
        public ParkAppFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<HttpClient> AdminAsync(string language)
    {
        var client = await _app.Factory.SignedInAsync(Roles.ParkAdmin);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return client;
    }

    private async Task<(long Id, string Zh, string En)> TenantAsync(string sql)
    {
        await _app.Factory.AccountsAsync();
        await using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_app.Factory.DatabasePath}");
        return await c.QuerySingleAsync<(long, string, string)>(sql, new { U = DemoSeed.TenantUscc(2) });
    }

    [Theory]
    [InlineData("en-US", true)]
    [InlineData("zh-CN", false)]
    public async Task TenantDetailTitle_IsInTheUsersLanguage(string language, bool english)
    {
        var tenant = await TenantAsync("SELECT id, name_zh, name_en FROM tenants WHERE uscc = @U");
        var html = await (await AdminAsync(language)).GetStringAsync($"/tenants/{tenant.Id}", Ct);
        var title = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"tenant-title\"[^>]*>([^<]*)<").Groups[1].Value;
        Assert.Equal(english ? tenant.En : tenant.Zh, System.Net.WebUtility.HtmlDecode(title).Trim());
        Assert.Contains($"<title>{System.Net.WebUtility.HtmlEncode(english ? tenant.En : tenant.Zh)} · Park</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewLeasePickers_ShowEnglishTenantAndParkNamesInEnglish()
    {
        var first = await TenantAsync("SELECT id, name_zh, name_en FROM tenants WHERE status <> 'exited' ORDER BY name_zh LIMIT 1 -- @U");
        await using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_app.Factory.DatabasePath}");
        var park = await c.QuerySingleAsync<(string Code, string Zh, string En)>("SELECT code, name_zh, name_en FROM parks ORDER BY id LIMIT 1");

        var english = System.Net.WebUtility.HtmlDecode(await (await AdminAsync("en-US")).GetStringAsync("/leases/new", Ct));
        var chinese = System.Net.WebUtility.HtmlDecode(await (await AdminAsync("zh-CN")).GetStringAsync("/leases/new", Ct));

        Assert.Contains($"value=\"{first.En}\"", english, StringComparison.Ordinal);
        Assert.Contains($"value=\"{park.Code} · {park.En}\"", english, StringComparison.Ordinal);
        Assert.Contains($"value=\"{first.Zh}\"", chinese, StringComparison.Ordinal);
        Assert.Contains($"value=\"{park.Code} · {park.Zh}\"", chinese, StringComparison.Ordinal);
    }
}

/// <summary>The requests table's tenant column, rendered with the real stores in an English UI.</summary>
public sealed class EnglishNamesTableTests() : ComponentTestBase("en-US")
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task RequestsTable_TenantColumn_ShowsTheEnglishName()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var tenant = await db.ScopeOfAsync("ops@hengxintong.demo");
        var start = new DateOnly(2026, 6, 1);
        var lease = await SignedAsync(db, admin, 0, await FreeSeatsAsync(db, 1, start, start.AddYears(2)), start, start.AddYears(2));
        Assert.True((await db.Get<LeaseService>().CreateRequestAsync(tenant, Actor,
            new NewLeaseRequest(lease, "renewal", 0, "", start.AddYears(3), "renew"), Ct)).Succeeded);
        await using (var c = await db.Db.OpenAsync(Ct))
        {
            var names = await c.QuerySingleAsync<(string Zh, string En)>("SELECT name_zh, name_en FROM tenants WHERE uscc = @U", new { U = DemoSeed.TenantUscc(0) });
            Assert.NotEqual(names.Zh, names.En);
            await using var scope = db.Scope();
            Services.AddSingleton(db.Get<LeaseStore>());
            Services.AddSingleton(db.Get<LeaseService>());
            Services.AddSingleton(new ScopeProvider(scope.ServiceProvider.GetRequiredService<UserAdmin>(), new HttpContextAccessor(), Auth));
            Auth.Principal = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, admin.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Claim(ClaimTypes.Role, Roles.ParkAdmin)], "test"));
            Render<MudPopoverProvider>();

            var table = Render<LeaseRequestsTable>();

            table.WaitForAssertion(() => Assert.Equal(names.En, table.Find("[data-testid=request-tenant]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        }
    }
}
