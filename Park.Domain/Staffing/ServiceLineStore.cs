using Dapper;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;

namespace Park.Domain.Staffing;

/// <summary>A tenant's queue with its targets; rates in basis points (10000 = 100%).</summary>
public sealed class ServiceLine
{
    public long Id { get; init; }
    public long ParkId { get; init; }
    public long TenantId { get; init; }
    public string TenantName { get; init; } = "";
    public string Name { get; init; } = "";
    public long IntervalSeconds { get; init; }
    public long AhtSeconds { get; init; }
    public long SlTargetBp { get; init; }
    public long SlSeconds { get; init; }
    public long ShrinkageBp { get; init; }
    public long MaxOccupancyBp { get; init; }
    public long? PatienceSeconds { get; init; }
    public long? MaxAbandonBp { get; init; }
    public long AgentsPerLead { get; init; }
    public long AgentsPerQa { get; init; }
    public long SeatSharingBp { get; init; }
    public long VolumeIntervals { get; init; }
    public string? FirstInterval { get; init; }
    public string? LastInterval { get; init; }

    public int IntervalsPerDay => (int)(86_400 / IntervalSeconds);

    public LineTargets Targets(long? ahtOverride = null) => new(
        (int)IntervalSeconds, ahtOverride ?? AhtSeconds, SlTargetBp / 10_000.0, SlSeconds, ShrinkageBp / 10_000m, MaxOccupancyBp / 10_000m,
        PatienceSeconds, MaxAbandonBp / 10_000.0, (int)AgentsPerLead, (int)AgentsPerQa, SeatSharingBp / 10_000m);
}

public sealed record NewServiceLine(
    string Name, int IntervalSeconds, int AhtSeconds, int SlTargetPercent, int SlSeconds, int ShrinkagePercent, int MaxOccupancyPercent,
    int? PatienceSeconds = null, int? MaxAbandonPercent = null, int AgentsPerLead = 15, int AgentsPerQa = 25, int SeatSharingPercent = 100);

/// <summary>Service lines: a tenant reads and writes only its own; admins and reviewers read those of their parks.</summary>
public sealed class ServiceLineStore(ParkDatabase db, AuditTrail audit, TimeProvider clock)
{
    private const string Select = """
        SELECT l.id, l.park_id, l.tenant_id, t.name_zh AS tenant_name, l.name, l.interval_seconds, l.aht_seconds, l.sl_target_bp,
               l.sl_seconds, l.shrinkage_bp, l.max_occupancy_bp, l.patience_seconds, l.max_abandon_bp, l.agents_per_lead,
               l.agents_per_qa, l.seat_sharing_bp,
               (SELECT count(*) FROM staffing_volumes v WHERE v.service_line_id = l.id) AS volume_intervals,
               (SELECT min(v.interval_start) FROM staffing_volumes v WHERE v.service_line_id = l.id) AS first_interval,
               (SELECT max(v.interval_start) FROM staffing_volumes v WHERE v.service_line_id = l.id) AS last_interval
        FROM staffing_service_lines l JOIN tenants t ON t.id = l.tenant_id
        """;

    private static string Where(AccessScope scope) => $"WHERE {scope.ParkFilter("l.park_id")} AND {scope.TenantFilter("l.tenant_id")}";

    public async Task<Page<ServiceLine>> ListAsync(AccessScope scope, PageRequest page, CancellationToken ct = default)
    {
        var parameters = scope.Parameters(new { Limit = page.SafePageSize, page.Offset });
        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT count(*) FROM staffing_service_lines l {Where(scope)}", parameters, cancellationToken: ct));
        var rows = await connection.QueryAsync<ServiceLine>(new CommandDefinition(
            $"{Select} {Where(scope)} ORDER BY l.name LIMIT @Limit OFFSET @Offset", parameters, cancellationToken: ct));
        return new Page<ServiceLine>(rows.ToArray(), total);
    }

    /// <summary>The line if the scope may see it; null reads the same for missing and out-of-scope ids.</summary>
    public async Task<ServiceLine?> GetAsync(AccessScope scope, long id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ServiceLine>(new CommandDefinition(
            $"{Select} {Where(scope)} AND l.id = @Id", scope.Parameters(new { Id = id }), cancellationToken: ct));
    }

    public async Task<Result<long>> CreateAsync(AccessScope scope, NewServiceLine input, CancellationToken ct = default)
    {
        if (!scope.IsTenant)
        {
            return Problem.NotAllowed();
        }

        if (Check(input) is { } problem)
        {
            return problem;
        }

        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction(deferred: false);
        var parkId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT park_id FROM tenants WHERE id = @TenantId", new { scope.TenantId }, tx, cancellationToken: ct));
        if (parkId is null)
        {
            return Problem.NotAllowed();
        }

        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM staffing_service_lines WHERE tenant_id = @TenantId AND name = @Name)",
            new { scope.TenantId, Name = input.Name.Trim() }, tx, cancellationToken: ct));
        if (exists)
        {
            return Problem.Conflict("Staffing.LineNameTaken");
        }

        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO staffing_service_lines (park_id, tenant_id, name, interval_seconds, aht_seconds, sl_target_bp, sl_seconds,
                shrinkage_bp, max_occupancy_bp, patience_seconds, max_abandon_bp, agents_per_lead, agents_per_qa, seat_sharing_bp, created_at)
            VALUES (@ParkId, @TenantId, @Name, @IntervalSeconds, @AhtSeconds, @SlTargetBp, @SlSeconds, @ShrinkageBp, @MaxOccupancyBp,
                @PatienceSeconds, @MaxAbandonBp, @AgentsPerLead, @AgentsPerQa, @SeatSharingBp, @Now)
            RETURNING id
            """, new
        {
            ParkId = parkId, scope.TenantId, Name = input.Name.Trim(), input.IntervalSeconds, input.AhtSeconds,
            SlTargetBp = input.SlTargetPercent * 100, input.SlSeconds, ShrinkageBp = input.ShrinkagePercent * 100,
            MaxOccupancyBp = input.MaxOccupancyPercent * 100, input.PatienceSeconds, MaxAbandonBp = input.MaxAbandonPercent * 100,
            input.AgentsPerLead, input.AgentsPerQa, SeatSharingBp = input.SeatSharingPercent * 100, Now = clock.GetUtcNow(),
        }, tx, cancellationToken: ct));
        await audit.RecordAsync(connection, tx, AuditActor.From(scope), new AuditEntry("staffing.line.create", "staffing_service_line",
            id.ToString(System.Globalization.CultureInfo.InvariantCulture), Details: input.Name.Trim(), ParkId: parkId, TenantId: scope.TenantId), ct);
        await tx.CommitAsync(ct);
        return id;
    }

    private static Problem? Check(NewServiceLine input) => input switch
    {
        _ when string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 100 => Problem.Invalid("name", "Staffing.Required"),
        _ when input.IntervalSeconds is not (900 or 1800 or 3600) => Problem.Invalid("intervalSeconds", StaffingCodes.IntervalSecondsInvalid),
        _ when input.AhtSeconds is < 1 or > 86_400 => Problem.Invalid("ahtSeconds", StaffingCodes.AhtOutOfRange),
        _ when input.SlTargetPercent is < 0 or > 99 => Problem.Invalid("slTargetPercent", StaffingCodes.ServiceLevelOutOfRange),
        _ when input.SlSeconds is < 1 or > 3600 => Problem.Invalid("slSeconds", StaffingCodes.ThresholdOutOfRange),
        _ when input.ShrinkagePercent is < 0 or > 90 => Problem.Invalid("shrinkagePercent", StaffingCodes.ShrinkageOutOfRange),
        _ when input.MaxOccupancyPercent is < 1 or > 100 => Problem.Invalid("maxOccupancyPercent", StaffingCodes.OccupancyCapOutOfRange),
        _ when input.PatienceSeconds is < 1 or > 86_400 => Problem.Invalid("patienceSeconds", StaffingCodes.PatienceOutOfRange),
        _ when input.MaxAbandonPercent is < 1 or > 100 => Problem.Invalid("maxAbandonPercent", StaffingCodes.MaxAbandonOutOfRange),
        _ when input.MaxAbandonPercent is not null && input.PatienceSeconds is null => Problem.Invalid("maxAbandonPercent", StaffingCodes.MaxAbandonNeedsPatience),
        _ when input.AgentsPerLead is < 0 or > 1000 || input.AgentsPerQa is < 0 or > 1000 => Problem.Invalid("agentsPerLead", "Staffing.RatioOutOfRange"),
        _ when input.SeatSharingPercent is < 10 or > 100 => Problem.Invalid("seatSharingPercent", "Staffing.SharingOutOfRange"),
        _ => null,
    };
}
