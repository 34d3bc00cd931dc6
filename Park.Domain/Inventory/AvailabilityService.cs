using Dapper;
using Park.Domain.Access;
using Park.Domain.Data;

namespace Park.Domain.Inventory;

/// <summary>"N seats from D1 to D2 in this park", with optional filters.</summary>
public sealed record AvailabilityQuery(
    long ParkId, int Count, DateOnly From, DateOnly To, long? BuildingId = null, long? FloorId = null, string? SeatType = null, EquipmentNeeds? Equipment = null);

public sealed record AvailabilityAnswer(int Available, IReadOnlyList<SeatProposal> Proposals);

/// <summary>
/// Finds seats in service for the whole period [From, To) that no lease holds on any of those days,
/// then ranks ways to seat the team (<see cref="AvailabilityRanking"/>).
/// </summary>
public sealed class AvailabilityService(ParkDatabase db)
{
    private readonly ParkSeatSnapshots _snapshots = new();

    public const int MaxCount = 2000;

    /// <summary>
    /// Seats matching the seat filters that are in service for the whole period and held by no lease
    /// on any day of it (the building and floor filters are <see cref="PlaceFilters"/>, on f).
    /// <paramref name="wholePark"/>: the park's held seats are gathered once into a set (one range scan
    /// of the park's holds) instead of probing the holds index seat by seat, the cheaper way over a
    /// park's 15,000 seats; for a few zones' seats the per-seat probe is cheaper.
    /// </summary>
    private static string FreeSeat(AccessScope scope, bool wholePark) => SeatFilters(scope) + (wholePark
        ? """

          AND s.id NOT IN (SELECT h.seat_id FROM seat_holds h WHERE h.park_id = @ParkId AND h.kind = 'held'
                           AND h.start_date < @To AND @From < h.end_date)
        """
        : """

          AND NOT EXISTS (SELECT 1 FROM seat_holds h WHERE h.seat_id = s.id AND h.kind = 'held'
                          AND h.start_date < @To AND @From < h.end_date)
        """);

    private static string SeatFilters(AccessScope scope) => $"""
        s.park_id = @ParkId AND {scope.ParkFilter("s.park_id")}
          AND (@SeatType IS NULL OR s.seat_type = @SeatType)
          AND (@Pc IS NULL OR s.has_pc = @Pc) AND (@Headset IS NULL OR s.has_headset = @Headset)
          AND (@PhoneLine IS NULL OR s.has_phone_line = @PhoneLine) AND (@MinMonitors IS NULL OR s.monitors >= @MinMonitors)
          AND (@PciZone IS NULL OR s.pci_zone = @PciZone)
          AND NOT (s.service_status <> 'in_service' AND s.status_since < @To AND (s.status_until IS NULL OR @From < s.status_until))
        """;

    private const string PlaceFilters = "(@BuildingId IS NULL OR f.building_id = @BuildingId) AND (@FloorId IS NULL OR f.id = @FloorId)";

    internal sealed record ZoneFree
    {
        public long ZoneId { get; init; }
        public long FloorId { get; init; }
        public int Free { get; init; }
    }

    /// <summary>
    /// The zones whose seats the ranking needs: when enough zones can each seat the whole team, the
    /// <c>2 × maxProposals</c> zones with the most free seats (denser zones give tighter clusters; the
    /// ranking only ever returns <c>maxProposals</c> of them); otherwise every zone that fits plus the
    /// floors that fit (for same-floor proposals); and when nothing fits, the fullest floors until the
    /// team is seated — exactly the floors the across-floors split takes.
    /// </summary>
    private static IReadOnlyList<long> CandidateZones(ZoneFree[] zones, int count, int maxProposals)
    {
        if (zones.Sum(z => z.Free) < count)
        {
            return [];
        }

        var fitting = zones.Where(z => z.Free >= count)
            .OrderByDescending(z => z.Free).ThenBy(z => z.ZoneId).Select(z => z.ZoneId).ToList();
        if (fitting.Count >= maxProposals)
        {
            return fitting.Take(2 * maxProposals).Order().ToArray();
        }

        var floors = zones.GroupBy(z => z.FloorId)
            .Select(g => (Floor: g.Key, Free: g.Sum(z => z.Free), Zones: g.Select(z => z.ZoneId).ToArray()))
            .OrderByDescending(f => f.Free).ThenBy(f => f.Floor).ToArray();
        var chosen = new HashSet<long>(fitting);
        var floorsThatFit = floors.Where(f => f.Free >= count && f.Zones.Length > 1).ToArray();
        foreach (var floor in floorsThatFit.Take(2 * maxProposals))
        {
            chosen.UnionWith(floor.Zones);
        }

        if (chosen.Count == 0)
        {
            var taken = 0;
            foreach (var floor in floors.TakeWhile(_ => taken < count))
            {
                chosen.UnionWith(floor.Zones);
                taken += floor.Free;
            }
        }

        return chosen.Order().ToArray();
    }

    /// <summary>The free seats of the chosen zones in SQL, each seat's holds probed by index.</summary>
    internal static async Task<CandidateSeat[]> CandidateSeatsAsync(
        Microsoft.Data.Sqlite.SqliteConnection connection, AccessScope scope, DynamicParameters parameters, IReadOnlyList<long> chosen, CancellationToken ct)
    {
        if (chosen.Count == 0)
        {
            return [];
        }

        parameters.Add("ZoneIds", "[" + string.Join(",", chosen) + "]");
        var rows = await connection.QueryAsync<ParkSeatSnapshots.SeatRow>(new CommandDefinition($"""
            SELECT s.id, s.code, s.zone_id, z.code AS zone_code, f.id AS floor_id, f.name AS floor_name, b.code AS building_code, s.x, s.y
            FROM seats s JOIN zones z ON z.id = s.zone_id JOIN floors f ON f.id = z.floor_id JOIN buildings b ON b.id = f.building_id
            WHERE s.zone_id IN (SELECT value FROM json_each(@ZoneIds)) AND {PlaceFilters} AND {FreeSeat(scope, wholePark: false)}
            ORDER BY s.id
            """, parameters, cancellationToken: ct));
        return [.. rows.Select(r => r.Place)];
    }

    /// <summary>Free seats per zone counted in SQL: zones and floors are joined to the 100-odd counts, not to every seat.</summary>
    internal static async Task<ZoneFree[]> CountFreePerZoneAsync(
        Microsoft.Data.Sqlite.SqliteConnection connection, AccessScope scope, DynamicParameters parameters, CancellationToken ct) =>
        [.. await connection.QueryAsync<ZoneFree>(new CommandDefinition($"""
            SELECT g.zone_id, z.floor_id, g.free
            FROM (SELECT s.zone_id, count(*) AS free FROM seats s WHERE {FreeSeat(scope, wholePark: true)} GROUP BY s.zone_id) g
            JOIN zones z ON z.id = g.zone_id JOIN floors f ON f.id = z.floor_id
            WHERE {PlaceFilters}
            ORDER BY g.zone_id
            """, parameters, cancellationToken: ct))];

    public static Problem? Check(AvailabilityQuery query)
    {
        if (query.To <= query.From)
        {
            return Problem.Invalid("to", "DateRangeInvalid");
        }

        if (query.To.DayNumber - query.From.DayNumber > 366 * 20)
        {
            return Problem.Invalid("to", "DateRangeTooLong");
        }

        if (query.Count is < 1 or > MaxCount)
        {
            return Problem.Invalid("count", "CountInvalid", MaxCount);
        }

        if (query.Equipment?.MinMonitors is < 0 or > 4)
        {
            return Problem.Invalid("minMonitors", "MonitorsInvalid");
        }

        return query.SeatType is not null && !SeatTypes.IsValid(query.SeatType) ? Problem.Invalid("seatType", "SeatTypeInvalid", query.SeatType) : null;
    }

    public async Task<Result<AvailabilityAnswer>> SearchAsync(AccessScope scope, AvailabilityQuery query, int maxProposals = 5, CancellationToken ct = default)
    {
        if (Check(query) is { } problem)
        {
            return problem;
        }

        var need = query.Equipment ?? new EquipmentNeeds();
        var parameters = scope.Parameters(new
        {
            query.ParkId, query.From, query.To, query.BuildingId, query.FloorId, query.SeatType,
            need.Pc, need.Headset, need.PhoneLine, need.MinMonitors, need.PciZone,
        });
        await using var connection = await db.OpenAsync(ct);
        var park = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            $"SELECT p.id FROM parks p WHERE p.id = @ParkId AND {scope.ParkFilter("p.id")}", parameters, cancellationToken: ct));
        if (park is null)
        {
            return Problem.NotFound();
        }

        // From the park's seats and holds in memory while its data version is unchanged (ParkSeatSnapshots): 1. free seats
        // per zone; 2. only the zones that can produce the best proposals; 3. their seats, ranked.
        ZoneFree[] zones;
        IReadOnlyList<long> chosen;
        CandidateSeat[] candidates;
        if (await _snapshots.GetAsync(connection, query.ParkId, ct) is { } snapshot)
        {
            var free = snapshot.Free(query.From, query.To, query.BuildingId, query.FloorId, query.SeatType, need);
            zones = free.PerZone();
            chosen = CandidateZones(zones, query.Count, maxProposals);
            candidates = free.In(chosen);
        }
        else
        {
            // The same in SQL, over the seats alone for the counts (no seat rows leave the database).
            zones = await CountFreePerZoneAsync(connection, scope, parameters, ct);
            chosen = CandidateZones(zones, query.Count, maxProposals);
            candidates = await CandidateSeatsAsync(connection, scope, parameters, chosen, ct);
        }

        var available = zones.Sum(z => z.Free);
        return new AvailabilityAnswer(available, AvailabilityRanking.Rank(candidates, query.Count, maxProposals));
    }
}
