using Dapper;
using Park.Domain.Access;
using Park.Domain.Seeding;
using Park.Tests.Inventory;

namespace Park.Tests.Leasing;

/// <summary>A tenant user asking for another park's seat map or another tenant's lease page gets the not-found those pages show.</summary>
public sealed class TenantPageIsolationTests(InventoryAppFixture fixture) : IClassFixture<InventoryAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TenantUser_OtherParksMapAndOtherTenantsLease_ShowNotFound()
    {
        var client = await fixture.App.SignedInAsync(Roles.TenantUser, 0);
        long own, others;
        await using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={fixture.App.DatabasePath}"))
        {
            const string sql = "SELECT l.id FROM leases l JOIN tenants t ON t.id = l.tenant_id WHERE t.uscc = @U AND l.status = 'signed' ORDER BY l.id LIMIT 1";
            own = await c.ExecuteScalarAsync<long>(sql, new { U = DemoSeed.TenantUscc(0) });
            others = await c.ExecuteScalarAsync<long>(sql, new { U = DemoSeed.TenantUscc(1) });
        }

        Assert.Contains("park-not-found", await client.GetStringAsync($"/parks/{fixture.OtherParkId}/map", Ct), StringComparison.Ordinal);
        var foreignLease = await client.GetStringAsync($"/leases/{others}", Ct);
        Assert.Contains("data-testid=\"not-found\"", foreignLease, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"lease-number\"", foreignLease, StringComparison.Ordinal);

        // The same user does see its own park's map and its own lease: the not-found above is the scope, not a broken page.
        Assert.DoesNotContain("park-not-found", await client.GetStringAsync($"/parks/{fixture.DemoParkId}/map", Ct), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"lease-number\"", await client.GetStringAsync($"/leases/{own}", Ct), StringComparison.Ordinal);
    }
}
