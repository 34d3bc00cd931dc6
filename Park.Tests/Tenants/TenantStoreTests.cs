using Park.Domain.Data;
using Park.Domain.Inventory;
using Park.Domain.Tenants;

namespace Park.Tests.Tenants;

public sealed class TenantStoreTests
{
    [Fact]
    public async Task List_AsParkAdmin_ReturnsDemoTenantsWithLeaseCounts()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var page = await db.Get<TenantStore>().ListAsync(admin, new TenantQuery(), new PageRequest(1, 5), TestContext.Current.CancellationToken);
        Assert.Equal(8, page.Total);
        Assert.Equal(5, page.Items.Count);
        var parks = await db.Get<ParkStore>().ListAsync(admin, null, new PageRequest(), TestContext.Current.CancellationToken);
        Assert.Single(parks.Items);
    }
}
