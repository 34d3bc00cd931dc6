using Dapper;
using Park.Domain.Audit;
using Park.Domain.Data;
using Park.Domain.Leasing;
using Park.Domain.Staffing;

namespace Park.Tests.Staffing;

/// <summary>A scenario's seat shortfall becomes an add-seats request in Leasing's own request flow.</summary>
public sealed class ScenarioSeatRequestTests
{
    private static readonly AuditActor Actor = new(null, "test", "TenantUser");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<long> ScenarioAsync(TestDatabase db, Park.Domain.Access.AccessScope tenant, string name, decimal growth)
    {
        var line = (await db.Get<ServiceLineStore>().ListAsync(tenant, new PageRequest(), Ct)).Items.Single(l => l.Name == Park.Domain.Seeding.StaffingDemo.LineName);
        var created = await db.Get<ScenarioStore>().CreateAsync(tenant, new NewScenario(line.Id, name, ForecastMethod.SeasonalNaive, 4, growth, null, false), Ct);
        Assert.True(created.Succeeded, created.Problem?.ToString());
        return created.Value;
    }

    [Fact]
    public async Task Raise_FromScenarioBeyondTheLease_CreatesPendingAddSeatsRequestWithTheForecastInItsReason()
    {
        await using var db = await TestDatabase.WithDemoAsync(leases: true);
        var tenant = await db.ScopeOfAsync("ops@hengxintong.demo");
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var scenarioId = await ScenarioAsync(db, tenant, "旺季 +1000%", 1000m);
        var service = db.Get<ScenarioSeatRequests>();
        var shortfall = await service.ShortfallAsync(tenant, scenarioId, Ct);
        Assert.NotNull(shortfall);
        Assert.True(shortfall.Needed > shortfall.Leased);
        Assert.True(shortfall.From <= shortfall.Date);

        var raised = await service.RaiseAsync(tenant, Actor, scenarioId, Ct);
        Assert.True(raised.Succeeded, raised.Problem?.ToString());

        var request = (await db.Get<LeaseStore>().RequestAsync(tenant, raised.Value, Ct))!;
        Assert.Equal(("add_seats", "pending", shortfall.Missing, shortfall.From), (request.Kind, request.Status, request.SeatCount, request.EffectiveDate));
        Assert.Contains("旺季 +1000%", request.Reason, StringComparison.Ordinal);
        Assert.Contains($"needed 所需座席 {shortfall.Needed} vs leased 已租 {shortfall.Leased}", request.Reason, StringComparison.Ordinal);
        Assert.Contains(shortfall.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), request.Reason, StringComparison.Ordinal);

        // The request belongs to the scenario's tenant and waits in the park's queue.
        Assert.Equal(tenant.TenantId, request.TenantId);
        var queue = await db.Get<LeaseStore>().RequestsAsync(admin, "pending", new PageRequest(1, 200), ct: Ct);
        Assert.Contains(queue.Items, r => r.Id == raised.Value);
    }

    [Fact]
    public async Task Raise_WithAnotherTenantsScenarioId_IsNotFoundAndCreatesNothing()
    {
        await using var db = await TestDatabase.WithDemoAsync(leases: true);
        var owner = await db.ScopeOfAsync("ops@hengxintong.demo");
        var other = await db.ScopeOfAsync("ops@yunsheng.demo");
        var scenarioId = await ScenarioAsync(db, owner, "旺季 +1000%", 1000m);
        var service = db.Get<ScenarioSeatRequests>();
        await using var connection = await db.Get<ParkDatabase>().OpenAsync(Ct);
        var before = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM lease_requests");

        foreach (var id in new[] { scenarioId, scenarioId + 1, 0, -1, long.MaxValue })
        {
            var result = await service.RaiseAsync(other, Actor, id, Ct);
            Assert.Equal(ErrorKind.NotFound, result.Problem!.Kind);
            Assert.Null(await service.ShortfallAsync(other, id, Ct));
        }

        Assert.Equal(before, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM lease_requests"));
    }

    [Fact]
    public async Task Raise_WhenLeasedSeatsCoverTheScenario_IsConflictAndNoButtonShortfall()
    {
        await using var db = await TestDatabase.WithDemoAsync(leases: true);
        var tenant = await db.ScopeOfAsync("ops@hengxintong.demo");
        var scenarioId = await ScenarioAsync(db, tenant, "淡季 -90%", -90m);
        var service = db.Get<ScenarioSeatRequests>();
        Assert.Null(await service.ShortfallAsync(tenant, scenarioId, Ct));
        var result = await service.RaiseAsync(tenant, Actor, scenarioId, Ct);
        Assert.Equal((ErrorKind.Conflict, "Staffing.NoSeatShortfall"), (result.Problem!.Kind, result.Problem.Code));
    }
}
