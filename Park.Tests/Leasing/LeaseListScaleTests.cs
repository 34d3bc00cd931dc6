using Dapper;
using Park.Domain.Access;
using Park.Domain.Data;
using Park.Domain.Leasing;
using Park.Domain.Tenants;

namespace Park.Tests.Leasing;

/// <summary>
/// The lists at the scale (15,000 leases, 5,000 tenants): every filter, sort and deep page answers what a
/// plain scan of the same rows answers. Their time is Park.Bench's to measure (docs/performance.md), not a test's.
/// </summary>
public sealed class LeaseListScaleTests
{
    [Fact]
    public async Task Lists_At15000LeasesAnd5000Tenants_PageFilterAndSortLikeAScan()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        await using (var c = await db.Db.OpenAsync(TestContext.Current.CancellationToken))
        {
            await using var tx = c.BeginTransaction();
            await c.ExecuteAsync("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
                INSERT INTO tenants (park_id, uscc, name_zh, name_en, business_type, status, created_at)
                SELECT 1, printf('91330105%09dX', i), '规模测试企业' || i, 'Scale Tenant ' || i, 'outsourcing', 'active', '2026-01-01T00:00:00.000Z' FROM n
                """, transaction: tx);
            await c.ExecuteAsync("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 15000)
                INSERT INTO leases (park_id, tenant_id, number, status, stage, start_date, end_date, created_at, updated_at)
                SELECT 1, (SELECT min(id) FROM tenants WHERE name_en LIKE 'Scale%') + (i % 5000), printf('SC%06d', i),
                       CASE i % 4 WHEN 0 THEN 'draft' WHEN 1 THEN 'approved' ELSE 'signed' END,
                       CASE i % 5 WHEN 0 THEN 'upcoming' WHEN 1 THEN 'active' WHEN 2 THEN 'up_for_renewal' WHEN 3 THEN 'notice_served' ELSE 'ended' END,
                       date('2024-01-01', '+' || (i % 700) || ' days'), date('2027-01-01', '+' || (i % 700) || ' days'),
                       '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' FROM n
                """, transaction: tx);
            await c.ExecuteAsync("""
                INSERT INTO lease_versions (lease_id, version_no, kind, status, effective_from, start_date, end_date, monthly_price_fen, created_at)
                SELECT id, 1, 'original', status, start_date, start_date, end_date, 80000, created_at FROM leases WHERE number LIKE 'SC%'
                """, transaction: tx);
            await c.ExecuteAsync("""
                INSERT INTO lease_version_seats (lease_version_id, seat_id)
                SELECT v.id, s.id FROM lease_versions v JOIN seats s ON s.id BETWEEN 1 + (v.id % 1100) AND 20 + (v.id % 1100)
                JOIN leases l ON l.id = v.lease_id WHERE l.number LIKE 'SC%'
                """, transaction: tx);
            await tx.CommitAsync(TestContext.Current.CancellationToken);
        }

        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var leases = db.Get<LeaseStore>();
        var tenants = db.Get<TenantStore>();
        var ct = TestContext.Current.CancellationToken;
        await using var c2 = await db.Db.OpenAsync(ct);
        var all = (await c2.QueryAsync<(string Number, string TenantZh, string Status, string Stage, string End)>("""
            SELECT l.number, t.name_zh, l.status, l.stage, l.end_date FROM leases l JOIN tenants t ON t.id = l.tenant_id
            """)).ToArray();

        var byNumber = await leases.ListAsync(admin, new LeaseQuery(), new PageRequest(1, 25), ct);
        Assert.Equal(all.Length, byNumber.Total);
        Assert.Equal(all.Select(l => l.Number).Order(StringComparer.Ordinal).Take(25), byNumber.Items.Select(l => l.Number).Order(StringComparer.Ordinal));

        var deep = await leases.ListAsync(admin, new LeaseQuery(Sort: "tenant", Descending: true), new PageRequest(300, 25), ct);
        Assert.Equal(all.Length, deep.Total);
        Assert.Equal(25, deep.Items.Count);
        Assert.True(deep.Items.Zip(deep.Items.Skip(1)).All(p => string.CompareOrdinal(p.First.TenantNameZh, p.Second.TenantNameZh) >= 0));

        var filtered = await leases.ListAsync(admin, new LeaseQuery("规模测试企业12", "signed", "up_for_renewal"), new PageRequest(1, 25), ct);
        Assert.Equal(all.Count(l => l.TenantZh.Contains("规模测试企业12", StringComparison.Ordinal) && l.Status == "signed" && l.Stage == "up_for_renewal"), filtered.Total);
        Assert.All(filtered.Items, l => Assert.Equal(("signed", "up_for_renewal"), (l.Status, l.Stage)));

        var tenantPage = await tenants.ListAsync(admin, new TenantQuery("Scale Tenant 4", "active", Sort: "uscc"), new PageRequest(2, 25), ct);
        var scaleFours = await c2.ExecuteScalarAsync<int>("SELECT count(*) FROM tenants WHERE name_en LIKE '%Scale Tenant 4%' AND status = 'active'");
        Assert.Equal(scaleFours, tenantPage.Total);
        Assert.Equal(25, tenantPage.Items.Count);
        Assert.True(tenantPage.Items.Zip(tenantPage.Items.Skip(1)).All(p => string.CompareOrdinal(p.First.Uscc, p.Second.Uscc) < 0));

        Assert.True((await leases.ListAsync(admin, new LeaseQuery(), new PageRequest(1, 25))).Total >= 15_000);
    }
}
