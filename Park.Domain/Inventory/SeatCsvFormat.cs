using System.Globalization;
using System.Text;
using CsvHelper;
using Park.Domain.Data;

namespace Park.Domain.Inventory;

/// <summary>One bad row of an import: its line in the file, a resource key and the key's arguments.</summary>
public sealed record CsvRowError(int Line, string Code, params object[] Args);

/// <summary>One data row of a seat CSV, parsed but not yet checked against the park.</summary>
public sealed record CsvSeat(
    int Line, string Code, string Building, int FloorLevel, string Zone, string SeatType, int X, int Y,
    bool HasPc, bool HasHeadset, bool HasPhoneLine, int Monitors, bool PciZone, string ServiceStatus,
    DateOnly? StatusSince = null, DateOnly? StatusUntil = null);

/// <summary>
/// The seat CSV format: header allow-list, encodings (UTF-8 with or without BOM, else GB18030),
/// per-row checks with line numbers, and formula neutralising on export. Pure: bytes in, rows out.
/// </summary>
public static class SeatCsvFormat
{
    public const long MaxBytes = 10L * 1024 * 1024;
    public const int MaxRows = 50_000;

    /// <summary>The columns, in export order. Exports use these English names whatever the UI language.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "code", "building", "floor", "zone", "seat_type", "x", "y", "has_pc", "has_headset", "has_phone_line", "monitors", "pci_zone", "service_status",
        "status_since", "status_until",
    ];

    /// <summary>
    /// Header names a file may use instead of the English ones (a sheet kept in Chinese Excel), per column;
    /// compared after trimming and lower-casing, with inner spaces and a trailing unit in brackets ignored.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Aliases = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["code"] = ["编码", "座席编码", "座席编号", "编号"],
        ["building"] = ["楼栋", "楼宇"],
        ["floor"] = ["楼层"],
        ["zone"] = ["区域", "分区"],
        ["seat_type"] = ["座席类型", "类型"],
        ["x"] = ["x坐标", "横坐标"],
        ["y"] = ["y坐标", "纵坐标"],
        ["has_pc"] = ["电脑"],
        ["has_headset"] = ["耳麦"],
        ["has_phone_line"] = ["电话线路", "电话线"],
        ["monitors"] = ["显示器", "显示器数量"],
        ["pci_zone"] = ["pci区", "pci区域", "洁净桌面"],
        ["service_status"] = ["使用状态", "状态"],
        ["status_since"] = ["状态开始日期", "状态起始日期", "状态开始"],
        ["status_until"] = ["状态结束日期", "状态截止日期", "状态结束"],
    };

    /// <summary>The column a header names (English or an alias), or the header itself, normalised, when unknown.</summary>
    public static string ColumnOf(string header)
    {
        var name = header.Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal);
        var bracket = name.IndexOfAny(['(', '（']);
        var bare = bracket > 0 ? name[..bracket] : name;
        foreach (var column in Columns)
        {
            if (column == name || column == bare || Aliases[column].Contains(bare, StringComparer.Ordinal))
            {
                return column;
            }
        }

        return header.Trim().ToLowerInvariant();
    }

    private static readonly string[] Required = ["code", "building", "floor", "zone", "x", "y"];

    static SeatCsvFormat() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Valid UTF-8 (BOM or not) is read as UTF-8; anything else as GB18030 (a superset of GBK).</summary>
    public static (string Text, string Encoding) Decode(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return (new UTF8Encoding(false, true).GetString(bytes, 3, bytes.Length - 3), "UTF-8 BOM");
        }

        try
        {
            return (new UTF8Encoding(false, true).GetString(bytes), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.GetEncoding("GB18030").GetString(bytes), "GB18030");
        }
    }

    /// <summary>NUL bytes or many control bytes early in the file: not a text file.</summary>
    public static bool LooksBinary(byte[] bytes)
    {
        var sample = bytes.AsSpan(0, Math.Min(bytes.Length, 8192));
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D))
            {
                control++;
            }
        }

        return sample.Length > 0 && control * 20 > sample.Length;
    }

    /// <summary>Parses a whole file: a file-level problem, or the rows and every bad row found.</summary>
    public static Result<(IReadOnlyList<CsvSeat> Rows, IReadOnlyList<CsvRowError> Errors, string Encoding)> Parse(byte[] bytes)
    {
        if (bytes.LongLength > MaxBytes)
        {
            return Problem.Invalid("file", "FileTooLarge", MaxBytes / 1024 / 1024);
        }

        if (LooksBinary(bytes))
        {
            return Problem.Invalid("file", "FileBinary");
        }

        var (text, encoding) = Decode(bytes);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Problem.Invalid("file", "FileEmpty");
        }

        var firstLine = text.AsSpan().TrimStart()[..Math.Max(0, IndexOfLineEnd(text.TrimStart()))].ToString();
        if (!firstLine.Contains(',', StringComparison.Ordinal) && (firstLine.Contains(';', StringComparison.Ordinal)
            || firstLine.Contains('\t', StringComparison.Ordinal) || firstLine.Contains('|', StringComparison.Ordinal)))
        {
            return Problem.Invalid("file", "CsvWrongDelimiter");
        }

        var badLines = new HashSet<long>();
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            AllowLineBreaksInQuotes = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = record => badLines.Add(record.LineNumber),
        };
        using var csv = CsvReader.FromText(text, options);
        var names = csv.Headers.Select(ColumnOf).ToArray();
        if (names.Length == 0 || names.All(n => n.Length == 0))
        {
            return Problem.Invalid("file", "FileEmpty");
        }

        var unknown = names.Where(n => !Columns.Contains(n, StringComparer.Ordinal)).ToArray();
        if (unknown.Length > 0)
        {
            return Problem.Invalid("file", "CsvHeaderUnknown", string.Join(", ", unknown), string.Join(",", Columns));
        }

        var missing = Required.Where(r => !names.Contains(r, StringComparer.Ordinal)).ToArray();
        if (missing.Length > 0 || names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            return Problem.Invalid("file", "CsvHeaderMissing", string.Join(", ", missing.DefaultIfEmpty(names[0])));
        }

        var rows = new List<CsvSeat>();
        var errors = new List<CsvRowError>();
        errors.AddRange(badLines.Select(l => new CsvRowError((int)l, "CsvBadQuotes")));
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            if (rows.Count + errors.Count >= MaxRows)
            {
                return Problem.Invalid("file", "FileTooManyRows", MaxRows);
            }

            string Field(string name) => Array.IndexOf(names, name) is var i and >= 0 && i < csv.FieldCount ? csv.GetString(i).Trim() : "";
            var row = ParseRow(line, Field, errors);
            if (row is not null)
            {
                rows.Add(row);
            }
        }

        foreach (var bad in badLines.Where(l => errors.All(e => e.Line != l)))
        {
            errors.Add(new CsvRowError((int)bad, "CsvBadQuotes"));
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            return Problem.Invalid("file", "FileEmpty");
        }

        return (rows, errors, encoding);
    }

    private static CsvSeat? ParseRow(int line, Func<string, string> field, List<CsvRowError> errors)
    {
        var before = errors.Count;
        var code = field("code").ToUpperInvariant();
        if (code.Length is < 1 or > 40 || !code.All(SeatCodePattern.IsCodeChar))
        {
            errors.Add(new CsvRowError(line, "CsvBadCode", code));
        }

        var floorText = field("floor").TrimEnd('F', 'f');
        if (!int.TryParse(floorText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var level))
        {
            errors.Add(new CsvRowError(line, "CsvBadNumber", "floor", field("floor")));
        }

        var x = Int(line, "x", field("x"), 0, int.MaxValue, errors);
        var y = Int(line, "y", field("y"), 0, int.MaxValue, errors);
        var monitors = field("monitors") is "" ? 1 : Int(line, "monitors", field("monitors"), 0, 4, errors);
        var type = field("seat_type") is "" ? SeatTypes.Agent : field("seat_type").ToLowerInvariant();
        if (!SeatTypes.IsValid(type))
        {
            errors.Add(new CsvRowError(line, "CsvBadEnum", "seat_type", field("seat_type"), string.Join("/", SeatTypes.All)));
        }

        var status = field("service_status") is "" ? ServiceStatuses.InService : field("service_status").ToLowerInvariant();
        if (!ServiceStatuses.IsValid(status))
        {
            errors.Add(new CsvRowError(line, "CsvBadEnum", "service_status", field("service_status"), string.Join("/", ServiceStatuses.All)));
        }

        var pc = Bool(line, "has_pc", field("has_pc"), true, errors);
        var headset = Bool(line, "has_headset", field("has_headset"), true, errors);
        var phone = Bool(line, "has_phone_line", field("has_phone_line"), true, errors);
        var pci = Bool(line, "pci_zone", field("pci_zone"), false, errors);
        foreach (var (name, value) in new[] { ("building", field("building")), ("zone", field("zone")) })
        {
            if (value.Length is < 1 or > 20)
            {
                errors.Add(new CsvRowError(line, "CsvRequired", name));
            }
        }

        var since = Date(line, "status_since", field("status_since"), errors);
        var until = Date(line, "status_until", field("status_until"), errors);
        if (until is not null && (since is null || until <= since))
        {
            errors.Add(new CsvRowError(line, "CsvBadStatusDates", field("status_since"), field("status_until")));
        }

        return errors.Count > before ? null
            : new CsvSeat(line, code, field("building").ToUpperInvariant(), level, field("zone").ToUpperInvariant(), type, x, y, pc, headset, phone, monitors, pci, status,
                since, until);
    }

    private static int Int(int line, string column, string text, int min, int max, List<CsvRowError> errors)
    {
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add(new CsvRowError(line, "CsvBadNumber", column, text));
        return 0;
    }

    private static DateOnly? Date(int line, string column, string text, List<CsvRowError> errors)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(new CsvRowError(line, "CsvBadDate", column, text));
        return null;
    }

    private static bool Bool(int line, string column, string text, bool fallback, List<CsvRowError> errors)
    {
        switch (text.ToLowerInvariant())
        {
            case "":
                return fallback;
            case "1" or "true" or "yes" or "y" or "是":
                return true;
            case "0" or "false" or "no" or "n" or "否":
                return false;
            default:
                errors.Add(new CsvRowError(line, "CsvBadEnum", column, text, "1/0"));
                return fallback;
        }
    }

    private static int IndexOfLineEnd(string text)
    {
        var i = text.IndexOfAny(['\r', '\n']);
        return i < 0 ? text.Length : i;
    }
}
