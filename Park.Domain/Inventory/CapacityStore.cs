using System.Globalization;
using Dapper;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;

namespace Park.Domain.Inventory;

public sealed record CapacityPhase
{
    public long Id { get; init; }
    public long ParkId { get; init; }
    public string Name { get; init; } = "";
    public DateOnly EffectiveFrom { get; init; }
    public int PlannedSeats { get; init; }
}

/// <summary>Seat counts of one floor on a day; buildings and the park are sums of their floors.</summary>
public sealed record CapacityFigures
{
    public string BuildingCode { get; init; } = "";
    public long FloorId { get; init; }
    public string FloorName { get; init; } = "";
    public int Built { get; init; }
    public int Leased { get; init; }
    public int Reserved { get; init; }
    public int OutOfService { get; init; }

    public int Free => Built - Leased - Reserved - OutOfService;

    /// <summary>Leased share of built seats in basis points (10000 = 100%).</summary>
    public int OccupancyBp => Built == 0 ? 0 : (int)Math.Round(Leased * 10000m / Built, MidpointRounding.AwayFromZero);

    public static CapacityFigures Sum(string label, IEnumerable<CapacityFigures> rows)
    {
        var list = rows.ToArray();
        return new CapacityFigures
        {
            BuildingCode = label,
            FloorName = "",
            Built = list.Sum(r => r.Built),
            Leased = list.Sum(r => r.Leased),
            Reserved = list.Sum(r => r.Reserved),
            OutOfService = list.Sum(r => r.OutOfService),
        };
    }
}

/// <summary>One month of the capacity chart: seats leased on the month's first day vs the plan.</summary>
public sealed record CapacityPoint(DateOnly Month, int Leased, int Planned);

public sealed record CapacityDashboard(DateOnly Today, IReadOnlyList<CapacityFigures> Floors, IReadOnlyList<CapacityPhase> Phases, IReadOnlyList<CapacityPoint> Chart)
{
    public CapacityFigures Park => CapacityFigures.Sum("", Floors);

    public IEnumerable<CapacityFigures> Buildings => Floors.GroupBy(f => f.BuildingCode).Select(g => CapacityFigures.Sum(g.Key, g));
}

/// <summary>Capacity phases (the plan) and the dashboard of built, leased and free seats.</summary>
public sealed class CapacityStore(ParkDatabase db, AuditTrail audit, TimeProvider clock)
{
    public async Task<CapacityDashboard?> DashboardAsync(AccessScope scope, long parkId, CancellationToken ct = default)
    {
        var today = clock.Today();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var parameters = scope.Parameters(new { ParkId = parkId, Date = today, Start = thisMonth.AddMonths(-24) });
        await using var connection = await db.OpenAsync(ct);
        if (await InventoryStore.ParkAsync(connection, null, scope, parkId, ct) is null)
        {
            return null;
        }

        // Counted as the admin's map sees seats, whoever asks: the dashboard shows numbers, never names.
        var figures = await connection.QueryAsync<CapacityFigures>(new CommandDefinition($"""
            SELECT x.building_code, x.floor_id, x.floor_name,
                   sum(x.state <> 'retired') AS built, sum(x.state = 'leased') AS leased,
                   sum(x.state = 'reserved') AS reserved, sum(x.state = 'out_of_service') AS out_of_service
            FROM (
                SELECT b.code AS building_code, f.id AS floor_id, f.name AS floor_name, f.level,
                       CASE
                           WHEN EXISTS (SELECT 1 FROM seat_holds h WHERE h.seat_id = s.id AND h.kind = 'held'
                                        AND h.start_date <= @Date AND @Date < h.end_date) THEN 'leased'
                           WHEN s.service_status = 'retired' AND s.status_since <= @Date THEN 'retired'
                           WHEN s.service_status <> 'in_service' AND s.status_since <= @Date
                                AND (s.status_until IS NULL OR @Date < s.status_until) THEN 'out_of_service'
                           WHEN EXISTS (SELECT 1 FROM seat_holds h WHERE h.seat_id = s.id AND h.kind = 'reserved'
                                        AND h.start_date <= @Date AND @Date < h.end_date) THEN 'reserved'
                           ELSE 'free'
                       END AS state
                FROM seats s JOIN zones z ON z.id = s.zone_id JOIN floors f ON f.id = z.floor_id JOIN buildings b ON b.id = f.building_id
                WHERE s.park_id = @ParkId AND {AccessScope.ParkFilter("s.park_id")}) x
            GROUP BY x.building_code, x.floor_id, x.floor_name, x.level
            ORDER BY x.building_code, x.level
            """, parameters, cancellationToken: ct));
        var phases = (await connection.QueryAsync<CapacityPhase>(new CommandDefinition(
            "SELECT id, park_id, name, effective_from, planned_seats FROM capacity_phases WHERE park_id = @ParkId ORDER BY effective_from",
            parameters, cancellationToken: ct))).ToArray();
        var leased = (await connection.QueryAsync<(string Month, long Leased)>(new CommandDefinition("""
            WITH RECURSIVE months (d, i) AS (SELECT @Start, 0 UNION ALL SELECT date(d, '+1 month'), i + 1 FROM months WHERE i < 48)
            SELECT m.d, (SELECT count(DISTINCT h.seat_id) FROM seat_holds h
                         WHERE h.park_id = @ParkId AND h.kind = 'held' AND h.start_date <= m.d AND m.d < h.end_date)
            FROM months m ORDER BY m.d
            """, parameters, cancellationToken: ct))).ToArray();
        var chart = leased.Select(r =>
        {
            var month = DateOnly.ParseExact(r.Month, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            return new CapacityPoint(month, (int)r.Leased, PlannedOn(phases, month));
        }).ToArray();
        return new CapacityDashboard(today, figures.ToArray(), phases, chart);
    }

    /// <summary>The plan on a day: the latest phase that has begun, or 0 before the first.</summary>
    public static int PlannedOn(IReadOnlyList<CapacityPhase> phases, DateOnly day) =>
        phases.Where(p => p.EffectiveFrom <= day).OrderBy(p => p.EffectiveFrom).LastOrDefault()?.PlannedSeats ?? 0;

    public async Task<Result<long>> AddPhaseAsync(AccessScope scope, AuditActor actor, long parkId, string name, DateOnly effectiveFrom, int plannedSeats, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            return Problem.Invalid("name", "Required");
        }

        if (plannedSeats is < 0 or > 1_000_000)
        {
            return Problem.Invalid("plannedSeats", "PlannedSeatsInvalid");
        }

        if (!scope.IsParkAdmin)
        {
            return Problem.NotAllowed();
        }

        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction(deferred: false);
        if (!await InventoryService.CanManageAsync(connection, tx, scope, parkId, ct))
        {
            return Problem.NotFound();
        }

        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM capacity_phases WHERE park_id = @ParkId AND effective_from = @From)",
                new { ParkId = parkId, From = effectiveFrom }, tx, cancellationToken: ct)))
        {
            return Problem.Invalid("effectiveFrom", "PhaseDateTaken");
        }

        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO capacity_phases (park_id, name, effective_from, planned_seats, created_at)
            VALUES (@ParkId, @Name, @From, @Seats, @Now) RETURNING id
            """, new { ParkId = parkId, Name = name.Trim(), From = effectiveFrom, Seats = plannedSeats, Now = clock.GetUtcNow() }, tx, cancellationToken: ct));
        await audit.RecordAsync(connection, tx, actor, new AuditEntry("capacity.phase.create", "capacity_phase", id.ToString(CultureInfo.InvariantCulture),
            Details: $"{DapperSetup.ToDbText(effectiveFrom)} {plannedSeats}", ParkId: parkId), ct);
        await tx.CommitAsync(ct);
        return id;
    }

    public async Task<Result<bool>> DeletePhaseAsync(AccessScope scope, AuditActor actor, long phaseId, CancellationToken ct = default)
    {
        if (!scope.IsParkAdmin)
        {
            return Problem.NotAllowed();
        }

        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction(deferred: false);
        var parkId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT park_id FROM capacity_phases WHERE id = @Id", new { Id = phaseId }, tx, cancellationToken: ct)) ?? 0;
        if (!await InventoryService.CanManageAsync(connection, tx, scope, parkId, ct))
        {
            return Problem.NotFound();
        }

        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM capacity_phases WHERE id = @Id", new { Id = phaseId }, tx, cancellationToken: ct));
        await audit.RecordAsync(connection, tx, actor, new AuditEntry("capacity.phase.delete", "capacity_phase",
            phaseId.ToString(CultureInfo.InvariantCulture), ParkId: parkId), ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
