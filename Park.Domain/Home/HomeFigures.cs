using Dapper;
using Park.Domain.Access;
using Park.Domain.Data;

namespace Park.Domain.Home;

/// <summary>The figures on a home page, counted in the database within the user's scope.</summary>
public sealed record HomeFigures
{
    public int Parks { get; init; }
    public int Buildings { get; init; }
    public int Floors { get; init; }
    public int Seats { get; init; }
    public int SeatsInService { get; init; }
    public int SeatsOutOfService { get; init; }
    public int Tenants { get; init; }
    public int Users { get; init; }
}

public sealed record TenantHome
{
    public long TenantId { get; init; }
    public string NameZh { get; init; } = "";
    public string NameEn { get; init; } = "";
    public string Uscc { get; init; } = "";
    public string Status { get; init; } = "";
    public string ParkCode { get; init; } = "";
    public string ParkNameZh { get; init; } = "";
    public string ParkNameEn { get; init; } = "";
}

public sealed class HomeQueries(ParkDatabase db)
{
    public async Task<HomeFigures> FiguresAsync(AccessScope scope, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleAsync<HomeFigures>(new CommandDefinition($"""
            WITH visible AS (SELECT p.id FROM parks p WHERE {scope.ParkFilter("p.id")})
            SELECT
                (SELECT count(*) FROM visible) AS parks,
                (SELECT count(*) FROM buildings b WHERE b.park_id IN visible) AS buildings,
                (SELECT count(*) FROM floors f JOIN buildings b ON b.id = f.building_id WHERE b.park_id IN visible) AS floors,
                (SELECT count(*) FROM seats s WHERE s.park_id IN visible AND s.service_status <> 'retired') AS seats,
                (SELECT count(*) FROM seats s WHERE s.park_id IN visible AND s.service_status = 'in_service') AS seats_in_service,
                (SELECT count(*) FROM seats s WHERE s.park_id IN visible AND s.service_status = 'maintenance') AS seats_out_of_service,
                (SELECT count(*) FROM tenants t WHERE t.park_id IN visible AND t.status IN ('admitted', 'active')
                    AND {scope.TenantFilter("t.id")}) AS tenants,
                {(scope.AllParks ? "(SELECT count(*) FROM users WHERE is_active = 1)" : "0")} AS users
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
