using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;

namespace Park.Domain.Inventory;

/// <summary>Where a zone is: its park, building, floor and the floor plan's size.</summary>
internal sealed record ZonePlace
{
    public long ZoneId { get; init; }
    public long ParkId { get; init; }
    public string BuildingCode { get; init; } = "";
    public int Level { get; init; }
    public string ZoneCode { get; init; } = "";
    public int PlanWidth { get; init; }
    public int PlanHeight { get; init; }

    public const string Sql = """
        SELECT z.id AS zone_id, b.park_id, b.code AS building_code, f.level, z.code AS zone_code, f.plan_width, f.plan_height
        FROM zones z JOIN floors f ON f.id = z.floor_id JOIN buildings b ON b.id = f.building_id WHERE z.id = @Id
        """;
}

/// <summary>A lease holding a seat on some of the dates asked about.</summary>
internal sealed record HeldBy
{
    public string SeatCode { get; init; } = "";
    public string LeaseNumber { get; init; } = "";

    /// <summary>'held' (a lease) or 'reserved' (a draft).</summary>
    public string Kind { get; init; } = "held";
}

public sealed partial class InventoryService
{
    public Task<Result<long>> SaveSeatAsync(AccessScope scope, AuditActor actor, long? seatId, SeatInput input, int rowVersion = 0, CancellationToken ct = default) =>
        WriteAsync(scope, actor, async (c, tx) =>
        {
            var code = input.Code.Trim().ToUpperInvariant();
            if (!ValidCode(code, 40))
            {
                return Problem.Invalid("code", "SeatCodeInvalid", code);
            }

            if (!SeatTypes.IsValid(input.SeatType))
            {
                return Problem.Invalid("seatType", "SeatTypeInvalid", input.SeatType);
            }

            if (input.Monitors is < 0 or > 4)
            {
                return Problem.Invalid("monitors", "MonitorsInvalid");
            }

            var place = await c.QuerySingleOrDefaultAsync<ZonePlace>(new CommandDefinition(ZonePlace.Sql, new { Id = input.ZoneId }, tx, cancellationToken: ct));
            var existingPark = seatId is null ? (long?)null
                : await c.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT park_id FROM seats WHERE id = @Id", new { Id = seatId }, tx, cancellationToken: ct));
            if (place is null || !await CanManageAsync(c, tx, scope, place.ParkId, ct) || (seatId is not null && existingPark != place.ParkId))
            {
                return Problem.NotFound();
            }

            if (input.X < 0 || input.Y < 0 || input.X > place.PlanWidth || input.Y > place.PlanHeight)
            {
                return Problem.Invalid("x", "PositionOffPlan", place.PlanWidth, place.PlanHeight);
            }

            if (await c.ExecuteScalarAsync<bool>(new CommandDefinition(
                    "SELECT EXISTS (SELECT 1 FROM seats WHERE park_id = @ParkId AND code = @Code AND id <> coalesce(@Id, 0))",
                    new { place.ParkId, Code = code, Id = seatId }, tx, cancellationToken: ct)))
            {
                return Problem.Invalid("code", "SeatCodeTaken", code);
            }

            return await UpsertAsync(c, tx, actor, place.ParkId, "seat", seatId, rowVersion, code, """
                INSERT INTO seats (park_id, zone_id, code, seat_type, has_pc, has_headset, has_phone_line, monitors, pci_zone, x, y,
                                   service_status, status_since, created_at)
                VALUES (@ParkId, @ZoneId, @Code, @SeatType, @HasPc, @HasHeadset, @HasPhoneLine, @Monitors, @PciZone, @X, @Y, 'in_service', @Today, @Now)
                RETURNING id
                """, """
                UPDATE seats SET zone_id = @ZoneId, code = @Code, seat_type = @SeatType, has_pc = @HasPc, has_headset = @HasHeadset,
                                 has_phone_line = @HasPhoneLine, monitors = @Monitors, pci_zone = @PciZone, x = @X, y = @Y,
                                 row_version = row_version + 1
                WHERE id = @Id AND row_version = @RowVersion
                """, new
            {
                place.ParkId, input.ZoneId, Code = code, input.SeatType, input.HasPc, input.HasHeadset, input.HasPhoneLine, input.Monitors,
                input.PciZone, input.X, input.Y, Today, Now = clock.GetUtcNow(), Id = seatId, RowVersion = rowVersion,
            }, ct);
        }, ct);

    /// <summary>Creates a rows × columns grid of seats in a zone in one transaction; any clash creates nothing.</summary>
    public Task<Result<int>> GenerateGridAsync(AccessScope scope, AuditActor actor, long zoneId, GridSpec spec, CancellationToken ct = default) =>
        WriteAsync<int>(scope, actor, async (c, tx) =>
        {
            var place = await c.QuerySingleOrDefaultAsync<ZonePlace>(new CommandDefinition(ZonePlace.Sql, new { Id = zoneId }, tx, cancellationToken: ct));
            if (place is null || !await CanManageAsync(c, tx, scope, place.ParkId, ct))
            {
                return Problem.NotFound();
            }

            var grid = SeatGrid.Generate(spec, place.BuildingCode, place.Level, place.ZoneCode, place.PlanWidth, place.PlanHeight);
            if (!grid.Succeeded)
            {
                return grid.Problem!;
            }

            var codes = grid.Value!.Select(s => s.Code.ToUpperInvariant()).ToArray();
            var taken = await c.QueryFirstOrDefaultAsync<string>(new CommandDefinition(
                "SELECT code FROM seats WHERE park_id = @ParkId AND code IN @Codes ORDER BY code LIMIT 1", new { place.ParkId, Codes = codes }, tx, cancellationToken: ct));
            if (taken is not null)
            {
                return Problem.Invalid("pattern", "SeatCodeTaken", taken);
            }

            await c.ExecuteAsync(new CommandDefinition("""
                INSERT INTO seats (park_id, zone_id, code, seat_type, x, y, service_status, status_since, created_at)
                VALUES (@ParkId, @ZoneId, @Code, 'agent', @X, @Y, 'in_service', @Today, @Now)
                """, grid.Value!.Select(s => new { place.ParkId, ZoneId = zoneId, Code = s.Code.ToUpperInvariant(), s.X, s.Y, Today, Now = clock.GetUtcNow() }),
                tx, cancellationToken: ct));
            await audit.RecordAsync(c, tx, actor, new AuditEntry("seat.grid", "zone", zoneId.ToString(CultureInfo.InvariantCulture),
                Details: $"{grid.Value!.Count} seats {codes[0]}..{codes[^1]}", ParkId: place.ParkId), ct);
            return grid.Value!.Count;
        }, ct);

    /// <summary>
    /// Puts seats under maintenance, retires them or returns them to service from a date. Refused,
    /// naming the lease, when a lease holds or a draft lease reserves one of the seats on any of those dates.
    /// </summary>
    public async Task<Result<int>> SetStatusAsync(AccessScope scope, AuditActor actor, long parkId, StatusChange change, CancellationToken ct = default)
    {
        var result = await WriteAsync(scope, actor, (c, tx) => SetStatusCoreAsync(c, tx, scope, actor, parkId, change, ct), ct);
        if (result.Problem is { Kind: ErrorKind.Conflict } conflict)
        {
            await audit.RecordAsync(actor, new AuditEntry("seat.status", "park", parkId.ToString(CultureInfo.InvariantCulture), AuditOutcome.Failure,
                conflict.Code, string.Join(' ', conflict.Args), ParkId: parkId), ct);
        }

        return result;
    }

    private async Task<Result<int>> SetStatusCoreAsync(SqliteConnection c, SqliteTransaction tx, AccessScope scope, AuditActor actor, long parkId, StatusChange change, CancellationToken ct)
    {
        if (!ServiceStatuses.IsValid(change.Status))
        {
            return Problem.Invalid("status", "ServiceStatusInvalid", change.Status);
        }

        if (change.Until is { } until && until <= change.Since)
        {
            return Problem.Invalid("until", "DateRangeInvalid");
        }

        if (change.SeatIds.Count is 0 or > 5000)
        {
            return Problem.Invalid("seats", "SelectSeats");
        }

        if (!await CanManageAsync(c, tx, scope, parkId, ct))
        {
            return Problem.NotFound();
        }

        var ids = change.SeatIds.Distinct().ToArray();
        var found = await c.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM seats WHERE park_id = @ParkId AND id IN @Ids", new { ParkId = parkId, Ids = ids }, tx, cancellationToken: ct));
        if (found != ids.Length)
        {
            return Problem.NotFound();
        }

        var since = DapperSetup.ToDbText(change.Since);
        var end = change.Until is { } u ? DapperSetup.ToDbText(u) : "9999-12-31";
        if (change.Status != ServiceStatuses.InService)
        {
            // A lease's hold wins over a draft's reservation in the message; either refuses the change.
            var held = await c.QueryFirstOrDefaultAsync<HeldBy>(new CommandDefinition("""
                SELECT s.code AS seat_code, l.number AS lease_number, h.kind
                FROM seat_holds h JOIN leases l ON l.id = h.lease_id JOIN seats s ON s.id = h.seat_id
                WHERE h.seat_id IN @Ids AND l.status <> 'cancelled' AND h.start_date < @End AND @Since < h.end_date
                ORDER BY h.kind = 'held' DESC, s.code, h.start_date LIMIT 1
                """, new { Ids = ids, Since = since, End = end }, tx, cancellationToken: ct));
            if (held is not null)
            {
                return Problem.Conflict(held.Kind == "held" ? "SeatHeldByLease" : "SeatReservedByDraft", held.SeatCode, held.LeaseNumber);
            }
        }

        var changed = await c.ExecuteAsync(new CommandDefinition("""
            UPDATE seats SET service_status = @Status, status_since = @Since, status_until = @Until, row_version = row_version + 1
            WHERE park_id = @ParkId AND id IN @Ids
            """, new { change.Status, Since = since, Until = change.Until, ParkId = parkId, Ids = ids }, tx, cancellationToken: ct));
        await audit.RecordAsync(c, tx, actor, new AuditEntry("seat.status", "park", parkId.ToString(CultureInfo.InvariantCulture),
            Details: $"{change.Status} {since}..{(change.Until is null ? "" : end)} seats {string.Join(',', ids.Take(50))}", ParkId: parkId), ct);
        return changed;
    }
}
