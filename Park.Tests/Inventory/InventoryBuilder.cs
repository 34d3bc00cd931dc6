using Dapper;
using Park.Domain.Access;
using Park.Domain.Audit;

namespace Park.Tests.Inventory;

/// <summary>
/// Test data for inventory tests: looks up demo rows and writes leases and seat holds directly
/// (the leasing feature owns the real lease workflow).
/// </summary>
internal sealed class InventoryBuilder(TestDatabase db)
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static AuditActor Actor { get; } = new(null, "test", "Test");

    public async Task<long> ParkIdAsync(string code = "HZ-SV")
    {
        await using var c = await db.Db.OpenAsync(Ct);
        return await c.ExecuteScalarAsync<long>("SELECT id FROM parks WHERE code = @Code", new { Code = code });
    }

    public async Task<long> TenantIdAsync(int index)
    {
        await using var c = await db.Db.OpenAsync(Ct);
        return (await c.QueryAsync<long>("SELECT id FROM tenants ORDER BY id")).ElementAt(index);
    }

    public async Task<long> SeatIdAsync(string code)
    {
        await using var c = await db.Db.OpenAsync(Ct);
        return await c.ExecuteScalarAsync<long>("SELECT id FROM seats WHERE code = @Code", new { Code = code });
    }

    public async Task<long> BuildingIdAsync(string code)
    {
        await using var c = await db.Db.OpenAsync(Ct);
        return await c.ExecuteScalarAsync<long>("SELECT id FROM buildings WHERE code = @Code", new { Code = code });
    }

    public async Task<long> FloorIdAsync(string building, int level)
    {
        await using var c = await db.Db.OpenAsync(Ct);
        return await c.ExecuteScalarAsync<long>(
            "SELECT f.id FROM floors f JOIN buildings b ON b.id = f.building_id WHERE b.code = @Building AND f.level = @Level",
            new { Building = building, Level = level });
    }

    public async Task<long> ZoneIdAsync(string building, int level, string zone)
    {
        await using var c = await db.Db.OpenAsync(Ct);
        return await c.ExecuteScalarAsync<long>("""
            SELECT z.id FROM zones z JOIN floors f ON f.id = z.floor_id JOIN buildings b ON b.id = f.building_id
            WHERE b.code = @Building AND f.level = @Level AND z.code = @Zone
            """, new { Building = building, Level = level, Zone = zone });
    }

    public Task<AccessScope> AdminAsync() => db.ScopeOfAsync("parkadmin@park.demo");

    /// <summary>A lease with one version holding (kind 'held') or reserving (kind 'reserved') seats over [start, end).</summary>
    public async Task<long> LeaseAsync(int tenantIndex, string number, DateOnly start, DateOnly end, string kind, params string[] seatCodes)
    {
        var parkId = await ParkIdAsync();
        var tenantId = await TenantIdAsync(tenantIndex);
        await using var c = await db.Db.OpenAsync(Ct);
        var status = kind == "held" ? "signed" : "draft";
        var leaseId = await c.ExecuteScalarAsync<long>("""
            INSERT INTO leases (park_id, tenant_id, number, status, start_date, end_date, created_at, updated_at)
            VALUES (@ParkId, @TenantId, @Number, @Status, @Start, @End, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z') RETURNING id
            """, new { ParkId = parkId, TenantId = tenantId, Number = number, Status = status, Start = start, End = end });
        var versionId = await c.ExecuteScalarAsync<long>("""
            INSERT INTO lease_versions (lease_id, version_no, kind, status, effective_from, start_date, end_date, monthly_price_fen, created_at)
            VALUES (@LeaseId, 1, 'original', @Status, @Start, @Start, @End, 50000, '2026-01-01T00:00:00.000Z') RETURNING id
            """, new { LeaseId = leaseId, Status = status, Start = start, End = end });
        foreach (var code in seatCodes)
        {
            await c.ExecuteAsync("""
                INSERT INTO seat_holds (seat_id, park_id, tenant_id, lease_id, lease_version_id, kind, start_date, end_date)
                SELECT s.id, s.park_id, @TenantId, @LeaseId, @VersionId, @Kind, @Start, @End FROM seats s WHERE s.code = @Code
                """, new { TenantId = tenantId, LeaseId = leaseId, VersionId = versionId, Kind = kind, Start = start, End = end, Code = code });
        }

        return leaseId;
    }

    public async Task<int> CountAsync(string sql, object? parameters = null)
    {
        await using var c = await db.Db.OpenAsync(Ct);
        return await c.ExecuteScalarAsync<int>(sql, parameters);
    }
}
