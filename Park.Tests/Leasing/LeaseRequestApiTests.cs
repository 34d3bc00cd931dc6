using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Park.Domain.Access;
using Park.Domain.Seeding;

namespace Park.Tests.Leasing;

/// <summary>GET /api/v1/lease-requests and /api/v1/lease-requests/{id}: paged, scoped, another tenant's id reads as missing.</summary>
public sealed class LeaseRequestApiTests : IClassFixture<LeaseRequestApiTests.App>
{
    private readonly App _app;

    public LeaseRequestApiTests(App app) => _app = app;

    public sealed class App : IDisposable
    {
        public ParkAppFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A signed lease of demo tenant <paramref name="tenant"/> that its user can request on.</summary>
    private async Task<long> LeaseOfAsync(int tenant)
    {
        await _app.Factory.AccountsAsync();
        await using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_app.Factory.DatabasePath}");
        return await c.ExecuteScalarAsync<long>("""
            SELECT l.id FROM leases l JOIN tenants t ON t.id = l.tenant_id
            WHERE t.uscc = @U AND l.status = 'signed' AND l.stage <> 'ended' ORDER BY l.id LIMIT 1
            """, new { U = DemoSeed.TenantUscc(tenant) });
    }

    private static async Task<long> RequestAsync(HttpClient client, long leaseId, string reason)
    {
        var created = await client.PostAsJsonAsync("/api/v1/lease-requests",
            new { leaseId, kind = "renewal", effectiveDate = "2035-01-01", reason }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/lease-requests/{id}", created.Headers.Location?.OriginalString);
        return id;
    }

    [Fact]
    public async Task Requests_AsTenantUser_ListsOnlyItsOwnPagedWithTotal()
    {
        var mine = await _app.Factory.SignedInAsync(Roles.TenantUser, 0);
        var theirs = await _app.Factory.SignedInAsync(Roles.TenantUser, 1);
        var own = await RequestAsync(mine, await LeaseOfAsync(0), "list own");
        var foreign = await RequestAsync(theirs, await LeaseOfAsync(1), "list foreign");

        var body = await mine.GetFromJsonAsync<JsonElement>("/api/v1/lease-requests?pageSize=200", Ct);
        var items = body.GetProperty("items").EnumerateArray().ToArray();

        Assert.Contains(items, r => r.GetProperty("id").GetInt64() == own);
        Assert.DoesNotContain(items, r => r.GetProperty("id").GetInt64() == foreign);
        Assert.Equal(items.Length, body.GetProperty("total").GetInt32());
        Assert.All(items, r => Assert.Equal(items[0].GetProperty("tenantId").GetInt64(), r.GetProperty("tenantId").GetInt64()));
        var paged = await mine.GetFromJsonAsync<JsonElement>("/api/v1/lease-requests?pageSize=1", Ct);
        Assert.Single(paged.GetProperty("items").EnumerateArray());
        Assert.Equal(items.Length, paged.GetProperty("total").GetInt32());
        var admin = await _app.Factory.SignedInAsync(Roles.ParkAdmin);
        var all = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/lease-requests?pageSize=200", Ct)).GetProperty("items").EnumerateArray().ToArray();
        Assert.Contains(all, r => r.GetProperty("id").GetInt64() == foreign);
        Assert.Contains(all, r => r.GetProperty("id").GetInt64() == own);
    }

    [Fact]
    public async Task Request_ById_OwnIsFound_OtherTenantsAndMissingIdsAreTheSameNotFound()
    {
        var mine = await _app.Factory.SignedInAsync(Roles.TenantUser, 0);
        var theirs = await _app.Factory.SignedInAsync(Roles.TenantUser, 1);
        var own = await RequestAsync(mine, await LeaseOfAsync(0), "by id own");
        var foreign = await RequestAsync(theirs, await LeaseOfAsync(1), "by id foreign");
        var next = await RequestAsync(theirs, await LeaseOfAsync(1), "by id foreign next");

        var found = await mine.GetFromJsonAsync<JsonElement>($"/api/v1/lease-requests/{own}", Ct);
        Assert.Equal(("by id own", "pending", "renewal"),
            (found.GetProperty("reason").GetString(), found.GetProperty("status").GetString(), found.GetProperty("kind").GetString()));

        var missing = await mine.GetAsync("/api/v1/lease-requests/999999999", Ct);
        var missingBody = await missing.Content.ReadAsStringAsync(Ct);
        foreach (var id in new[] { foreign, foreign + 1, foreign - 1, next, 0, -1, 999_999_999, long.MaxValue }.Where(i => i != own))
        {
            var response = await mine.GetAsync($"/api/v1/lease-requests/{id}", Ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(missingBody, await response.Content.ReadAsStringAsync(Ct));
        }

        Assert.Equal(HttpStatusCode.OK, (await theirs.GetAsync($"/api/v1/lease-requests/{foreign}", Ct)).StatusCode);
    }
}
