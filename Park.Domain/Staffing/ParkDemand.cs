using System.Globalization;
using Dapper;
using Park.Domain.Access;
using Park.Domain.Data;

namespace Park.Domain.Staffing;

/// <summary>A tenant whose plan needs more seats in a month than it leases on the month's 1st.</summary>
public sealed record TenantNeed(long TenantId, string NameZh, string NameEn, int Leased, int Needed)
{
    public int Extra => Needed - Leased;

    /// <summary>The English name when asked for and known, else the registered Chinese name.</summary>
    public string Name(bool english) => english && NameEn.Length > 0 ? NameEn : NameZh;
}

/// <summary>
/// One month of a park: seats built (not retired), seats leased on the 1st, and the forecast need —
/// for each tenant the larger of what it leases and what its plan scenarios need from their start.
/// </summary>
public sealed record DemandMonth(DateOnly Month, int Built, int Leased, int Forecast, IReadOnlyList<TenantNeed> TenantsNeedingRoom, int? Planned = null)
{
    public int Free => Built - Forecast;
}

/// <summary>
/// A floor whose leased seats drop: fewer seats are held on the 1st of <see cref="Month"/> than on the
/// 1st of the month before, because leases end (net of leases that start on the same floor meanwhile).
/// </summary>
public sealed record FloorRelease(long FloorId, string BuildingCode, string FloorName, DateOnly Month, int SeatsFreed, int LeasedAfter);

/// <summary>A plan scenario counted in the forecast, with when its seats were computed (a scenario's seats are fixed at creation).</summary>
public sealed record PlanForecast(long TenantId, string TenantZh, string TenantEn, string Scenario, DateOnly Start, int SeatsNeeded, DateTimeOffset? ComputedAt)
{
    public string Tenant(bool english) => english && TenantEn.Length > 0 ? TenantEn : TenantZh;
}

public sealed record ParkDemandView(long ParkId, string ParkCode, string ParkName, IReadOnlyList<DemandMonth> Months,
    IReadOnlyList<FloorRelease> FloorsFreeing, IReadOnlyList<PlanForecast> Plans)
{
    /// <summary>The first month the forecast need reaches the built seats, if any.</summary>
    public DateOnly? FullFrom => Months.FirstOrDefault(m => m.Built > 0 && m.Forecast >= m.Built)?.Month;
}

/// <summary>
/// Park demand for administrators (and reviewers, read-only): the next 24 months. Leased seats are
/// counted on the 1st of each month, aggregated in SQL (see <see cref="HeldDeltasSql"/>), so the
/// query returns a few rows per park, tenant and floor instead of every held seat.
/// </summary>
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
        await using var connection = await db.OpenAsync(ct);
        var parameters = scope.Parameters(new { From = first, Last = first.AddMonths(Months - 1), FromKey = MonthKey(first), Months });
        var parks = await connection.QueryAsync<(long Id, string Code, string Name)>(new CommandDefinition(
            $"SELECT p.id, p.code, p.name_zh FROM parks p WHERE {scope.ParkFilter("p.id")} ORDER BY p.code", parameters, cancellationToken: ct));
        var built = (await connection.QueryAsync<(long ParkId, long Seats)>(new CommandDefinition(
            $"SELECT s.park_id, count(*) FROM seats s WHERE s.service_status <> 'retired' AND {scope.ParkFilter("s.park_id")} GROUP BY s.park_id",
            parameters, cancellationToken: ct))).ToDictionary(b => b.ParkId, b => (int)b.Seats);
        var deltas = (await connection.QueryAsync<HeldDelta>(new CommandDefinition(HeldDeltasSql(scope), parameters, cancellationToken: ct))).ToArray();
        var plans = (await connection.QueryAsync<PlanRow>(new CommandDefinition($"""
            SELECT s.park_id AS {nameof(PlanRow.ParkId)}, s.tenant_id AS {nameof(PlanRow.TenantId)}, t.name_zh AS {nameof(PlanRow.NameZh)},
                   t.name_en AS {nameof(PlanRow.NameEn)}, s.name AS {nameof(PlanRow.Scenario)}, s.start_date AS {nameof(PlanRow.Start)},
                   s.seats_needed AS {nameof(PlanRow.Seats)}, s.created_at AS {nameof(PlanRow.CreatedAt)}
            FROM staffing_scenarios s JOIN tenants t ON t.id = s.tenant_id
            WHERE s.is_plan = 1 AND {scope.ParkFilter("s.park_id")}
            ORDER BY t.name_zh, s.name
            """, parameters, cancellationToken: ct))).ToArray();
        var phases = (await connection.QueryAsync<(long ParkId, string From, long Seats)>(new CommandDefinition($"""
            SELECT c.park_id, c.effective_from, c.planned_seats FROM capacity_phases c WHERE {scope.ParkFilter("c.park_id")}
            """, parameters, cancellationToken: ct))).ToArray();
        var floors = (await connection.QueryAsync<(long Id, long ParkId, string Building, string Floor)>(new CommandDefinition($"""
            SELECT f.id, b.park_id, b.code, f.name FROM floors f JOIN buildings b ON b.id = f.building_id
            WHERE {scope.ParkFilter("b.park_id")}
            """, parameters, cancellationToken: ct))).ToDictionary(f => f.Id);

        return parks.Select(p =>
        {
            var mine = deltas.Where(d => d.ParkId == p.Id).ToArray();
            var byTenant = Series(mine.GroupBy(d => d.TenantId));
            var names = plans.Where(s => s.ParkId == p.Id).GroupBy(s => s.TenantId).ToDictionary(g => g.Key, g => (g.First().NameZh, g.First().NameEn));
            var parkPlans = plans.Where(s => s.ParkId == p.Id).Select(s => (s.TenantId, Day(s.Start), (int)s.Seats)).ToArray();
            var parkPhases = phases.Where(c => c.ParkId == p.Id).Select(c => (Day(c.From), (int)c.Seats)).ToArray();
            var months = Enumerable.Range(0, Months).Select(i => Month(first.AddMonths(i), built.GetValueOrDefault(p.Id),
                byTenant.ToDictionary(t => t.Key, t => t.Value[i]), parkPlans, names) with { Planned = PlannedIn(first.AddMonths(i), parkPhases) }).ToArray();
            var releases = Series(mine.GroupBy(d => d.FloorId)).SelectMany(f => Releases(f.Value, first)
                .Select(r => new FloorRelease(f.Key, floors[f.Key].Building, floors[f.Key].Floor, r.Month, r.Freed, r.After)))
                .OrderBy(r => r.Month).ThenBy(r => r.BuildingCode, StringComparer.Ordinal).ThenBy(r => r.FloorName, StringComparer.Ordinal).ToArray();
            var forecasts = plans.Where(s => s.ParkId == p.Id).Select(s => new PlanForecast(s.TenantId, s.NameZh, s.NameEn, s.Scenario, Day(s.Start), (int)s.Seats,
                DateTimeOffset.TryParse(s.CreatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null)).ToArray();
            return new ParkDemandView(p.Id, p.Code, p.Name, months, releases, forecasts);
        }).ToArray();
    }

    /// <summary>
    /// Held seats per park, tenant and floor as changes at month indices 0‥23: a hold counts in month
    /// <c>i</c> when it covers the month's 1st (<c>start ≤ 1st &lt; end</c>), i.e. for <c>i</c> in
    /// [first 1st on or after its start, first 1st on or after its end). So each hold adds +1 at the
    /// first index and −1 at the second, and one pass over the holds (no join with a month list)
    /// yields the counts by prefix sums. A seat is held by at most one lease per day (database
    /// trigger) and a lease's versions do not overlap, so counting rows counts distinct seats.
    /// </summary>
    internal static string HeldDeltasSql(AccessScope scope) => $"""
        WITH spans AS (
            SELECT h.park_id AS park_id, h.tenant_id AS tenant_id, z.floor_id AS floor_id,
                   max(0, {FirstMonthOnOrAfter("h.start_date")}) AS a, min(@Months, {FirstMonthOnOrAfter("h.end_date")}) AS b
            FROM seat_holds h JOIN seats s ON s.id = h.seat_id JOIN zones z ON z.id = s.zone_id
            WHERE h.kind = 'held' AND h.start_date <= @Last AND h.end_date > @From AND {scope.ParkFilter("h.park_id")}
        )
        SELECT park_id AS {nameof(HeldDelta.ParkId)}, tenant_id AS {nameof(HeldDelta.TenantId)}, floor_id AS {nameof(HeldDelta.FloorId)},
               a AS {nameof(HeldDelta.MonthIndex)}, count(*) AS {nameof(HeldDelta.Change)}
        FROM spans WHERE a < b GROUP BY park_id, tenant_id, floor_id, a
        UNION ALL
        SELECT park_id, tenant_id, floor_id, b, -count(*) FROM spans WHERE a < b AND b < @Months GROUP BY park_id, tenant_id, floor_id, b
        """;

    /// <summary>SQL: the index (0 = the first month shown) of the first month's 1st on or after an ISO date.</summary>
    private static string FirstMonthOnOrAfter(string column) =>
        $"(CAST(substr({column}, 1, 4) AS INTEGER) * 12 + CAST(substr({column}, 6, 2) AS INTEGER) - @FromKey + (substr({column}, 9, 2) <> '01'))";

    private static int MonthKey(DateOnly month) => month.Year * 12 + month.Month;

    /// <summary>Settable properties, not a positional record: with no rows SQLite reports untyped columns, which a constructor match refuses.</summary>
    internal sealed class HeldDelta
    {
        public long ParkId { get; init; }

        public long TenantId { get; init; }

        public long FloorId { get; init; }

        public long MonthIndex { get; init; }

        public long Change { get; init; }
    }

    internal sealed record PlanRow(long ParkId, long TenantId, string NameZh, string NameEn, string Scenario, string Start, long Seats, string CreatedAt);

    /// <summary>Seats held on the 1st of each month, per key, from the changes at month indices.</summary>
    internal static Dictionary<long, int[]> Series(IEnumerable<IGrouping<long, HeldDelta>> groups) =>
        groups.ToDictionary(g => g.Key, g =>
        {
            var counts = new int[Months];
            foreach (var d in g)
            {
                counts[d.MonthIndex] += (int)d.Change;
            }

            for (var i = 1; i < Months; i++)
            {
                counts[i] += counts[i - 1];
            }

            return counts;
        });

    /// <summary>The months in which a floor's leased seats drop, with how many seats were freed and how many stay leased.</summary>
    internal static IEnumerable<(DateOnly Month, int Freed, int After)> Releases(int[] leased, DateOnly first) =>
        Enumerable.Range(1, leased.Length - 1).Where(i => leased[i] < leased[i - 1]).Select(i => (first.AddMonths(i), leased[i - 1] - leased[i], leased[i]));

    internal static DemandMonth Month(DateOnly month, int built, IReadOnlyDictionary<long, int> leased,
        IEnumerable<(long Tenant, DateOnly Start, int Seats)> plans, IReadOnlyDictionary<long, (string Zh, string En)> names)
    {
        var next = month.AddMonths(1);
        var planned = plans.Where(p => p.Start < next).GroupBy(p => p.Tenant).ToDictionary(g => g.Key, g => g.Sum(p => p.Seats));
        var forecast = leased.Keys.Union(planned.Keys).Sum(t => Math.Max(leased.GetValueOrDefault(t), planned.GetValueOrDefault(t)));
        var needing = planned.Where(p => p.Value > leased.GetValueOrDefault(p.Key))
            .Select(p =>
            {
                var (zh, en) = names.TryGetValue(p.Key, out var n) ? n : ("#" + p.Key.ToString(CultureInfo.InvariantCulture), "");
                return new TenantNeed(p.Key, zh, en, leased.GetValueOrDefault(p.Key), p.Value);
            })
            .OrderBy(t => t.NameZh, StringComparer.Ordinal).ToArray();
        return new DemandMonth(month, built, leased.Values.Sum(), forecast, needing);
    }

    /// <summary>The planned capacity in force during the month: the latest phase that starts before the month ends.</summary>
    internal static int? PlannedIn(DateOnly month, IEnumerable<(DateOnly From, int Seats)> phases) =>
        phases.Where(c => c.From < month.AddMonths(1)).OrderBy(c => c.From).Select(c => (int?)c.Seats).LastOrDefault();

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
