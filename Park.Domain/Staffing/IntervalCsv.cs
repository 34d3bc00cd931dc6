using System.Globalization;
using CsvHelper;

namespace Park.Domain.Staffing;

/// <summary>The intervals of a CSV with the cells as given (echoed in the output) or the problems found.</summary>
public sealed record IntervalSheet(IReadOnlyList<string> Header, IReadOnlyList<string[]> Cells, IReadOnlyList<IntervalInput> Intervals, IReadOnlyList<RowProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// The interval CSV of <c>staffing calc</c> and the calculate page: header allow-list, every bad
/// cell reported with its line and column, a row cap, all or nothing. Output = the input columns
/// as given, then the results.
/// </summary>
public static class IntervalCsv
{
    public static readonly string[] Required =
    [
        StaffingFields.IntervalStart, StaffingFields.IntervalSeconds, StaffingFields.Volume, StaffingFields.AhtSeconds,
        StaffingFields.SlTarget, StaffingFields.SlSeconds, StaffingFields.Shrinkage, StaffingFields.MaxOccupancy,
    ];

    public static readonly string[] Optional =
    [
        StaffingFields.PatienceSeconds, StaffingFields.MaxAbandon, StaffingFields.MaxAsaSeconds, StaffingFields.MaxAgents,
    ];

    public static readonly string[] ResultColumns =
        ["agents", "positions", "service_level", "asa_seconds", "occupancy", "wait_probability"];

    public static IntervalSheet Read(TextReader reader, int maxRows = IntervalBatch.MaxRows)
    {
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrimWhitespace = true,
            SkipEmptyLines = true,
            MaxRecordSize = 64 * 1024,
            TrackLineNumbers = true,
        };
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        var problems = new List<RowProblem>();
        csv.ReadHeader();
        if (csv.Headers.Count == 0)
        {
            return new IntervalSheet([], [], [], [new RowProblem(1, null, StaffingCodes.NoRows)]);
        }

        var header = csv.Headers.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
        CheckHeader(header, problems);
        if (problems.Count > 0)
        {
            return new IntervalSheet(header, [], [], problems);
        }

        var index = header.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        var cells = new List<string[]>();
        var intervals = new List<IntervalInput>();
        while (csv.Read())
        {
            var line = (int)Math.Min(csv.LineNumber, int.MaxValue);
            if (cells.Count >= maxRows)
            {
                problems.Add(new RowProblem(line, null, StaffingCodes.TooManyRows, maxRows));
                break;
            }

            var record = new string[csv.FieldCount];
            for (var i = 0; i < record.Length; i++)
            {
                record[i] = csv.GetString(i);
            }

            if (record.Length != header.Length)
            {
                problems.Add(new RowProblem(line, null, StaffingCodes.ColumnCount, record.Length, header.Length));
                continue;
            }

            cells.Add(record);
            var row = new RowReader(line, record, index, problems);
            var interval = row.Read();
            if (interval is not null)
            {
                intervals.Add(interval);
            }
        }

        if (cells.Count == 0 && problems.Count == 0)
        {
            problems.Add(new RowProblem(2, null, StaffingCodes.NoRows));
        }

        if (problems.All(p => p.Code != StaffingCodes.TooManyRows))
        {
            problems.AddRange(IntervalBatch.Check(intervals));
        }

        return new IntervalSheet(header, cells, intervals, problems.OrderBy(p => p.Row).ToList());
    }

    private static void CheckHeader(string[] header, List<RowProblem> problems)
    {
        foreach (var column in Required.Where(c => !header.Contains(c, StringComparer.Ordinal)))
        {
            problems.Add(new RowProblem(1, column, StaffingCodes.MissingColumn));
        }

        foreach (var column in header.Where(c => !Required.Contains(c, StringComparer.Ordinal) && !Optional.Contains(c, StringComparer.Ordinal)))
        {
            problems.Add(new RowProblem(1, column, StaffingCodes.UnknownColumn));
        }

        foreach (var column in header.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new RowProblem(1, column.Key, StaffingCodes.DuplicateColumn, column.Key));
        }
    }

    /// <summary>Writes the input cells as given, then the results, one row per input row in order.</summary>
    public static void Write(TextWriter writer, IntervalSheet sheet, IReadOnlyList<StaffingResult> results)
    {
        var erlangA = sheet.Header.Contains(StaffingFields.PatienceSeconds, StringComparer.Ordinal);
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        foreach (var column in sheet.Header.Concat(ResultColumns))
        {
            csv.WriteField(column);
        }

        if (erlangA)
        {
            csv.WriteField("abandon_rate");
        }

        csv.WriteField("status");
        csv.WriteField("max_servable_volume");
        csv.WriteField("max_servable_load");
        csv.EndRecord();
        for (var i = 0; i < results.Count; i++)
        {
            foreach (var cell in sheet.Cells[i])
            {
                csv.WriteField(cell);
            }

            var r = results[i];
            csv.WriteField(r.Agents.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(r.Positions.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(Format(r.ServiceLevel, "F6"));
            csv.WriteField(Format(r.AsaSeconds, "F3"));
            csv.WriteField(Format(r.Occupancy, "F6"));
            csv.WriteField(Format(r.WaitProbability, "F6"));
            if (erlangA)
            {
                csv.WriteField(r.AbandonRate is { } abandon ? Format(abandon, "F6") : "");
            }

            csv.WriteField(Status(r));
            csv.WriteField(r.MaxServableVolume is { } max ? Format(max, "F2") : "");
            csv.WriteField(r.MaxServableLoad is { } load ? Format(load, "F3") : "");
            csv.EndRecord();
        }
    }

    /// <summary>The status word of a result: met, no_volume, unreachable_service_level, unreachable_agent_limit.</summary>
    public static string Status(in StaffingResult result) => result.Status switch
    {
        StaffingStatus.Met => "met",
        StaffingStatus.NoVolume => "no_volume",
        _ => result.Reason == StaffingCodes.ServiceLevelUnattainable ? "unreachable_service_level" : "unreachable_agent_limit",
    };

    private static string Format(double value, string format) =>
        double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "";

    /// <summary>Reads one record's cells into an interval, noting every bad cell.</summary>
    private sealed class RowReader(int line, string[] record, Dictionary<string, int> index, List<RowProblem> problems)
    {
        private int _before;

        public IntervalInput? Read()
        {
            _before = problems.Count;
            var startText = Cell(StaffingFields.IntervalStart);
            DateTime start = default;
            if (startText.Length == 0)
            {
                Note(StaffingFields.IntervalStart, StaffingCodes.Required);
            }
            else if (!IntervalBatch.TryParseStart(startText, out start))
            {
                Note(StaffingFields.IntervalStart, StaffingCodes.IntervalStartInvalid, startText);
            }

            var request = new StaffingRequest(
                Decimal(StaffingFields.Volume) ?? 0,
                Integer(StaffingFields.IntervalSeconds) ?? 0,
                Decimal(StaffingFields.AhtSeconds) ?? 0,
                Double(StaffingFields.SlTarget) ?? 0,
                Double(StaffingFields.SlSeconds) ?? 0,
                Decimal(StaffingFields.Shrinkage) ?? 0,
                Decimal(StaffingFields.MaxOccupancy) ?? 0,
                Double(StaffingFields.PatienceSeconds, optional: true),
                Double(StaffingFields.MaxAbandon, optional: true),
                Double(StaffingFields.MaxAsaSeconds, optional: true),
                Integer(StaffingFields.MaxAgents, optional: true));
            if (problems.Count == _before)
            {
                return new IntervalInput(line, start, request);
            }

            // Cells that did parse are still checked, so one pass reports every bad field of the row.
            var noted = problems.Skip(_before).Select(p => p.Field).ToHashSet(StringComparer.Ordinal);
            foreach (var (field, code) in request.Validate().Where(v => !noted.Contains(v.Field)))
            {
                Note(field, code);
            }

            return null;
        }

        private string Cell(string field) => index.TryGetValue(field, out var i) ? record[i].Trim() : "";

        private void Note(string field, string code, params object[] args) => problems.Add(new RowProblem(line, field, code, args));

        private decimal? Decimal(string field) => Parse(field, false, (string s, out decimal v) =>
            decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v));

        private double? Double(string field, bool optional = false) => Parse(field, optional, (string s, out double v) =>
            double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v) && double.IsFinite(v));

        private int? Integer(string field, bool optional = false) => Parse(field, optional, (string s, out int v) =>
            int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out v));

        private delegate bool TryParse<T>(string text, out T value);

        private T? Parse<T>(string field, bool optional, TryParse<T> tryParse)
            where T : struct
        {
            var text = Cell(field);
            if (text.Length == 0)
            {
                if (!optional)
                {
                    Note(field, StaffingCodes.Required);
                }

                return null;
            }

            if (tryParse(text, out var value))
            {
                return value;
            }

            Note(field, StaffingCodes.NotANumber, text);
            return null;
        }
    }
}
