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

    /// <summary>Results in input order; call only when <see cref="Check"/> found nothing.</summary>
    public static StaffingResult[] Calculate(IReadOnlyList<IntervalInput> intervals)
    {
        var results = new StaffingResult[intervals.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = StaffingEngine.CalculateValid(intervals[i].Request);
        }

        return results;
    }
}
