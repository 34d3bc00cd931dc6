using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;
using Park.Domain.Leasing;
using Park.Domain.Seeding;

namespace Park.Tests.Contracts;

/// <summary>
/// Leases made the way users make them, through the real <see cref="LeaseService"/> (draft, approve,
/// sign, amend, cancel), in the demo park, for any service provider (a test database or the app).
/// </summary>
public sealed class ContractLeaseFlows(IServiceProvider services)
{
    private static readonly AuditActor Actor = new(null, "test", "ParkAdmin");

    public static readonly DateOnly Start = new(2027, 1, 1);
    public static readonly DateOnly End = new(2028, 1, 1);

    private ParkDatabase Db => services.GetRequiredService<ParkDatabase>();

    private LeaseService Leases => services.GetRequiredService<LeaseService>();

    /// <summary>A draft lease of tenant <paramref name="tenant"/> on <paramref name="seats"/> free B-4F seats at ¥800 (signed when asked).</summary>
    public async Task<(long LeaseId, long[] SpareSeats)> LeaseAsync(int tenant, int seats, bool sign, int spare = 0)
    {
        long parkId, tenantId;
        long[] free;
        await using (var c = await Db.OpenAsync())
        {
            parkId = await c.ExecuteScalarAsync<long>("SELECT id FROM parks WHERE code = @Code", new { Code = DemoSeed.ParkCode });
            tenantId = await c.ExecuteScalarAsync<long>("SELECT id FROM tenants WHERE uscc = @Uscc", new { Uscc = DemoSeed.TenantUscc(tenant) });
            free = (await c.QueryAsync<long>("""
                SELECT s.id FROM seats s WHERE s.park_id = @ParkId AND s.service_status = 'in_service' AND s.code LIKE 'B-4F%'
                  AND NOT EXISTS (SELECT 1 FROM seat_holds h WHERE h.seat_id = s.id AND h.start_date < @To AND @From < h.end_date)
                ORDER BY s.code LIMIT @Count
                """, new { ParkId = parkId, From = Start, To = End, Count = seats + spare })).ToArray();
        }

        var created = await Leases.CreateDraftAsync(AccessScope.System, Actor, new NewLease(parkId, tenantId, free[..seats], Start, End, 80_000));
        Assert.True(created.Succeeded, created.Problem?.ToString());
        if (sign)
        {
            await ApproveAndSignAsync(created.Value);
        }

        return (created.Value, free[seats..]);
    }

    /// <summary>Drafts an amendment adding <paramref name="seat"/> from <paramref name="effective"/>.</summary>
    public async Task AmendAsync(long leaseId, long seat, DateOnly effective)
    {
        var amended = await Leases.AmendAsync(AccessScope.System, Actor, leaseId, await RowVersionAsync(leaseId),
            new Amendment(AmendmentKind.AddSeats, effective, [seat], Reason: "growth"));
        Assert.True(amended.Succeeded, amended.Problem?.ToString());
    }

    public async Task ApproveAndSignAsync(long leaseId)
    {
        Assert.True((await Leases.ApproveAsync(AccessScope.System, Actor, leaseId, await RowVersionAsync(leaseId))).Succeeded);
        var signed = await Leases.SignAsync(AccessScope.System, Actor, leaseId, await RowVersionAsync(leaseId));
        Assert.True(signed.Succeeded, signed.Problem?.ToString());
    }

    public async Task CancelPendingAsync(long leaseId) =>
        Assert.True((await Leases.CancelAsync(AccessScope.System, Actor, leaseId, await RowVersionAsync(leaseId), "not needed")).Succeeded);

    private async Task<long> RowVersionAsync(long leaseId)
    {
        await using var c = await Db.OpenAsync();
        return await c.ExecuteScalarAsync<long>("SELECT row_version FROM leases WHERE id = @Id", new { Id = leaseId });
    }
}
