using Dapper;
using Park.Domain.Access;
using Park.Domain.Data;

namespace Park.Domain.Inventory;

public sealed record MapFloor
{
    public long FloorId { get; init; }
    public long ParkId { get; init; }
    public string BuildingCode { get; init; } = "";
    public int Level { get; init; }
    public string Name { get; init; } = "";
    public int PlanWidth { get; init; }
    public int PlanHeight { get; init; }
}

/// <summary>
/// A seat as the map draws it. For a tenant user, another tenant's seat has state
/// <see cref="SeatStates.Occupied"/> and no tenant or lease: the query itself leaves them out.
/// </summary>
public sealed record MapSeat
{
    public long Id { get; init; }
    public string Code { get; init; } = "";
    public string SeatType { get; init; } = "";
    public int X { get; init; }
    public int Y { get; init; }
    public string ZoneCode { get; init; } = "";
    public bool HasPc { get; init; }
    public bool HasHeadset { get; init; }
    public bool HasPhoneLine { get; init; }
    public int Monitors { get; init; }
    public bool PciZone { get; init; }
    public string ServiceStatus { get; init; } = "";
    public string State { get; init; } = SeatStates.Free;
    public long? TenantId { get; init; }
    public string? TenantNameZh { get; init; }
    public string? TenantNameEn { get; init; }
    public string? LeaseNumber { get; init; }

    /// <summary>Held or reserved by the signed-in tenant user's own tenant.</summary>
    public bool Mine { get; init; }
}

public sealed record FloorMap(MapFloor Floor, DateOnly Date, IReadOnlyList<MapSeat> Seats);

/// <summary>The seat map of one floor on one day: two SQL statements whatever the floor's size.</summary>
public sealed class SeatMapQueries(ParkDatabase db)
{
    /// <summary>
    /// Each seat's state on a day, with the hold that decides it (a 'held' hold wins over a
    /// 'reserved' one). Tenant names and lease numbers appear only where the scope may see them.
    /// Parameters: @Date plus the scope's; callers add their own WHERE.
    /// </summary>
    internal const string StateSelect = """
        SELECT s.id, s.code, s.seat_type, s.x, s.y, z.code AS zone_code, s.has_pc, s.has_headset, s.has_phone_line, s.monitors,
               s.pci_zone, s.service_status,
               CASE
                   WHEN h.kind = 'held' AND (@ScopeTenantId IS NULL OR h.tenant_id = @ScopeTenantId) THEN 'leased'
                   WHEN h.kind IS NOT NULL AND @ScopeTenantId IS NOT NULL AND h.tenant_id <> @ScopeTenantId THEN 'occupied'
                   WHEN s.service_status <> 'in_service' AND s.status_since <= @Date
                        AND (s.status_until IS NULL OR @Date < s.status_until) THEN 'out_of_service'
                   WHEN h.kind = 'reserved' THEN 'reserved'
                   ELSE 'free'
               END AS state,
               CASE WHEN @ScopeTenantId IS NULL OR h.tenant_id = @ScopeTenantId THEN h.tenant_id END AS tenant_id,
               t.name_zh AS tenant_name_zh, t.name_en AS tenant_name_en, l.number AS lease_number,
               CASE WHEN @ScopeTenantId IS NOT NULL AND h.tenant_id = @ScopeTenantId THEN 1 ELSE 0 END AS mine
        FROM seats s
        JOIN zones z ON z.id = s.zone_id
        JOIN floors f ON f.id = z.floor_id
        JOIN buildings b ON b.id = f.building_id
        LEFT JOIN seat_holds h ON h.id = (
            SELECT h2.id FROM seat_holds h2
            WHERE h2.seat_id = s.id AND h2.start_date <= @Date AND @Date < h2.end_date
            ORDER BY h2.kind = 'held' DESC, h2.id LIMIT 1)
        LEFT JOIN tenants t ON t.id = h.tenant_id AND (@ScopeTenantId IS NULL OR h.tenant_id = @ScopeTenantId)
        LEFT JOIN leases l ON l.id = h.lease_id AND (@ScopeTenantId IS NULL OR h.tenant_id = @ScopeTenantId)
        """;

    public async Task<FloorMap?> FloorAsync(AccessScope scope, long floorId, DateOnly date, CancellationToken ct = default)
    {
        var parameters = scope.Parameters(new { FloorId = floorId, Date = date });
        await using var connection = await db.OpenAsync(ct);
        var floor = await connection.QuerySingleOrDefaultAsync<MapFloor>(new CommandDefinition($"""
            SELECT f.id AS floor_id, b.park_id, b.code AS building_code, f.level, f.name, f.plan_width, f.plan_height
            FROM floors f JOIN buildings b ON b.id = f.building_id
            WHERE f.id = @FloorId AND {scope.ParkFilter("b.park_id")}
            """, parameters, cancellationToken: ct));
        if (floor is null)
        {
            return null;
        }

        var seats = await connection.QueryAsync<MapSeat>(new CommandDefinition($"""
            {StateSelect}
            WHERE z.floor_id = @FloorId AND {scope.ParkFilter("s.park_id")}
            ORDER BY s.code
            """, parameters, cancellationToken: ct));
        return new FloorMap(floor, date, seats.ToArray());
    }

    /// <summary>
    /// The floor a map opens on: for a tenant user, the first floor holding its own seats on the day
    /// (else at any time); for staff, the first floor with seats leased on the day; else the park's
    /// first floor. Building code then level order; null when the park has no floor or is out of scope.
    /// </summary>
    public async Task<long?> DefaultFloorAsync(AccessScope scope, long parkId, DateOnly date, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition($"""
            SELECT f.id FROM floors f JOIN buildings b ON b.id = f.building_id
            WHERE b.park_id = @ParkId AND {scope.ParkFilter("b.park_id")}
            ORDER BY
                EXISTS (SELECT 1 FROM zones z JOIN seats s ON s.zone_id = z.id JOIN seat_holds h ON h.seat_id = s.id
                        WHERE z.floor_id = f.id AND h.start_date <= @Date AND @Date < h.end_date
                          AND (CASE WHEN @ScopeTenantId IS NULL THEN h.kind = 'held' ELSE h.tenant_id = @ScopeTenantId END)) DESC,
                (@ScopeTenantId IS NOT NULL AND EXISTS (SELECT 1 FROM zones z JOIN seats s ON s.zone_id = z.id JOIN seat_holds h ON h.seat_id = s.id
                        WHERE z.floor_id = f.id AND h.tenant_id = @ScopeTenantId)) DESC,
                b.code, f.level, f.id
            LIMIT 1
            """, scope.Parameters(new { ParkId = parkId, Date = date }), cancellationToken: ct));
    }

    /// <summary>Seats of a park with their state on a day (the API's seat list), paged in SQL.</summary>
    public async Task<Page<MapSeat>?> ParkSeatsAsync(AccessScope scope, long parkId, DateOnly date, string? state, PageRequest page, CancellationToken ct = default)
    {
        var parameters = scope.Parameters(new
        {
            ParkId = parkId, Date = date, State = SeatStates.IsValid(state) ? state : null, Limit = page.SafePageSize, page.Offset,
        });
        await using var connection = await db.OpenAsync(ct);
        var park = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            $"SELECT p.id FROM parks p WHERE p.id = @ParkId AND {scope.ParkFilter("p.id")}", parameters, cancellationToken: ct));
        if (park is null)
        {
            return null;
        }

        var inner = $"{StateSelect} WHERE s.park_id = @ParkId AND {scope.ParkFilter("s.park_id")}";
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT count(*) FROM ({inner}) x WHERE (@State IS NULL OR x.state = @State)", parameters, cancellationToken: ct));
        var rows = await connection.QueryAsync<MapSeat>(new CommandDefinition(
            $"SELECT * FROM ({inner}) x WHERE (@State IS NULL OR x.state = @State) ORDER BY x.code LIMIT @Limit OFFSET @Offset", parameters, cancellationToken: ct));
        return new Page<MapSeat>(rows.ToArray(), total);
    }
}
