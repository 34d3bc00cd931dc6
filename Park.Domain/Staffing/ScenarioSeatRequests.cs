using System.Globalization;
using Dapper;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;
using Park.Domain.Leasing;

namespace Park.Domain.Staffing;

/// <summary>
/// A scenario's seat shortfall from today on: <see cref="Date"/> is the worst day (most seats needed beyond the seats
/// leased that day), <see cref="From"/> the first day short of seats (when the extra seats are wanted).
/// </summary>
public sealed record SeatShortfall(DateOnly Date, long Needed, int Leased, DateOnly From)
{
    public long Missing => Needed - Leased;

    /// <summary>The day (today or later) where needed − leased is largest, the earliest on ties; null when the lease covers every day.</summary>
    public static SeatShortfall? Of(ScenarioPlan plan, DateOnly today)
    {
        SeatShortfall? worst = null;
        DateOnly? first = null;
        var days = plan.Requirement.Days;
        for (var i = 0; i < days.Count && i < plan.LeasedByDay.Count; i++)
        {
            if (days[i].Day < today)
            {
                continue;
            }

            var gap = days[i].SeatsNeeded - plan.LeasedByDay[i];
            first ??= gap > 0 ? days[i].Day : null;
            if (gap > 0 && (worst is null || gap > worst.Missing))
            {
                worst = new SeatShortfall(days[i].Day, days[i].SeatsNeeded, plan.LeasedByDay[i], first!.Value);
            }
        }

        return worst;
    }
}

/// <summary>
/// A tenant raises a seat request from a scenario whose seats exceed its lease: an <c>add_seats</c>
/// request through <see cref="LeaseService.CreateRequestAsync"/> (the leasing request flow and the park's
/// queue), with the forecast written into the request's reason.
/// </summary>
public sealed class ScenarioSeatRequests(ParkDatabase db, ScenarioStore scenarios, LeaseService leases, TimeProvider clock)
{
    public async Task<SeatShortfall?> ShortfallAsync(AccessScope scope, long scenarioId, CancellationToken ct = default) =>
        await scenarios.PlanAsync(scope, scenarioId, ct) is { } plan ? SeatShortfall.Of(plan, clock.Today()) : null;

    public async Task<Result<long>> RaiseAsync(AccessScope scope, AuditActor actor, long scenarioId, CancellationToken ct = default)
    {
        var plan = await scenarios.PlanAsync(scope, scenarioId, ct);
        if (plan is null)
        {
            return Problem.NotFound();
        }

        if (!scope.IsTenant)
        {
            return Problem.NotAllowed();
        }

        if (SeatShortfall.Of(plan, clock.Today()) is not { } shortfall)
        {
            return Problem.Conflict("Staffing.NoSeatShortfall");
        }

        var leaseId = await LeaseForAsync(scope, plan.Scenario, shortfall.From, ct);
        if (leaseId is null)
        {
            return Problem.Conflict("Staffing.NoLeaseForRequest", shortfall.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return await leases.CreateRequestAsync(scope, actor,
            new NewLeaseRequest(leaseId.Value, "add_seats", (int)Math.Min(shortfall.Missing, 5000), "", shortfall.From, Reason(plan, shortfall)), ct);
    }

    /// <summary>The forecast as the request's reason (both languages: the park reads it in either).</summary>
    public static string Reason(ScenarioPlan plan, SeatShortfall shortfall) => string.Create(CultureInfo.InvariantCulture,
        $"Staffing scenario 人员情景 \"{Cut(plan.Scenario.Name)}\" ({Cut(plan.Line.Name)}): peak seats needed 所需座席 {shortfall.Needed} vs leased 已租 {shortfall.Leased} on {shortfall.Date:yyyy-MM-dd}; short 缺口 {shortfall.Missing}, from 自 {shortfall.From:yyyy-MM-dd}.");

    private static string Cut(string text) => text.Length <= 100 ? text : text[..100];

    /// <summary>The tenant's signed, not ended lease in the scenario's park whose term covers the date (the largest first).</summary>
    private async Task<long?> LeaseForAsync(AccessScope scope, Scenario scenario, DateOnly date, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QueryFirstOrDefaultAsync<long?>(new CommandDefinition($"""
            SELECT l.id FROM leases l
            WHERE l.tenant_id = @TenantId AND l.park_id = @ParkId AND l.status = 'signed' AND l.stage <> 'ended'
              AND l.start_date <= @Date AND l.end_date > @Date
              AND {scope.ParkFilter("l.park_id")} AND {scope.TenantFilter("l.tenant_id")}
            ORDER BY (SELECT COUNT(*) FROM seat_holds h WHERE h.lease_id = l.id AND h.kind = 'held' AND h.start_date <= @Date AND h.end_date > @Date) DESC, l.id
            LIMIT 1
            """, scope.Parameters(new { scenario.TenantId, scenario.ParkId, Date = date }), cancellationToken: ct));
    }
}
