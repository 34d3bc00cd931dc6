using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;

namespace Park.Tests.Access;

public sealed class AuditTrailTests
{
    [Fact]
    public async Task List_ParkAdminSeesItsParksEvents_TenantAndReviewerSeeNothing()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var trail = db.Audit;
        await trail.RecordAsync(AuditActor.Cli, new AuditEntry("lease.sign", "lease", "HZ-001", ParkId: 1));
        await trail.RecordAsync(AuditActor.Cli, new AuditEntry("lease.sign", "lease", "SZ-001", ParkId: 999));
        await trail.RecordAsync(AuditActor.Cli, new AuditEntry("lease.sign", "lease", "NO-PARK"));

        var admin = await trail.ListAsync(await db.ScopeOfAsync("parkadmin@park.demo"), new AuditFilter(Action: "lease."), new PageRequest());
        var platform = await trail.ListAsync(AccessScope.System, new AuditFilter(Action: "lease."), new PageRequest());
        var tenant = await trail.ListAsync(await db.ScopeOfAsync("ops@hengxintong.demo"), new AuditFilter(), new PageRequest());
        var reviewer = await trail.ListAsync(await db.ScopeOfAsync("reviewer@gov.demo"), new AuditFilter(), new PageRequest());

        Assert.Equal(["HZ-001"], admin.Items.Select(e => e.TargetId));
        Assert.Equal(3, platform.Total);
        Assert.Contains("NO-PARK", platform.Items.Select(e => e.TargetId));
        Assert.Equal(0, tenant.Total);
        Assert.Equal(0, reviewer.Total);
    }

    [Fact]
    public async Task List_FiltersAndPagesInSql_NewestFirst()
    {
        await using var db = TestDatabase.Create();
        var clock = (TestClock)db.Get<TimeProvider>();
        for (var i = 0; i < 30; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await db.Audit.RecordAsync(new AuditActor(null, i % 2 == 0 ? "even@x.cn" : "odd@x.cn", "ParkAdmin"),
                new AuditEntry("thing.do", "thing", i.ToString(System.Globalization.CultureInfo.InvariantCulture), i % 3 == 0 ? AuditOutcome.Failure : AuditOutcome.Success));
        }

        var page2 = await db.Audit.ListAsync(AccessScope.System, new AuditFilter(Actor: "even"), new PageRequest(2, 10));
        var failures = await db.Audit.ListAsync(AccessScope.System, new AuditFilter(Outcome: AuditOutcome.Failure), new PageRequest(1, 50));
        var wildcard = await db.Audit.ListAsync(AccessScope.System, new AuditFilter(Actor: "%"), new PageRequest());

        Assert.Equal(15, page2.Total);
        Assert.Equal(["8", "6", "4", "2", "0"], page2.Items.Select(e => e.TargetId));
        Assert.Equal(10, failures.Total);
        Assert.Equal(0, wildcard.Total); // LIKE wildcards in the filter are literal
    }
}
