using System.Globalization;

namespace Park.Domain.Staffing;

/// <summary>One interval of a calculation as the CSV or the API gave it; <see cref="Row"/> is the CSV line or the API index.</summary>
public sealed record IntervalInput(int Row, DateTime Start, StaffingRequest Request);

/// <summary>A bad row or field: <see cref="Row"/> (CSV line number, or API index), field name, problem code, arguments.</summary>
public sealed record RowProblem(int Row, string? Field, string Code, params object[] Args);

/// <summary>Checks a calculation's intervals against each other and computes them all or none.</summary>
public static class IntervalBatch
{
    public const int MaxRows = 100_000;

    /// <summary>
    /// The most agents one API request may search, summed over its intervals (see <see cref="Work"/>):
    /// about 100,000 intervals of 100 Erlangs, a fraction of a second of engine time.
    /// </summary>
    public const long MaxWork = 10_000_000;

    public static readonly string[] StartFormats =
    [
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss",
    ];

    public static bool TryParseStart(string text, out DateTime start) =>
        DateTime.TryParseExact(text.Trim(), StartFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out start);

    /// <summary>Every field problem of each interval, then misaligned, duplicated and overlapping intervals.</summary>
    public static List<RowProblem> Check(IReadOnlyList<IntervalInput> intervals)
    {
        var problems = new List<RowProblem>();
        foreach (var interval in intervals)
        {
            foreach (var (field, code) in interval.Request.Validate())
            {
                problems.Add(new RowProblem(interval.Row, field, code));
            }

            var seconds = interval.Request.IntervalSeconds;
            if (seconds > 0 && 86_400 % seconds == 0 && (long)interval.Start.TimeOfDay.TotalSeconds % seconds != 0)
            {
                problems.Add(new RowProblem(interval.Row, StaffingFields.IntervalStart, StaffingCodes.IntervalMisaligned, seconds));
            }
        }

        var ordered = intervals.OrderBy(i => i.Start).ThenBy(i => i.Row).ToArray();
        for (var i = 1; i < ordered.Length; i++)
        {
            var previous = ordered[i - 1];
            var current = ordered[i];
            if (current.Start == previous.Start)
            {
                problems.Add(new RowProblem(current.Row, StaffingFields.IntervalStart, StaffingCodes.IntervalDuplicated, previous.Row));
            }
            else if (previous.Request.IntervalSeconds > 0 && previous.Start.AddSeconds(previous.Request.IntervalSeconds) > current.Start)
            {
                problems.Add(new RowProblem(current.Row, StaffingFields.IntervalStart, StaffingCodes.IntervalOverlaps, previous.Row));
            }
        }

        return problems.OrderBy(p => p.Row).ToList();
    }

    /// <summary>
    /// How many agents a calculation may search, summed over its intervals: per interval the staff
    /// the offered load needs under its occupancy cap (⌈A ÷ cap⌉, at least ⌊A⌋ + 1), bounded by the
    /// interval's agent limit. The engine's search is linear in that count, so this bounds the work.
    /// </summary>
    public static long Work(IReadOnlyList<IntervalInput> intervals)
    {
        long total = 0;
        foreach (var interval in intervals)
        {
            var request = interval.Request;
            if (request.Volume == 0)
            {
                continue;
            }

            var limit = Math.Min(request.MaxAgents ?? StaffingEngine.AgentLimit, StaffingEngine.AgentLimit);
            var load = request.ExactLoad;
            var needed = Math.Max(decimal.Ceiling(load / request.MaxOccupancy), decimal.Floor(load) + 1);
            total += (long)Math.Min(needed, limit);
        }

        return total;
    }

    /// <summary>Results in input order; call only when <see cref="Check"/> found nothing. Stops when <paramref name="ct"/> is cancelled.</summary>
    public static StaffingResult[] Calculate(IReadOnlyList<IntervalInput> intervals, CancellationToken ct = default)
    {
        var results = new StaffingResult[intervals.Count];
        for (var i = 0; i < results.Length; i++)
        {
            if ((i & 255) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            results[i] = StaffingEngine.CalculateValid(intervals[i].Request);
        }

        return results;
    }
}
