using System.Data;
using Dapper;
using Park.Domain.Access;
using Park.Domain.Data;

namespace Park.Domain.Inventory;

/// <summary>Reads of the seat inventory, always within the caller's scope.</summary>
public sealed class InventoryStore(ParkDatabase db)
{
    internal const string SeatColumns = """
        s.id, s.park_id, s.zone_id, s.code, s.seat_type, s.has_pc, s.has_headset, s.has_phone_line, s.monitors, s.pci_zone,
        s.x, s.y, s.service_status, s.status_since, s.status_until, s.row_version,
        z.code AS zone_code, f.id AS floor_id, f.level AS floor_level, f.name AS floor_name, b.code AS building_code
        """;

    internal const string SeatJoins = """
        FROM seats s JOIN zones z ON z.id = s.zone_id JOIN floors f ON f.id = z.floor_id JOIN buildings b ON b.id = f.building_id
        """;

    public async Task<ParkHeader?> ParkAsync(AccessScope scope, long parkId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await ParkAsync(connection, null, scope, parkId, ct);
    }

    internal static Task<ParkHeader?> ParkAsync(IDbConnection connection, IDbTransaction? tx, AccessScope scope, long parkId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<ParkHeader>(new CommandDefinition($"""
            SELECT p.id, p.code, p.name_zh, p.name_en, p.city FROM parks p
            WHERE p.id = @ParkId AND {scope.ParkFilter("p.id")}
            """, scope.Parameters(new { ParkId = parkId }), tx, cancellationToken: ct));

    /// <summary>The first park the caller may see (a tenant's own park), or null.</summary>
    public async Task<long?> FirstParkIdAsync(AccessScope scope, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            $"SELECT p.id FROM parks p WHERE {scope.ParkFilter("p.id")} ORDER BY p.code LIMIT 1", scope.Parameters(), cancellationToken: ct));
    }

    public async Task<ParkTree?> TreeAsync(AccessScope scope, long parkId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var park = await ParkAsync(connection, null, scope, parkId, ct);
        if (park is null)
        {
            return null;
        }

        var p = new { ParkId = parkId };
        var buildings = await connection.QueryAsync<BuildingRow>(new CommandDefinition("""
            SELECT b.id, b.code, b.name, b.row_version,
                   (SELECT count(*) FROM seats s JOIN zones z ON z.id = s.zone_id JOIN floors f ON f.id = z.floor_id
                    WHERE f.building_id = b.id AND s.service_status <> 'retired') AS seats
            FROM buildings b WHERE b.park_id = @ParkId ORDER BY b.code
            """, p, cancellationToken: ct));
        var floors = await connection.QueryAsync<FloorRow>(new CommandDefinition("""
            SELECT f.id, f.building_id, b.code AS building_code, f.level, f.name, f.plan_width, f.plan_height, f.row_version,
                   (SELECT count(*) FROM seats s JOIN zones z ON z.id = s.zone_id WHERE z.floor_id = f.id AND s.service_status <> 'retired') AS seats
            FROM floors f JOIN buildings b ON b.id = f.building_id WHERE b.park_id = @ParkId ORDER BY b.code, f.level
            """, p, cancellationToken: ct));
        var zones = await connection.QueryAsync<ZoneRow>(new CommandDefinition("""
            SELECT z.id, z.floor_id, z.code, z.name, z.row_version,
                   (SELECT count(*) FROM seats s WHERE s.zone_id = z.id AND s.service_status <> 'retired') AS seats
            FROM zones z JOIN floors f ON f.id = z.floor_id JOIN buildings b ON b.id = f.building_id
            WHERE b.park_id = @ParkId ORDER BY z.code
            """, p, cancellationToken: ct));
        return new ParkTree(park, buildings.ToArray(), floors.ToArray(), zones.ToArray());
    }

    public async Task<Page<SeatRow>> SeatsAsync(AccessScope scope, long parkId, SeatFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var where = $"""
            WHERE s.park_id = @ParkId AND {scope.ParkFilter("s.park_id")}
              AND (@BuildingId IS NULL OR b.id = @BuildingId) AND (@FloorId IS NULL OR f.id = @FloorId)
              AND (@ZoneId IS NULL OR z.id = @ZoneId) AND (@Status IS NULL OR s.service_status = @Status)
              AND (@Search IS NULL OR s.code LIKE @Search ESCAPE '\')
            """;
        var parameters = scope.Parameters(new
        {
            ParkId = parkId,
            filter.BuildingId,
            filter.FloorId,
            filter.ZoneId,
            Status = ServiceStatuses.IsValid(filter.ServiceStatus) ? filter.ServiceStatus : null,
            Search = string.IsNullOrWhiteSpace(filter.Search) ? null : SqlText.Contains(filter.Search.Trim()),
            Limit = page.SafePageSize,
            page.Offset,
        });
        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT count(*) {SeatJoins} {where}", parameters, cancellationToken: ct));
        var rows = await connection.QueryAsync<SeatRow>(new CommandDefinition(
            $"SELECT {SeatColumns} {SeatJoins} {where} ORDER BY s.code LIMIT @Limit OFFSET @Offset", parameters, cancellationToken: ct));
        return new Page<SeatRow>(rows.ToArray(), total);
    }

    public async Task<SeatRow?> SeatAsync(AccessScope scope, long seatId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<SeatRow>(new CommandDefinition(
            $"SELECT {SeatColumns} {SeatJoins} WHERE s.id = @SeatId AND {scope.ParkFilter("s.park_id")}",
            scope.Parameters(new { SeatId = seatId }), cancellationToken: ct));
    }
}
