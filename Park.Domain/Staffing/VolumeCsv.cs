using System.Globalization;
using CsvHelper;

namespace Park.Domain.Staffing;

public sealed record VolumeRow(int Line, DateTime Start, double Offered, double Handled, double AhtSeconds);

public sealed record VolumeSheet(IReadOnlyList<VolumeRow> Rows, IReadOnlyList<RowProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0 && Rows.Count > 0;
}

/// <summary>
/// The usual ACD export: <c>date, interval_start, offered, handled, aht_seconds</c>, one row per
/// interval. Every bad cell is reported with its line and column; duplicates and intervals not on
/// the line's grid are refused; nothing is imported unless every row is good.
/// </summary>
public static class VolumeCsv
{
    public const string Template = "date,interval_start,offered,handled,aht_seconds\n2026-03-02,09:00,120,114,185\n2026-03-02,09:30,135,128,190\n";

    public static readonly string[] Columns = ["date", "interval_start", "offered", "handled", "aht_seconds"];

    public static VolumeSheet Read(TextReader reader, int intervalSeconds, int maxRows = IntervalBatch.MaxRows)
    {
        using var csv = CsvReader.Create(reader, new CsvReaderOptions { Separator = ',', TrimWhitespace = true, TrackLineNumbers = true, MaxRecordSize = 64 * 1024 }, leaveOpen: true);
        var problems = new List<RowProblem>();
        csv.ReadHeader();
        var header = csv.Headers.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
        foreach (var missing in Columns.Where(c => !header.Contains(c, StringComparer.Ordinal)))
        {
            problems.Add(new RowProblem(1, missing, StaffingCodes.MissingColumn));
        }

        foreach (var unknown in header.Where(c => !Columns.Contains(c, StringComparer.Ordinal)))
        {
            problems.Add(new RowProblem(1, unknown, StaffingCodes.UnknownColumn));
        }

        foreach (var twice in header.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new RowProblem(1, twice.Key, StaffingCodes.DuplicateColumn, twice.Key));
        }

        if (problems.Count > 0)
        {
            return new VolumeSheet([], problems);
        }

        var index = Columns.ToDictionary(c => c, c => Array.IndexOf(header, c), StringComparer.Ordinal);
        var rows = new List<VolumeRow>();
        var seen = new Dictionary<DateTime, int>();
        var count = 0;
        while (csv.Read())
        {
            var line = (int)Math.Min(csv.LineNumber, int.MaxValue);
            if (++count > maxRows)
            {
                problems.Add(new RowProblem(line, null, StaffingCodes.TooManyRows, maxRows));
                break;
            }

            if (csv.FieldCount != header.Length)
            {
                problems.Add(new RowProblem(line, null, StaffingCodes.ColumnCount, csv.FieldCount, header.Length));
                continue;
            }

            string Cell(string column) => csv.GetString(index[column]).Trim();
            var before = problems.Count;
            var start = ParseStart(Cell("date"), Cell("interval_start"), intervalSeconds, line, problems);
            var offered = Number(Cell("offered"), "offered", line, problems);
            var handled = Number(Cell("handled"), "handled", line, problems);
            var aht = Number(Cell("aht_seconds"), "aht_seconds", line, problems);
            if (problems.Count > before || start is null)
            {
                continue;
            }

            if (seen.TryGetValue(start.Value, out var earlier))
            {
                problems.Add(new RowProblem(line, "interval_start", StaffingCodes.IntervalDuplicated, earlier));
                continue;
            }

            seen[start.Value] = line;
            rows.Add(new VolumeRow(line, start.Value, offered, handled, aht));
        }

        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add(new RowProblem(2, null, StaffingCodes.NoRows));
        }

        return new VolumeSheet(rows, problems);
    }

    private static DateTime? ParseStart(string date, string time, int intervalSeconds, int line, List<RowProblem> problems)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            problems.Add(new RowProblem(line, "date", StaffingCodes.IntervalStartInvalid, date));
            return null;
        }

        if (!TimeOnly.TryParseExact(time, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            problems.Add(new RowProblem(line, "interval_start", StaffingCodes.IntervalStartInvalid, time));
            return null;
        }

        if ((long)at.ToTimeSpan().TotalSeconds % intervalSeconds != 0)
        {
            problems.Add(new RowProblem(line, "interval_start", StaffingCodes.IntervalMisaligned, intervalSeconds));
            return null;
        }

        return day.ToDateTime(at);
    }

    private static double Number(string text, string field, int line, List<RowProblem> problems)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            problems.Add(new RowProblem(line, field, text.Length == 0 ? StaffingCodes.Required : StaffingCodes.NotANumber, text));
            return 0;
        }

        // Each message names its column: a negative handle time is not "a negative volume".
        var max = field == "aht_seconds" ? (double)StaffingRequest.MaxAht : (double)StaffingRequest.MaxVolume;
        if (value < 0)
        {
            problems.Add(new RowProblem(line, field, StaffingCodes.ColumnNegative, field));
        }
        else if (value > max)
        {
            problems.Add(new RowProblem(line, field, StaffingCodes.ColumnTooLarge, field, max));
        }

        return value;
    }
}
