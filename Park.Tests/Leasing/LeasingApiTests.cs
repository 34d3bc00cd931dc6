using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Park.Domain.Access;
using Park.Domain.Seeding;

namespace Park.Tests.Leasing;

/// <summary>Contract and isolation tests of /api/v1 tenants, leases and lease-requests, and of the lease and tenant pages.</summary>
public sealed class LeasingApiTests : IClassFixture<LeasingApiTests.App>
{
    private readonly App _app;

    public LeasingApiTests(App app) => _app = app;

    public sealed class App : IDisposable
    {
        public ParkAppFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(long Own, long Others, long OtherTenant)> IdsAsync()
    {
        await _app.Factory.AccountsAsync();
        await using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_app.Factory.DatabasePath}");
        var own = await c.ExecuteScalarAsync<long>("SELECT l.id FROM leases l JOIN tenants t ON t.id = l.tenant_id WHERE t.uscc = @U AND l.status = 'signed' ORDER BY l.id LIMIT 1",
            new { U = DemoSeed.TenantUscc(0) });
        var others = await c.ExecuteScalarAsync<long>("SELECT l.id FROM leases l JOIN tenants t ON t.id = l.tenant_id WHERE t.uscc = @U AND l.status = 'signed' ORDER BY l.id LIMIT 1",
            new { U = DemoSeed.TenantUscc(1) });
        var otherTenant = await c.ExecuteScalarAsync<long>("SELECT id FROM tenants WHERE uscc = @U", new { U = DemoSeed.TenantUscc(1) });
        return (own, others, otherTenant);
    }

    [Fact]
    public async Task Tenants_AsParkAdmin_ListsEachWithItsUscc()
    {
        var client = await _app.Factory.SignedInAsync(Roles.ParkAdmin);
        var body = await client.GetFromJsonAsync<JsonElement>("/api/v1/tenants?pageSize=100", Ct);
        Assert.Equal(8, body.GetProperty("total").GetInt32());
        Assert.Contains(body.GetProperty("items").EnumerateArray(), t => t.GetProperty("uscc").GetString() == DemoSeed.TenantUscc(3));
    }

    [Fact]
    public async Task Tenants_AsTenantUser_ListsOnlyItself()
    {
        var client = await _app.Factory.SignedInAsync(Roles.TenantUser, 0);
        var body = await client.GetFromJsonAsync<JsonElement>("/api/v1/tenants", Ct);
        Assert.Equal(DemoSeed.TenantUscc(0), Assert.Single(body.GetProperty("items").EnumerateArray()).GetProperty("uscc").GetString());
    }

    [Fact]
    public async Task Leases_AsTenantUser_ListsOwnWithIdNumberStatusStage()
    {
        var (own, others, _) = await IdsAsync();
        var client = await _app.Factory.SignedInAsync(Roles.TenantUser, 0);
        var items = (await client.GetFromJsonAsync<JsonElement>("/api/v1/leases", Ct)).GetProperty("items").EnumerateArray().ToArray();
        Assert.Contains(items, l => l.GetProperty("id").GetInt64() == own);
        Assert.DoesNotContain(items, l => l.GetProperty("id").GetInt64() == others);
        Assert.All(items, l =>
        {
            Assert.StartsWith("ZL", l.GetProperty("number").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(l.GetProperty("status").GetString()));
            Assert.False(string.IsNullOrEmpty(l.GetProperty("stage").GetString()));
        });
    }

    [Fact]
    public async Task Lease_ById_HasSeatCodesAndVersions()
    {
        var (own, _, _) = await IdsAsync();
        var client = await _app.Factory.SignedInAsync(Roles.TenantUser, 0);
        var lease = await client.GetFromJsonAsync<JsonElement>($"/api/v1/leases/{own}", Ct);
        Assert.True(lease.GetProperty("seats").GetArrayLength() > 100);
        Assert.Matches("^[AB]-[234]F-Z[1-4]-[0-9]{3}$", lease.GetProperty("seats")[0].GetProperty("code").GetString()!);
        Assert.True(lease.GetProperty("versions").GetArrayLength() >= 2);
    }

    [Fact]
    public async Task Lease_OtherTenantsOrMissingIds_AreNotFoundOnApiAndPage()
    {
        var (own, others, otherTenant) = await IdsAsync();
        var client = await _app.Factory.SignedInAsync(Roles.TenantUser, 0);
        foreach (var id in new[] { others, others + 1, others - 1, 0, -1, 999_999_999, long.MaxValue }.Where(i => i != own))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/leases/{id}", Ct)).StatusCode);
        }

        var page = await client.GetStringAsync($"/leases/{others}", Ct);
        Assert.Contains("data-testid=\"not-found\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"lease-number\"", page, StringComparison.Ordinal);
        var missing = await client.GetStringAsync("/leases/999999999", Ct);
        Assert.Contains("data-testid=\"not-found\"", missing, StringComparison.Ordinal);
        var tenantPage = await client.GetStringAsync($"/tenants/{otherTenant}", Ct);
        Assert.Contains("data-testid=\"not-found\"", tenantPage, StringComparison.Ordinal);
        var ownPage = await client.GetStringAsync($"/leases/{own}", Ct);
        Assert.Contains("data-testid=\"lease-number\"", ownPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"lease-contract\"", ownPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeaseRequest_BodyTenantAndStatusAreIgnored_ScopeDecides()
    {
        var (own, others, otherTenant) = await IdsAsync();
        var client = await _app.Factory.SignedInAsync(Roles.TenantUser, 0);
        var created = await client.PostAsJsonAsync("/api/v1/lease-requests", new
        {
            leaseId = own, kind = "add_seats", seatCount = 5, effectiveDate = "2027-03-01", reason = "more agents", tenantId = otherTenant, status = "accepted",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
        await using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_app.Factory.DatabasePath}");
        var row = await c.QuerySingleAsync<(long TenantId, string Status)>("SELECT tenant_id, status FROM lease_requests WHERE id = @Id", new { Id = id });
        Assert.NotEqual(otherTenant, row.TenantId);
        Assert.Equal("pending", row.Status);

        var foreign = await client.PostAsJsonAsync("/api/v1/lease-requests", new { leaseId = others, kind = "renewal", effectiveDate = "2030-01-01", reason = "x" }, Ct);
        Assert.True(foreign.StatusCode == HttpStatusCode.NotFound, await foreign.Content.ReadAsStringAsync(Ct));
        var bad = await client.PostAsJsonAsync("/api/v1/lease-requests", new { leaseId = own, kind = "add_seats", seatCount = 5, effectiveDate = "2027-03-01", reason = "" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Pages_RenderForAdminWithoutErrors()
    {
        var client = await _app.Factory.SignedInAsync(Roles.ParkAdmin);
        foreach (var url in new[] { "/", "/tenants", "/leases", "/lease-requests", "/leases/new", "/leases/1", "/tenants/1" })
        {
            var response = await client.GetAsync(url, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        }

        var fromMap = await client.GetStringAsync("/leases/new?park=1&seats=5,6,7,oops", Ct);
        Assert.Contains("data-testid=\"map-seats\"", fromMap, StringComparison.Ordinal);
        var home = await client.GetStringAsync("/", Ct);
        Assert.Contains("data-testid=\"renewal-reminder\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListPages_Prerendered_CarryTheFirstPageOfRows_ScopedToTheCaller()
    {
        await _app.Factory.AccountsAsync();
        await using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_app.Factory.DatabasePath}");
        var firstNumbers = (await c.QueryAsync<string>("SELECT number FROM leases ORDER BY number DESC LIMIT 25")).ToArray();
        var ownNumbers = (await c.QueryAsync<string>("SELECT l.number FROM leases l JOIN tenants t ON t.id = l.tenant_id WHERE t.uscc = @U",
            new { U = DemoSeed.TenantUscc(0) })).ToArray();
        var otherNumbers = (await c.QueryAsync<string>("SELECT l.number FROM leases l JOIN tenants t ON t.id = l.tenant_id WHERE t.uscc <> @U",
            new { U = DemoSeed.TenantUscc(0) })).ToArray();
        var firstTenant = await c.ExecuteScalarAsync<string>("SELECT uscc FROM tenants ORDER BY name_zh LIMIT 1");

        var admin = await _app.Factory.SignedInAsync(Roles.ParkAdmin);
        var leases = await admin.GetStringAsync("/leases", Ct);
        Assert.All(firstNumbers, n => Assert.Contains($">{n}</a>", leases, StringComparison.Ordinal));
        Assert.Contains(firstTenant!, await admin.GetStringAsync("/tenants", Ct), StringComparison.Ordinal);

        var tenant = await _app.Factory.SignedInAsync(Roles.TenantUser);
        var own = await tenant.GetStringAsync("/leases", Ct);
        Assert.NotEmpty(ownNumbers);
        Assert.All(ownNumbers.Order(StringComparer.Ordinal).Reverse().Take(25), n => Assert.Contains($">{n}</a>", own, StringComparison.Ordinal));
        Assert.All(otherNumbers, n => Assert.DoesNotContain($">{n}</a>", own, StringComparison.Ordinal));
    }
}
