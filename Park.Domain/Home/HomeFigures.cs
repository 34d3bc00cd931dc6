using Dapper;
using Park.Domain.Access;
using Park.Domain.Data;

namespace Park.Domain.Home;

/// <summary>The figures on a home page, counted in the database within the user's scope.</summary>
public sealed record HomeFigures(int Parks, int Buildings, int Floors, int Seats, int SeatsInService, int SeatsOutOfService, int Tenants, int Users);

public sealed record TenantHome(long TenantId, string NameZh, string NameEn, string Uscc, string Status, string ParkCode, string ParkNameZh, string ParkNameEn);

public sealed class HomeQueries(ParkDatabase db)
{
    public async Task<HomeFigures> FiguresAsync(AccessScope scope, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleAsync<HomeFigures>(new CommandDefinition($"""
            WITH visible AS (SELECT p.id FROM parks p WHERE {AccessScope.ParkFilter("p.id")})
            SELECT
                (SELECT count(*) FROM visible) AS parks,
                (SELECT count(*) FROM buildings b WHERE b.park_id IN visible) AS buildings,
                (SELECT count(*) FROM floors f JOIN buildings b ON b.id = f.building_id WHERE b.park_id IN visible) AS floors,
                (SELECT count(*) FROM seats s WHERE s.park_id IN visible AND s.service_status <> 'retired') AS seats,
                (SELECT count(*) FROM seats s WHERE s.park_id IN visible AND s.service_status = 'in_service') AS seats_in_service,
                (SELECT count(*) FROM seats s WHERE s.park_id IN visible AND s.service_status = 'maintenance') AS seats_out_of_service,
                (SELECT count(*) FROM tenants t WHERE t.park_id IN visible AND t.status IN ('admitted', 'active')
                    AND {AccessScope.TenantFilter("t.id")}) AS tenants,
                CASE WHEN @ScopeAllParks = 1 THEN (SELECT count(*) FROM users WHERE is_active = 1) ELSE 0 END AS users
            """, scope.Parameters(), cancellationToken: ct));
    }

    public async Task<TenantHome?> TenantAsync(AccessScope scope, CancellationToken ct = default)
    {
        if (scope.TenantId is null)
        {
            return null;
        }

        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<TenantHome>(new CommandDefinition($"""
            SELECT t.id AS tenant_id, t.name_zh, t.name_en, t.uscc, t.status, p.code AS park_code,
                   p.name_zh AS park_name_zh, p.name_en AS park_name_en
            FROM tenants t JOIN parks p ON p.id = t.park_id
            WHERE t.id = @ScopeTenantId
            """, scope.Parameters(), cancellationToken: ct));
    }
}
