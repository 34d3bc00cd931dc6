using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
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
        var parameters = scope.Parameters(new { ParkId = parkId, Date = today });
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
                WHERE s.park_id = @ParkId AND {scope.ParkFilter("s.park_id")}) x
            GROUP BY x.building_code, x.floor_id, x.floor_name, x.level
            ORDER BY x.building_code, x.level
            """, parameters, cancellationToken: ct));
        var phases = (await connection.QueryAsync<CapacityPhase>(new CommandDefinition(
            "SELECT id, park_id, name, effective_from, planned_seats FROM capacity_phases WHERE park_id = @ParkId ORDER BY effective_from",
            parameters, cancellationToken: ct))).ToArray();
        var chart = await ChartAsync(connection, scope, parkId, null, null, phases, ct);
        return new CapacityDashboard(today, figures.ToArray(), phases, chart);
    }

    /// <summary>Months charted before and after the current one.</summary>
    public const int ChartMonthsEachWay = 24;

    /// <summary>
    /// The capacity chart of a park, or of one building or floor of it (no plan then): planned, built, leased,
    /// reserved, out-of-service and free seats on the first day of each month, 24 months back to 24 ahead.
    /// Null when the park is not in the caller's scope; a building or floor of another park charts no seats.
    /// </summary>
    public async Task<IReadOnlyList<CapacityPoint>?> ChartAsync(AccessScope scope, long parkId, long? buildingId, long? floorId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        if (await InventoryStore.ParkAsync(connection, null, scope, parkId, ct) is null)
        {
            return null;
        }

        var phases = buildingId is null && floorId is null
            ? (await connection.QueryAsync<CapacityPhase>(new CommandDefinition(
                "SELECT id, park_id, name, effective_from, planned_seats FROM capacity_phases WHERE park_id = @ParkId ORDER BY effective_from",
                new { ParkId = parkId }, cancellationToken: ct))).ToArray()
            : null;
        return await ChartAsync(connection, scope, parkId, buildingId, floorId, phases, ct);
    }

    private sealed record SeatLifeRow
    {
        public long Id { get; init; }
        public string ServiceStatus { get; init; } = "";
        public string StatusSince { get; init; } = "";
        public string? StatusUntil { get; init; }
        public string CreatedAt { get; init; } = "";
    }

    private sealed record HoldRow
    {
        public long SeatId { get; init; }
        public string Kind { get; init; } = "";
        public string StartDate { get; init; } = "";
        public string EndDate { get; init; } = "";
    }

    private async Task<IReadOnlyList<CapacityPoint>> ChartAsync(SqliteConnection connection, AccessScope scope, long parkId, long? buildingId, long? floorId,
        IReadOnlyList<CapacityPhase>? phases, CancellationToken ct)
    {
        var today = clock.Today();
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-ChartMonthsEachWay);
        var count = (2 * ChartMonthsEachWay) + 1;
        var parameters = scope.Parameters(new { ParkId = parkId, BuildingId = buildingId, FloorId = floorId, First = first, Last = first.AddMonths(count - 1) });
        // Seats and holds come back as rows and are counted month by month in memory: 49 months of a
        // 20,000-seat park are about a million cheap checks, where 49 grouped scans in SQL cost seconds.
        var seats = (await connection.QueryAsync<SeatLifeRow>(new CommandDefinition($"""
            SELECT s.id, s.service_status, s.status_since, s.status_until, s.created_at
            FROM seats s JOIN zones z ON z.id = s.zone_id JOIN floors f ON f.id = z.floor_id
            WHERE s.park_id = @ParkId AND {scope.ParkFilter("s.park_id")}
              AND (@BuildingId IS NULL OR f.building_id = @BuildingId) AND (@FloorId IS NULL OR f.id = @FloorId)
            """, parameters, cancellationToken: ct)))
            .Select(r => new SeatLife(r.Id, r.ServiceStatus, Day(r.StatusSince), r.StatusUntil is null ? null : Day(r.StatusUntil), CreatedOn(r.CreatedAt)))
            .ToArray();
        var ids = seats.Select(s => s.Id).ToHashSet();
        var holds = (await connection.QueryAsync<HoldRow>(new CommandDefinition("""
            SELECT h.seat_id, h.kind, h.start_date, h.end_date FROM seat_holds h
            WHERE h.park_id = @ParkId AND h.start_date <= @Last AND @First < h.end_date
            """, parameters, cancellationToken: ct)))
            .Where(h => ids.Contains(h.SeatId))
            .Select(h => new HoldSpan(h.SeatId, h.Kind == "held", Day(h.StartDate), Day(h.EndDate)))
            .ToArray();
        return CapacitySeries.Compute(first, count, seats, holds, phases);
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The China business day of a stored UTC timestamp.</summary>
    private static DateOnly CreatedOn(string text) =>
        DateOnly.FromDateTime(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).ToOffset(BusinessClock.ChinaOffset).DateTime);

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
