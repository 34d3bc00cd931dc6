using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Park.Domain.Staffing;
using Park.Web.Access;
using Park.Web.Resources;

namespace Park.Web.Api;

/// <summary>
/// <c>POST /api/v1/staffing/calculate</c>: intervals in, per-interval agents, positions and
/// achieved service out, in the same order. All or nothing: a 400 problem names every bad
/// interval and field (<c>intervals[3].volume</c>).
/// </summary>
public static class StaffingApi
{
    public sealed record CalculateRequest(IReadOnlyList<IntervalIn>? Intervals);

    /// <summary>
    /// One interval as a client sends it. Every column the CSV requires is nullable here so that a
    /// missing one is reported (<c>intervals[3].volume</c>: required), never read as 0.
    /// </summary>
    public sealed record IntervalIn(
        string? IntervalStart,
        int? IntervalSeconds,
        decimal? Volume,
        decimal? AhtSeconds,
        double? SlTarget,
        double? SlSeconds,
        decimal? Shrinkage,
        decimal? MaxOccupancy,
        double? PatienceSeconds = null,
        double? MaxAbandon = null,
        double? MaxAsaSeconds = null,
        int? MaxAgents = null);

    /// <summary>
    /// One result: the interval's input columns as understood (defaults of optional targets are
    /// null), then the results, as the CSV output has them. For an unreachable interval,
    /// <see cref="MaxServableVolume"/> and <see cref="MaxServableLoad"/> are the largest volume and
    /// offered load (Erlangs) the capped staff serves meeting every target.
    /// </summary>
    public sealed record IntervalOut(
        string IntervalStart,
        int IntervalSeconds,
        decimal Volume,
        decimal AhtSeconds,
        double SlTarget,
        double SlSeconds,
        decimal Shrinkage,
        decimal MaxOccupancy,
        double? PatienceSeconds,
        double? MaxAbandon,
        double? MaxAsaSeconds,
        int? MaxAgents,
        int Agents,
        long Positions,
        double LoadErlangs,
        double? ServiceLevel,
        double? AsaSeconds,
        double? Occupancy,
        double? WaitProbability,
        double? AbandonRate,
        string Status,
        double? MaxServableVolume,
        double? MaxServableLoad,
        string? Message);

    public static void MapStaffingApi(this RouteGroupBuilder v1)
    {
        v1.MapPost("/staffing/calculate", CalculateAsync)
            .WithName("CalculateStaffing")
            .WithSummary("Agents, positions and achieved service per interval (Erlang C, or Erlang A when patienceSeconds is given).")
            .Accepts<CalculateRequest>("application/json")
            .ProducesValidationProblem();
        v1.MapGet("/staffing/volume-template.csv", () => TypedResults.File(System.Text.Encoding.UTF8.GetBytes(VolumeCsv.Template), "text/csv", "volumes-template.csv"))
            .WithName("StaffingVolumeTemplate")
            .WithSummary("The CSV template for importing a service line's interval volumes.");
        v1.MapGet("/staffing/lines", ListLinesAsync).WithName("ListServiceLines").WithSummary("The caller's service lines.");
        v1.MapGet("/staffing/lines/{id:long}", GetLineAsync).WithName("GetServiceLine").WithSummary("One service line with its scenarios.");
        v1.MapGet("/staffing/scenarios/{id:long}", GetScenarioAsync).WithName("GetScenario").WithSummary("A scenario with its daily requirement and seats.");
    }

    public sealed record LineOut(long Id, string Name, long IntervalSeconds, long AhtSeconds, double SlTarget, long SlSeconds, long VolumeIntervals, IReadOnlyList<ScenarioOut> Scenarios);

    public sealed record ScenarioOut(long Id, string Name, string Method, DateOnly StartDate, long Weeks, decimal GrowthPercent, bool IsPlan, long PeakPositions, long SeatsNeeded);

    public sealed record DayOut(DateOnly Day, double Volume, int PeakAgents, long PeakPositions, long SeatsNeeded, int SeatsLeased);

    public sealed record ScenarioDetail(ScenarioOut Scenario, long ServiceLineId, IReadOnlyList<DayOut> Days);

    private static ScenarioOut ToOut(Scenario s) =>
        new(s.Id, s.Name, s.Method, s.StartDate, s.Weeks, s.GrowthBp / 100m, s.Planned, s.PeakPositions, s.SeatsNeeded);

    private static async Task<Ok<ParkApi.ListResponse<LineOut>>> ListLinesAsync(
        ScopeProvider scopes, ServiceLineStore lines, int? page, int? pageSize, CancellationToken ct)
    {
        var scope = await scopes.RequireAsync(ct);
        var found = await lines.ListAsync(scope, new Park.Domain.Data.PageRequest(page ?? 1, pageSize ?? 25), ct);
        return TypedResults.Ok(new ParkApi.ListResponse<LineOut>(found.Items.Select(l => ToOut(l, [])).ToArray(), found.Total));
    }

    private static LineOut ToOut(ServiceLine l, IReadOnlyList<ScenarioOut> scenarios) =>
        new(l.Id, l.Name, l.IntervalSeconds, l.AhtSeconds, l.SlTargetBp / 10_000.0, l.SlSeconds, l.VolumeIntervals, scenarios);

    private static async Task<Results<Ok<LineOut>, NotFound>> GetLineAsync(
        long id, ScopeProvider scopes, ServiceLineStore lines, ScenarioStore scenarios, CancellationToken ct)
    {
        var scope = await scopes.RequireAsync(ct);
        var line = await lines.GetAsync(scope, id, ct);
        if (line is null)
        {
            return TypedResults.NotFound();
        }

        var list = await scenarios.ListAsync(scope, id, ct);
        return TypedResults.Ok(ToOut(line, list.Select(ToOut).ToArray()));
    }

    private static async Task<Results<Ok<ScenarioDetail>, NotFound>> GetScenarioAsync(
        long id, ScopeProvider scopes, ScenarioStore scenarios, CancellationToken ct)
    {
        var plan = await scenarios.PlanAsync(await scopes.RequireAsync(ct), id, ct);
        if (plan is null)
        {
            return TypedResults.NotFound();
        }

        var days = plan.Requirement.Days.Select((d, i) => new DayOut(d.Day, Math.Round(d.Volume, 2), d.PeakAgents, d.PeakPositions, d.SeatsNeeded,
            i < plan.LeasedByDay.Count ? plan.LeasedByDay[i] : 0)).ToArray();
        return TypedResults.Ok(new ScenarioDetail(ToOut(plan.Scenario), plan.Line.Id, days));
    }

    private static async Task<Results<Ok<ParkApi.ListResponse<IntervalOut>>, ValidationProblem, StatusCodeHttpResult>> CalculateAsync(
        HttpRequest http, IStringLocalizer<StaffingStrings> l, CancellationToken ct)
    {
        if (!http.HasJsonContentType())
        {
            // JSON only: a cross-site form cannot post it with the user's cookie.
            return TypedResults.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        CalculateRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<CalculateRequest>(http.Body, JsonSerializerOptions.Web, ct);
        }
        catch (JsonException ex)
        {
            var path = string.IsNullOrEmpty(ex.Path) ? "body" : ex.Path.TrimStart('$', '.');
            return Invalid(l, new Dictionary<string, string[]> { [path] = [l["ApiStaffingBadJson"]] });
        }

        var given = body?.Intervals ?? [];
        if (given.Count == 0 || given.Count > IntervalBatch.MaxRows)
        {
            var code = given.Count == 0 ? StaffingCodes.NoRows : StaffingCodes.TooManyRows;
            return Invalid(l, new Dictionary<string, string[]> { ["intervals"] = [l[code, IntervalBatch.MaxRows]] });
        }

        var problems = new List<RowProblem>();
        var intervals = new List<IntervalInput>(given.Count);
        for (var i = 0; i < given.Count; i++)
        {
            if (ToInput(i, given[i], problems) is { } interval)
            {
                intervals.Add(interval);
            }
        }

        problems.AddRange(IntervalBatch.Check(intervals));
        if (problems.Count > 0)
        {
            var errors = problems
                .GroupBy(p => p.Field is null ? $"intervals[{p.Row}]" : $"intervals[{p.Row}].{CamelCase(p.Field)}")
                .ToDictionary(g => g.Key, g => g.Select(p => l[p.Code, p.Args].Value).ToArray());
            return Invalid(l, errors);
        }

        var work = IntervalBatch.Work(intervals);
        if (work > IntervalBatch.MaxWork)
        {
            return Invalid(l, new Dictionary<string, string[]> { ["intervals"] = [l[StaffingCodes.TooMuchWork, work, IntervalBatch.MaxWork]] });
        }

        // Every row passed the checks, so intervals[i] is given[i].
        var results = IntervalBatch.Calculate(intervals, ct);
        var items = new IntervalOut[results.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var r = results[i];
            var q = intervals[i].Request;
            items[i] = new IntervalOut(given[i].IntervalStart!, q.IntervalSeconds, q.Volume, q.AhtSeconds, q.ServiceLevelTarget, q.ThresholdSeconds,
                q.Shrinkage, q.MaxOccupancy, q.PatienceSeconds, q.MaxAbandon, q.MaxAsaSeconds, q.MaxAgents,
                r.Agents, r.Positions, r.LoadErlangs, Finite(r.ServiceLevel), Finite(r.AsaSeconds), Finite(r.Occupancy), Finite(r.WaitProbability),
                r.AbandonRate, IntervalCsv.Status(r), r.MaxServableVolume, r.MaxServableLoad,
                r.Reason is null ? null : l[r.Reason, r.MaxServableVolume ?? 0].Value);
        }

        return TypedResults.Ok(new ParkApi.ListResponse<IntervalOut>(items, items.Length));
    }

    /// <summary>
    /// The interval, or null with every problem of it noted: each missing required field, a bad
    /// start, and the range problems of the fields that were given (as the CSV path reports them).
    /// </summary>
    private static IntervalInput? ToInput(int row, IntervalIn? g, List<RowProblem> problems)
    {
        if (g is null)
        {
            problems.Add(new RowProblem(row, null, StaffingCodes.Required));
            return null;
        }

        var before = problems.Count;
        void Require(object? value, string field)
        {
            if (value is null)
            {
                problems.Add(new RowProblem(row, field, StaffingCodes.Required));
            }
        }

        DateTime start = default;
        if (string.IsNullOrWhiteSpace(g.IntervalStart))
        {
            Require(null, StaffingFields.IntervalStart);
        }
        else if (!IntervalBatch.TryParseStart(g.IntervalStart, out start))
        {
            problems.Add(new RowProblem(row, StaffingFields.IntervalStart, StaffingCodes.IntervalStartInvalid, g.IntervalStart));
        }

        Require(g.IntervalSeconds, StaffingFields.IntervalSeconds);
        Require(g.Volume, StaffingFields.Volume);
        Require(g.AhtSeconds, StaffingFields.AhtSeconds);
        Require(g.SlTarget, StaffingFields.SlTarget);
        Require(g.SlSeconds, StaffingFields.SlSeconds);
        Require(g.Shrinkage, StaffingFields.Shrinkage);
        Require(g.MaxOccupancy, StaffingFields.MaxOccupancy);
        var request = new StaffingRequest(g.Volume ?? 0, g.IntervalSeconds ?? 0, g.AhtSeconds ?? 0, g.SlTarget ?? 0, g.SlSeconds ?? 0,
            g.Shrinkage ?? 0, g.MaxOccupancy ?? 0, g.PatienceSeconds, g.MaxAbandon, g.MaxAsaSeconds, g.MaxAgents);
        if (problems.Count == before)
        {
            return new IntervalInput(row, start, request);
        }

        // Fields that were given are still checked, so one answer names every bad field of the row.
        var noted = problems.Skip(before).Select(p => p.Field).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(request.Validate().Where(v => !noted.Contains(v.Field)).Select(v => new RowProblem(row, v.Field, v.Code)));
        return null;
    }

    private static ValidationProblem Invalid(IStringLocalizer l, Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: l["ApiStaffingInvalid"]);

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    /// <summary>sl_target → slTarget: the API's names for the CSV's columns.</summary>
    internal static string CamelCase(string snake)
    {
        var parts = snake.Split('_', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Select((p, i) => i == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
