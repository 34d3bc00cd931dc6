using Dapper;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;
using Park.Domain.Leasing;
using Park.Domain.Seeding;

namespace Park.Tests.Leasing;

/// <summary>Looks up demo rows and drafts leases for tests.</summary>
internal static class LeasingTestData
{
    public static readonly AuditActor Actor = new(null, "test", "ParkAdmin");

    public static async Task<long> ParkIdAsync(TestDatabase db)
    {
        await using var c = await db.Db.OpenAsync();
        return await c.ExecuteScalarAsync<long>("SELECT id FROM parks WHERE code = @Code", new { Code = DemoSeed.ParkCode });
    }

    public static async Task<long> TenantIdAsync(TestDatabase db, int index)
    {
        await using var c = await db.Db.OpenAsync();
        return await c.ExecuteScalarAsync<long>("SELECT id FROM tenants WHERE uscc = @Uscc", new { Uscc = DemoSeed.TenantUscc(index) });
    }

    /// <summary>In-service seats nobody holds over the given days, in code order.</summary>
    public static async Task<long[]> FreeSeatsAsync(TestDatabase db, int count, DateOnly from, DateOnly to, string prefix = "B-4F")
    {
        await using var c = await db.Db.OpenAsync();
        return (await c.QueryAsync<long>("""
            SELECT s.id FROM seats s WHERE s.service_status = 'in_service' AND s.code LIKE @Prefix
              AND NOT EXISTS (SELECT 1 FROM seat_holds h WHERE h.seat_id = s.id AND h.start_date < @To AND @From < h.end_date)
            ORDER BY s.code LIMIT @Count
            """, new { Prefix = prefix + "%", From = from, To = to, Count = count })).ToArray();
    }

    public static async Task<string> SeatCodeAsync(TestDatabase db, long seatId)
    {
        await using var c = await db.Db.OpenAsync();
        return await c.ExecuteScalarAsync<string>("SELECT code FROM seats WHERE id = @Id", new { Id = seatId }) ?? "";
    }

    public static async Task<long> RowVersionAsync(TestDatabase db, long leaseId)
    {
        await using var c = await db.Db.OpenAsync();
        return await c.ExecuteScalarAsync<long>("SELECT row_version FROM leases WHERE id = @Id", new { Id = leaseId });
    }

    public static async Task<long> DraftAsync(TestDatabase db, AccessScope admin, int tenant, long[] seats, DateOnly start, DateOnly end, long price = 80_000)
    {
        var result = await db.Get<LeaseService>().CreateDraftAsync(admin, Actor,
            new NewLease(await ParkIdAsync(db), await TenantIdAsync(db, tenant), seats, start, end, price));
        Assert.True(result.Succeeded, result.Problem?.ToString());
        return result.Value;
    }

    public static async Task<long> SignedAsync(TestDatabase db, AccessScope admin, int tenant, long[] seats, DateOnly start, DateOnly end, long price = 80_000)
    {
        var id = await DraftAsync(db, admin, tenant, seats, start, end, price);
        var service = db.Get<LeaseService>();
        Assert.True((await service.ApproveAsync(admin, Actor, id, await RowVersionAsync(db, id))).Succeeded);
        var signed = await service.SignAsync(admin, Actor, id, await RowVersionAsync(db, id));
        Assert.True(signed.Succeeded, signed.Problem?.ToString());
        return id;
    }
}
