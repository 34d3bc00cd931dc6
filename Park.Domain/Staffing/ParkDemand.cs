using System.Globalization;
using Dapper;
using Park.Domain.Access;
using Park.Domain.Data;

namespace Park.Domain.Staffing;

/// <summary>
/// One month of a park: seats built (not retired), seats leased on the 1st, and the forecast need —
/// for each tenant the larger of what it leases and what its plan scenarios need from their start.
/// </summary>
public sealed record DemandMonth(DateOnly Month, int Built, int Leased, int Forecast, IReadOnlyList<string> TenantsNeedingRoom, int? Planned = null)
{
    public int Free => Built - Forecast;
}

public sealed record ParkDemandView(long ParkId, string ParkCode, string ParkName, IReadOnlyList<DemandMonth> Months)
{
    /// <summary>The first month the forecast need reaches the built seats, if any.</summary>
    public DateOnly? FullFrom => Months.FirstOrDefault(m => m.Built > 0 && m.Forecast >= m.Built)?.Month;
}

/// <summary>Park demand for administrators (and reviewers, read-only): the next 24 months.</summary>
public sealed class ParkDemandQueries(ParkDatabase db, TimeProvider clock)
{
    public const int Months = 24;

    public async Task<Result<IReadOnlyList<ParkDemandView>>> ForScopeAsync(AccessScope scope, CancellationToken ct = default)
    {
        if (!scope.IsParkAdmin && !scope.IsReviewer)
        {
            return Problem.NotAllowed();
        }

        var today = clock.Today();
        var first = new DateOnly(today.Year, today.Month, 1);
        var end = first.AddMonths(Months);
        await using var connection = await db.OpenAsync(ct);
        var parameters = scope.Parameters(new { From = first, To = end });
        var parks = await connection.QueryAsync<(long Id, string Code, string Name)>(new CommandDefinition(
            $"SELECT p.id, p.code, p.name_zh FROM parks p WHERE {AccessScope.ParkFilter("p.id")} ORDER BY p.code", parameters, cancellationToken: ct));
        var built = (await connection.QueryAsync<(long ParkId, long Seats)>(new CommandDefinition(
            "SELECT park_id, count(*) FROM seats WHERE service_status <> 'retired' GROUP BY park_id", cancellationToken: ct)))
            .ToDictionary(b => b.ParkId, b => (int)b.Seats);
        var holds = (await connection.QueryAsync<(long ParkId, long TenantId, long SeatId, string Start, string End)>(new CommandDefinition($"""
            SELECT h.park_id, h.tenant_id, h.seat_id, h.start_date, h.end_date FROM seat_holds h
            WHERE h.kind = 'held' AND h.start_date < @To AND h.end_date > @From AND {AccessScope.ParkFilter("h.park_id")}
            """, parameters, cancellationToken: ct))).ToArray();
        var plans = (await connection.QueryAsync<(long ParkId, long TenantId, string Tenant, string Start, long Seats)>(new CommandDefinition($"""
            SELECT s.park_id, s.tenant_id, t.name_zh, s.start_date, s.seats_needed
            FROM staffing_scenarios s JOIN tenants t ON t.id = s.tenant_id
            WHERE s.is_plan = 1 AND {AccessScope.ParkFilter("s.park_id")}
            """, parameters, cancellationToken: ct))).ToArray();
        var phases = (await connection.QueryAsync<(long ParkId, string From, long Seats)>(new CommandDefinition($"""
            SELECT c.park_id, c.effective_from, c.planned_seats FROM capacity_phases c WHERE {AccessScope.ParkFilter("c.park_id")}
            """, parameters, cancellationToken: ct))).ToArray();
        var names = (await connection.QueryAsync<(long Id, string Name)>(new CommandDefinition(
            "SELECT id, name_zh FROM tenants", cancellationToken: ct))).ToDictionary(t => t.Id, t => t.Name);

        return parks.Select(p => new ParkDemandView(p.Id, p.Code, p.Name,
            Enumerable.Range(0, Months).Select(i => Month(first.AddMonths(i), built.GetValueOrDefault(p.Id),
                holds.Where(h => h.ParkId == p.Id).Select(h => (h.TenantId, h.SeatId, Day(h.Start), Day(h.End))),
                plans.Where(s => s.ParkId == p.Id).Select(s => (s.TenantId, Day(s.Start), (int)s.Seats)), names)
                with { Planned = PlannedIn(first.AddMonths(i), phases.Where(c => c.ParkId == p.Id).Select(c => (Day(c.From), (int)c.Seats))) }).ToArray())).ToArray();
    }

    internal static DemandMonth Month(DateOnly month, int built, IEnumerable<(long Tenant, long Seat, DateOnly Start, DateOnly End)> holds,
        IEnumerable<(long Tenant, DateOnly Start, int Seats)> plans, IReadOnlyDictionary<long, string> names)
    {
        var next = month.AddMonths(1);
        var leased = holds.Where(h => h.Start <= month && month < h.End).GroupBy(h => h.Tenant).ToDictionary(g => g.Key, g => g.Select(h => h.Seat).Distinct().Count());
        var planned = plans.Where(p => p.Start < next).GroupBy(p => p.Tenant).ToDictionary(g => g.Key, g => g.Sum(p => p.Seats));
        var forecast = leased.Keys.Union(planned.Keys).Sum(t => Math.Max(leased.GetValueOrDefault(t), planned.GetValueOrDefault(t)));
        var needing = planned.Where(p => p.Value > leased.GetValueOrDefault(p.Key))
            .Select(p => $"{names.GetValueOrDefault(p.Key, "#" + p.Key.ToString(CultureInfo.InvariantCulture))} (+{p.Value - leased.GetValueOrDefault(p.Key)})")
            .Order(StringComparer.Ordinal).ToArray();
        return new DemandMonth(month, built, leased.Values.Sum(), forecast, needing);
    }

    /// <summary>The planned capacity in force during the month: the latest phase that starts before the month ends.</summary>
    internal static int? PlannedIn(DateOnly month, IEnumerable<(DateOnly From, int Seats)> phases) =>
        phases.Where(c => c.From < month.AddMonths(1)).OrderBy(c => c.From).Select(c => (int?)c.Seats).LastOrDefault();

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
