using System.Globalization;
using Dapper;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;

namespace Park.Domain.Staffing;

/// <summary>Complete weeks of a line's offered volume, Monday first; missing intervals count as zero calls.</summary>
public sealed record VolumeHistory(DateOnly FirstMonday, int Weeks, int Season, double[] Offered)
{
    public DateOnly NextMonday => FirstMonday.AddDays(7 * Weeks);
}

/// <summary>
/// The handle time measured in a line's imported volumes: Σ(handled × AHT) ÷ Σ handled over the last
/// <see cref="Weeks"/> complete weeks of history, next to the AHT configured on the line.
/// </summary>
public sealed record MeasuredAht(double Seconds, double Handled, int Weeks, DateOnly From, DateOnly To)
{
    /// <summary>Whole seconds, as a scenario's AHT is stored.</summary>
    public int RoundedSeconds => (int)Math.Max(1, Math.Round(Seconds, MidpointRounding.AwayFromZero));
}

public sealed record VolumeImport(int Imported, IReadOnlyList<RowProblem> Problems);

/// <summary>Interval volumes of service lines: CSV imports, weekly pattern × monthly total, history for forecasts.</summary>
public sealed class VolumeStore(ParkDatabase db, ServiceLineStore lines, AuditTrail audit)
{
    internal const string StartFormat = "yyyy-MM-dd'T'HH:mm";

    /// <summary>The largest monthly total a pattern spreads (calls per month).</summary>
    public const double MaxMonthlyTotal = 100_000_000;

    /// <summary>All rows or none; importing the same file again changes nothing (rows are keyed by interval).</summary>
    public async Task<Result<VolumeImport>> ImportAsync(AccessScope scope, long lineId, TextReader csv, CancellationToken ct = default)
    {
        var line = await lines.GetAsync(scope, lineId, ct);
        if (line is null)
        {
            return Problem.NotFound();
        }

        if (!scope.IsTenant)
        {
            return Problem.NotAllowed();
        }

        var sheet = VolumeCsv.Read(csv, (int)line.IntervalSeconds);
        if (!sheet.Succeeded)
        {
            return new VolumeImport(0, sheet.Problems);
        }

        var rows = sheet.Rows.Select(r => (r.Start, r.Offered, r.Handled, r.AhtSeconds)).ToList();
        await SaveAsync(scope, line, rows, "import", ct);
        return new VolumeImport(rows.Count, []);
    }

    /// <summary>
    /// Fills a month from a monthly total and the line's weekly pattern, learnt from its history
    /// (or, with none, weekdays 08:00–20:00), replacing that month's intervals.
    /// </summary>
    public Task<Result<int>> ApplyPatternAsync(AccessScope scope, long lineId, DateOnly month, double monthlyTotal, CancellationToken ct = default) =>
        ApplyPatternAsync(scope, lineId, month, monthlyTotal, null, ct);

    /// <summary>
    /// Fills a month from a monthly total spread by <paramref name="shape"/> (weekday × hour-of-day
    /// shares), or, when it is null, by the pattern learnt from history (or weekdays 08:00–20:00).
    /// </summary>
    public async Task<Result<int>> ApplyPatternAsync(AccessScope scope, long lineId, DateOnly month, double monthlyTotal, WeekShape? shape, CancellationToken ct = default)
    {
        var line = await lines.GetAsync(scope, lineId, ct);
        if (line is null)
        {
            return Problem.NotFound();
        }

        if (!scope.IsTenant)
        {
            return Problem.NotAllowed();
        }

        if (!(monthlyTotal >= 0 && monthlyTotal <= MaxMonthlyTotal))
        {
            return Problem.Invalid("monthlyTotal", StaffingCodes.MonthlyTotalOutOfRange, MaxMonthlyTotal);
        }

        if (shape?.Validate() is [var bad, ..])
        {
            return Problem.Invalid(bad.Field!, bad.Code, bad.Args);
        }

        var perDay = line.IntervalsPerDay;
        double[] shares;
        if (shape is not null)
        {
            shares = shape.ToWeekShares((int)line.IntervalSeconds);
        }
        else
        {
            var history = await HistoryAsync(line, ct);
            shares = history.Weeks > 0 ? Shares(history) : WeekShape.OfficeHours.ToWeekShares((int)line.IntervalSeconds);
        }

        var first = new DateOnly(month.Year, month.Month, 1);
        var volumes = WeeklyPattern.Expand(first, monthlyTotal, shares, perDay);
        var start = first.ToDateTime(TimeOnly.MinValue);
        var rows = volumes.Select((v, i) => (start.AddSeconds((double)i * line.IntervalSeconds), v, v, (double)line.AhtSeconds)).ToList();
        static string Join(IEnumerable<double> shares) => string.Join('/', shares.Select(v => v.ToString(CultureInfo.InvariantCulture)));
        var how = shape is null ? "learnt pattern" : $"weekdays {Join(shape.Days)}; hours {Join(shape.Hours)}";
        await SaveAsync(scope, line, rows, "pattern", ct,
            $"{first.ToString("yyyy-MM", CultureInfo.InvariantCulture)} total {monthlyTotal.ToString(CultureInfo.InvariantCulture)}, {how}");
        return rows.Count;
    }

    /// <summary>Weeks of history the measured AHT looks back over.</summary>
    public const int MeasuredAhtWeeks = 4;

    /// <summary>
    /// The handled-weighted mean AHT of the imported intervals (pattern-filled ones carry the line's own
    /// AHT and are left out) in the last <see cref="MeasuredAhtWeeks"/> complete weeks; null when the
    /// line is not found or nothing was handled there.
    /// </summary>
    public async Task<MeasuredAht?> MeasuredAhtAsync(AccessScope scope, long lineId, CancellationToken ct = default)
    {
        var line = await lines.GetAsync(scope, lineId, ct);
        if (line is null)
        {
            return null;
        }

        var (monday, weeks) = CompleteWeeks(line);
        if (weeks == 0)
        {
            return null;
        }

        var used = Math.Min(weeks, MeasuredAhtWeeks);
        var to = monday.AddDays(7 * weeks);
        var from = to.AddDays(-7 * used);
        await using var connection = await db.OpenAsync(ct);
        var (weighted, handled) = await connection.QuerySingleAsync<(double?, double?)>(new CommandDefinition("""
            SELECT sum(handled * aht_seconds), sum(handled) FROM staffing_volumes
            WHERE service_line_id = @Id AND source = 'import' AND handled > 0 AND aht_seconds > 0
              AND interval_start >= @From AND interval_start < @To
            """, new { line.Id, From = Start(from), To = Start(to) }, cancellationToken: ct));
        return handled is > 0 && weighted is { } total ? new MeasuredAht(total / handled.Value, handled.Value, used, from, to) : null;
    }

    private static string Start(DateOnly day) => day.ToDateTime(TimeOnly.MinValue).ToString(StartFormat, CultureInfo.InvariantCulture);

    /// <summary>The first Monday of a line's history and how many complete weeks follow it.</summary>
    private static (DateOnly Monday, int Weeks) CompleteWeeks(ServiceLine line)
    {
        if (line.FirstInterval is null || line.LastInterval is null)
        {
            return (default, 0);
        }

        var firstDay = DateOnly.FromDateTime(Parse(line.FirstInterval));
        var lastDay = DateOnly.FromDateTime(Parse(line.LastInterval));
        var monday = firstDay.AddDays((7 - WeeklyPattern.WeekOffset(firstDay)) % 7);
        return (monday, Math.Max(0, (lastDay.DayNumber - monday.DayNumber + 1) / 7));
    }

    public async Task<VolumeHistory?> HistoryAsync(AccessScope scope, long lineId, CancellationToken ct = default)
    {
        var line = await lines.GetAsync(scope, lineId, ct);
        return line is null ? null : await HistoryAsync(line, ct);
    }

    internal async Task<VolumeHistory> HistoryAsync(ServiceLine line, CancellationToken ct)
    {
        var season = 7 * line.IntervalsPerDay;
        if (line.FirstInterval is null || line.LastInterval is null)
        {
            return new VolumeHistory(default, 0, season, []);
        }

        var (monday, weeks) = CompleteWeeks(line);
        var series = new double[weeks * season];
        if (weeks > 0)
        {
            var from = monday.ToDateTime(TimeOnly.MinValue);
            await using var connection = await db.OpenAsync(ct);
            // A year of 15-minute intervals is 35,040 rows: SQLite turns each start into its slot, so no
            // row object, string or DateTime is made per row (they cost more than the query itself).
            await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition("""
                SELECT (unixepoch(interval_start) - unixepoch(@From)) / @IntervalSeconds AS slot, offered FROM staffing_volumes
                WHERE service_line_id = @Id AND interval_start >= @From AND interval_start < @To
                """, new { line.Id, line.IntervalSeconds, From = from.ToString(StartFormat, CultureInfo.InvariantCulture),
                To = from.AddDays(7 * weeks).ToString(StartFormat, CultureInfo.InvariantCulture) }, cancellationToken: ct));
            while (await reader.ReadAsync(ct))
            {
                series[reader.GetInt32(0)] = reader.GetDouble(1);
            }
        }

        return new VolumeHistory(monday, weeks, season, series);
    }

    private async Task SaveAsync(AccessScope scope, ServiceLine line, List<(DateTime Start, double Offered, double Handled, double Aht)> rows, string source, CancellationToken ct,
        string? note = null)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction(deferred: false);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO staffing_volumes (service_line_id, interval_start, offered, handled, aht_seconds, source)
            VALUES (@LineId, @Start, @Offered, @Handled, @Aht, @Source)
            ON CONFLICT (service_line_id, interval_start) DO UPDATE SET
                offered = excluded.offered, handled = excluded.handled, aht_seconds = excluded.aht_seconds, source = excluded.source
            """, rows.Select(r => new
        {
            LineId = line.Id, Start = r.Start.ToString(StartFormat, CultureInfo.InvariantCulture), r.Offered, r.Handled, r.Aht, Source = source,
        }), tx, cancellationToken: ct));
        await audit.RecordAsync(connection, tx, AuditActor.From(scope), new AuditEntry($"staffing.volumes.{source}", "staffing_service_line",
            line.Id.ToString(CultureInfo.InvariantCulture), Details: note is null ? $"{rows.Count} intervals" : $"{rows.Count} intervals ({note})", ParkId: line.ParkId, TenantId: line.TenantId), ct);
        await tx.CommitAsync(ct);
    }

    private static double[] Shares(VolumeHistory history)
    {
        var shares = new double[history.Season];
        for (var i = 0; i < history.Offered.Length; i++)
        {
            shares[i % history.Season] += history.Offered[i];
        }

        return shares;
    }

    internal static DateTime Parse(string start) => DateTime.ParseExact(start, StartFormat, CultureInfo.InvariantCulture);
}
