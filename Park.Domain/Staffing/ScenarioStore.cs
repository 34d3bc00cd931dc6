using System.Globalization;
using Dapper;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;

namespace Park.Domain.Staffing;

public sealed class Scenario
{
    public long Id { get; init; }
    public long ParkId { get; init; }
    public long TenantId { get; init; }
    public long ServiceLineId { get; init; }
    public string LineName { get; init; } = "";
    public string Name { get; init; } = "";
    public string Method { get; init; } = "";
    public DateOnly StartDate { get; init; }
    public long Weeks { get; init; }
    public long GrowthBp { get; init; }
    public long? AhtSeconds { get; init; }
    public long IsPlan { get; init; }

    public bool Planned => IsPlan == 1;
    public long PeakPositions { get; init; }
    public long SeatsNeeded { get; init; }

    public DateOnly EndDate => StartDate.AddDays(7 * (int)Weeks);
}

public sealed record NewScenario(long ServiceLineId, string Name, ForecastMethod Method, int Weeks, decimal GrowthPercent, int? AhtSeconds, bool IsPlan);

/// <summary>A scenario's forecast and requirement, with the seats the tenant holds on each day.</summary>
public sealed record ScenarioPlan(Scenario Scenario, ServiceLine Line, RequirementPlan Requirement, IReadOnlyList<int> LeasedByDay);

/// <summary>What-if scenarios of a service line: forecast × growth → agents, positions, seats.</summary>
public sealed class ScenarioStore(ParkDatabase db, ServiceLineStore lines, VolumeStore volumes, AuditTrail audit, TimeProvider clock)
{
    private const string Select = """
        SELECT s.id, s.park_id, s.tenant_id, s.service_line_id, l.name AS line_name, s.name, s.method, s.start_date, s.weeks,
               s.growth_bp, s.aht_seconds, s.is_plan, s.peak_positions, s.seats_needed
        FROM staffing_scenarios s JOIN staffing_service_lines l ON l.id = s.service_line_id
        """;

    private static string Where(AccessScope scope) => $"WHERE {scope.ParkFilter("s.park_id")} AND {scope.TenantFilter("s.tenant_id")}";

    public async Task<IReadOnlyList<Scenario>> ListAsync(AccessScope scope, long lineId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<Scenario>(new CommandDefinition(
            $"{Select} {Where(scope)} AND s.service_line_id = @LineId ORDER BY s.id", scope.Parameters(new { LineId = lineId }), cancellationToken: ct));
        return rows.ToArray();
    }

    public async Task<Scenario?> GetAsync(AccessScope scope, long id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Scenario>(new CommandDefinition(
            $"{Select} {Where(scope)} AND s.id = @Id", scope.Parameters(new { Id = id }), cancellationToken: ct));
    }

    public async Task<Result<long>> CreateAsync(AccessScope scope, NewScenario input, CancellationToken ct = default)
    {
        var line = await lines.GetAsync(scope, input.ServiceLineId, ct);
        if (line is null)
        {
            return Problem.NotFound();
        }

        if (!scope.IsTenant)
        {
            return Problem.NotAllowed();
        }

        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 100)
        {
            return Problem.Invalid("name", StaffingCodes.Required);
        }

        if (input.Weeks is < 1 or > 13)
        {
            return Problem.Invalid("weeks", "Staffing.WeeksOutOfRange");
        }

        if (input.GrowthPercent is < -90 or > 1000)
        {
            return Problem.Invalid("growthPercent", "Staffing.GrowthOutOfRange");
        }

        if (input.AhtSeconds is < 1 or > 86_400)
        {
            return Problem.Invalid("ahtSeconds", StaffingCodes.AhtOutOfRange);
        }

        var history = await volumes.HistoryAsync(line, ct);
        if (history.Weeks < 1)
        {
            return Problem.Invalid("serviceLineId", "Staffing.NoHistory");
        }

        var growthBp = (long)decimal.Round(input.GrowthPercent * 100, MidpointRounding.AwayFromZero);
        var requirement = Compute(line, history, Forecasting.Code(input.Method), input.Weeks, growthBp, input.AhtSeconds);
        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction(deferred: false);
        var taken = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM staffing_scenarios WHERE service_line_id = @LineId AND name = @Name)",
            new { LineId = line.Id, Name = input.Name.Trim() }, tx, cancellationToken: ct));
        if (taken)
        {
            return Problem.Conflict("Staffing.ScenarioNameTaken");
        }

        if (input.IsPlan)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE staffing_scenarios SET is_plan = 0, row_version = row_version + 1 WHERE service_line_id = @LineId AND is_plan = 1",
                new { LineId = line.Id }, tx, cancellationToken: ct));
        }

        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO staffing_scenarios (park_id, tenant_id, service_line_id, name, method, start_date, weeks, growth_bp, aht_seconds,
                is_plan, peak_positions, seats_needed, created_at)
            VALUES (@ParkId, @TenantId, @LineId, @Name, @Method, @Start, @Weeks, @GrowthBp, @Aht, @IsPlan, @Peak, @Seats, @Now)
            RETURNING id
            """, new
        {
            line.ParkId, line.TenantId, LineId = line.Id, Name = input.Name.Trim(), Method = Forecasting.Code(input.Method),
            Start = history.NextMonday, input.Weeks, GrowthBp = growthBp, Aht = input.AhtSeconds, IsPlan = input.IsPlan ? 1 : 0,
            Peak = requirement.PeakPositions, Seats = requirement.SeatsNeeded, Now = clock.GetUtcNow(),
        }, tx, cancellationToken: ct));
        await audit.RecordAsync(connection, tx, AuditActor.From(scope), new AuditEntry("staffing.scenario.create", "staffing_scenario",
            id.ToString(CultureInfo.InvariantCulture), Details: $"{input.Name.Trim()}: {requirement.SeatsNeeded} seats",
            ParkId: line.ParkId, TenantId: line.TenantId), ct);
        await tx.CommitAsync(ct);
        return id;
    }

    /// <summary>The scenario recomputed in full (the engine is fast enough to do it on every view).</summary>
    public async Task<ScenarioPlan?> PlanAsync(AccessScope scope, long id, CancellationToken ct = default)
    {
        var scenario = await GetAsync(scope, id, ct);
        var line = scenario is null ? null : await lines.GetAsync(scope, scenario.ServiceLineId, ct);
        if (scenario is null || line is null)
        {
            return null;
        }

        var history = await volumes.HistoryAsync(line, ct);
        var requirement = Compute(line, history, scenario.Method, (int)scenario.Weeks, scenario.GrowthBp, scenario.AhtSeconds, scenario.StartDate);
        var leased = await LeasedByDayAsync(line.TenantId, scenario.StartDate, scenario.EndDate, ct);
        return new ScenarioPlan(scenario, line, requirement, leased);
    }

    internal static RequirementPlan Compute(ServiceLine line, VolumeHistory history, string method, int weeks, long growthBp, long? aht, DateOnly? start = null)
    {
        var forecast = Forecasting.Forecast(Forecasting.Parse(method), history.Offered, history.Season, weeks * history.Season);
        var factor = 1 + (growthBp / 10_000.0);
        for (var i = 0; i < forecast.Length; i++)
        {
            forecast[i] *= factor;
        }

        var first = (start ?? history.NextMonday).ToDateTime(TimeOnly.MinValue);
        return Requirement.Compute(first, forecast, line.Targets(aht));
    }

    /// <summary>Seats the tenant holds (kind 'held') on each day of [from, to).</summary>
    internal async Task<IReadOnlyList<int>> LeasedByDayAsync(long tenantId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var holds = await connection.QueryAsync<(string Start, string End)>(new CommandDefinition("""
            SELECT start_date, end_date FROM seat_holds
            WHERE tenant_id = @TenantId AND kind = 'held' AND start_date < @To AND end_date > @From
            """, new { TenantId = tenantId, From = from, To = to }, cancellationToken: ct));
        var counts = new int[to.DayNumber - from.DayNumber];
        foreach (var (startText, endText) in holds)
        {
            var start = DateOnly.ParseExact(startText, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var end = DateOnly.ParseExact(endText, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            for (var d = Math.Max(start.DayNumber, from.DayNumber); d < Math.Min(end.DayNumber, to.DayNumber); d++)
            {
                counts[d - from.DayNumber]++;
            }
        }

        return counts;
    }
}
