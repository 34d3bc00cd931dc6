using System.Diagnostics;
using Dapper;
using Park.Domain.Access;
using Park.Domain.Data;
using Park.Domain.Leasing;
using Park.Domain.Tenants;

namespace Park.Tests.Leasing;

/// <summary>The scale target: at 15,000 leases and 5,000 tenants the list queries answer in ≤ 100 ms (median).</summary>
public sealed class LeaseListScaleTests
{
    private readonly ITestOutputHelper _output;

    public LeaseListScaleTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Lists_At15000LeasesAnd5000Tenants_AnswerWithin100msMedian()
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
        var cases = new (string Name, Func<Task<int>> Run)[]
        {
            ("leases page 1 by number", async () => (await leases.ListAsync(admin, new LeaseQuery(), new PageRequest(1, 25))).Total),
            ("leases page 300 by tenant desc", async () => (await leases.ListAsync(admin, new LeaseQuery(Sort: "tenant", Descending: true), new PageRequest(300, 25))).Total),
            ("leases signed+up_for_renewal search", async () => (await leases.ListAsync(admin, new LeaseQuery("规模测试企业12", "signed", "up_for_renewal"), new PageRequest(1, 25))).Total),
            ("leases by end", async () => (await leases.ListAsync(admin, new LeaseQuery(Sort: "end"), new PageRequest(10, 50))).Total),
            ("tenants page 1 by name", async () => (await tenants.ListAsync(admin, new TenantQuery(), new PageRequest(1, 25))).Total),
            ("tenants search + status", async () => (await tenants.ListAsync(admin, new TenantQuery("Scale Tenant 4", "active", Sort: "uscc"), new PageRequest(2, 25))).Total),
        };
        foreach (var (name, run) in cases)
        {
            await run();
            var times = new List<double>();
            for (var i = 0; i < 9; i++)
            {
                var watch = Stopwatch.StartNew();
                await run();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            var median = times.Order().ElementAt(times.Count / 2);
            _output.WriteLine($"{name}: median {median:F1} ms");
            Assert.True(median <= 100, $"{name}: median {median:F1} ms");
        }

        Assert.True((await leases.ListAsync(admin, new LeaseQuery(), new PageRequest(1, 25))).Total >= 15_000);
    }
}
