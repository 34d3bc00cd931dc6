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
    public const int MaxCount = 2000;

    private sealed record CandidateRow
    {
        public long Id { get; init; }
        public string Code { get; init; } = "";
        public long ZoneId { get; init; }
        public string ZoneCode { get; init; } = "";
        public long FloorId { get; init; }
        public string FloorName { get; init; } = "";
        public string BuildingCode { get; init; } = "";
        public int X { get; init; }
        public int Y { get; init; }
    }

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
            $"SELECT p.id FROM parks p WHERE p.id = @ParkId AND {AccessScope.ParkFilter("p.id")}", parameters, cancellationToken: ct));
        if (park is null)
        {
            return Problem.NotFound();
        }

        var rows = await connection.QueryAsync<CandidateRow>(new CommandDefinition($"""
            SELECT s.id, s.code, s.zone_id, z.code AS zone_code, f.id AS floor_id, f.name AS floor_name, b.code AS building_code, s.x, s.y
            FROM seats s JOIN zones z ON z.id = s.zone_id JOIN floors f ON f.id = z.floor_id JOIN buildings b ON b.id = f.building_id
            WHERE s.park_id = @ParkId AND {AccessScope.ParkFilter("s.park_id")}
              AND (@BuildingId IS NULL OR b.id = @BuildingId) AND (@FloorId IS NULL OR f.id = @FloorId)
              AND (@SeatType IS NULL OR s.seat_type = @SeatType)
              AND (@Pc IS NULL OR s.has_pc = @Pc) AND (@Headset IS NULL OR s.has_headset = @Headset)
              AND (@PhoneLine IS NULL OR s.has_phone_line = @PhoneLine) AND (@MinMonitors IS NULL OR s.monitors >= @MinMonitors)
              AND (@PciZone IS NULL OR s.pci_zone = @PciZone)
              AND NOT (s.service_status <> 'in_service' AND s.status_since < @To AND (s.status_until IS NULL OR @From < s.status_until))
              AND NOT EXISTS (SELECT 1 FROM seat_holds h WHERE h.seat_id = s.id AND h.kind = 'held'
                              AND h.start_date < @To AND @From < h.end_date)
            """, parameters, cancellationToken: ct));
        var candidates = rows.Select(r => new CandidateSeat(r.Id, r.Code, r.ZoneId, r.ZoneCode, r.FloorId, r.FloorName, r.BuildingCode, r.X, r.Y)).ToArray();
        return new AvailabilityAnswer(candidates.Length, AvailabilityRanking.Rank(candidates, query.Count, maxProposals));
    }
}
