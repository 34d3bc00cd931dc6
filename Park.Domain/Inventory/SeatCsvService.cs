using System.Globalization;
using System.Text;
using CsvHelper;
using Dapper;
using Microsoft.Data.Sqlite;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;

namespace Park.Domain.Inventory;

/// <summary>What an import would do (dry run) or did: <see cref="Errors"/> empty means every row is good.</summary>
public sealed record SeatImportReport(int Rows, int New, int Unchanged, IReadOnlyList<CsvRowError> Errors, string Encoding, bool Written)
{
    public bool Ok => Errors.Count == 0;
}

/// <summary>CSV import (all rows or none, in one transaction) and export of a park's seats.</summary>
public sealed class SeatCsvService(ParkDatabase db, AuditTrail audit, TimeProvider clock)
{
    private sealed record ZoneKey
    {
        public long Id { get; init; }
        public string BuildingCode { get; init; } = "";
        public int Level { get; init; }
        public string ZoneCode { get; init; } = "";
        public int PlanWidth { get; init; }
        public int PlanHeight { get; init; }
    }

    public Task<Result<SeatImportReport>> PreviewAsync(AccessScope scope, AuditActor actor, long parkId, byte[] file, CancellationToken ct = default) =>
        RunAsync(scope, actor, parkId, file, write: false, ct);

    public Task<Result<SeatImportReport>> ImportAsync(AccessScope scope, AuditActor actor, long parkId, byte[] file, CancellationToken ct = default) =>
        RunAsync(scope, actor, parkId, file, write: true, ct);

    private async Task<Result<SeatImportReport>> RunAsync(AccessScope scope, AuditActor actor, long parkId, byte[] file, bool write, CancellationToken ct)
    {
        if (!scope.IsParkAdmin)
        {
            return Problem.NotAllowed();
        }

        var parsed = SeatCsvFormat.Parse(file);
        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction(deferred: !write);
        if (!await InventoryService.CanManageAsync(connection, tx, scope, parkId, ct))
        {
            return Problem.NotFound();
        }

        if (!parsed.Succeeded)
        {
            await tx.RollbackAsync(ct);
            if (write)
            {
                await RecordFailureAsync(actor, parkId, parsed.Problem!.Code, ct);
            }

            return parsed.Problem!;
        }

        var (rows, parseErrors, encoding) = parsed.Value;
        var errors = parseErrors.ToList();
        var (fresh, unchanged) = await CheckAgainstParkAsync(connection, tx, parkId, rows, errors, ct);
        errors.Sort((a, b) => a.Line.CompareTo(b.Line));
        var report = new SeatImportReport(rows.Count + parseErrors.Count, fresh.Count, unchanged, errors, encoding, false);
        if (!write || errors.Count > 0)
        {
            if (write)
            {
                await tx.RollbackAsync(ct);
                await RecordFailureAsync(actor, parkId, $"{errors.Count} bad rows", ct);
            }

            return report;
        }

        var now = clock.GetUtcNow();
        var today = DapperSetup.ToDbText(clock.Today());
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO seats (park_id, zone_id, code, seat_type, has_pc, has_headset, has_phone_line, monitors, pci_zone, x, y,
                               service_status, status_since, status_until, created_at)
            VALUES (@ParkId, @ZoneId, @Code, @SeatType, @HasPc, @HasHeadset, @HasPhoneLine, @Monitors, @PciZone, @X, @Y, @ServiceStatus, @Since, @Until, @Now)
            """, fresh.Select(f => new
        {
            ParkId = parkId, ZoneId = f.ZoneId, f.Seat.Code, f.Seat.SeatType, f.Seat.HasPc, f.Seat.HasHeadset, f.Seat.HasPhoneLine,
            f.Seat.Monitors, f.Seat.PciZone, f.Seat.X, f.Seat.Y, f.Seat.ServiceStatus,
            Since = f.Seat.StatusSince is { } since ? DapperSetup.ToDbText(since) : today,
            Until = f.Seat.StatusUntil is { } until ? DapperSetup.ToDbText(until) : null,
            Now = now,
        }), tx, cancellationToken: ct));
        await audit.RecordAsync(connection, tx, actor, new AuditEntry("seat.import", "park", parkId.ToString(CultureInfo.InvariantCulture),
            Details: $"{fresh.Count} new, {unchanged} unchanged, {encoding}", ParkId: parkId), ct);
        await tx.CommitAsync(ct);
        return report with { Written = true };
    }

    private static async Task<(List<(CsvSeat Seat, long ZoneId)> Fresh, int Unchanged)> CheckAgainstParkAsync(
        SqliteConnection connection, SqliteTransaction tx, long parkId, IReadOnlyList<CsvSeat> rows, List<CsvRowError> errors, CancellationToken ct)
    {
        var zones = (await connection.QueryAsync<ZoneKey>(new CommandDefinition("""
            SELECT z.id, b.code AS building_code, f.level, z.code AS zone_code, f.plan_width, f.plan_height
            FROM zones z JOIN floors f ON f.id = z.floor_id JOIN buildings b ON b.id = f.building_id WHERE b.park_id = @ParkId
            """, new { ParkId = parkId }, tx, cancellationToken: ct))).ToDictionary(z => (z.BuildingCode, z.Level, z.ZoneCode));
        var existing = (await connection.QueryAsync<SeatRow>(new CommandDefinition(
            $"SELECT {InventoryStore.SeatColumns} {InventoryStore.SeatJoins} WHERE s.park_id = @ParkId", new { ParkId = parkId }, tx, cancellationToken: ct)))
            .ToDictionary(s => s.Code, StringComparer.Ordinal);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var fresh = new List<(CsvSeat, long)>();
        var unchanged = 0;
        foreach (var row in rows)
        {
            if (firstLine.TryGetValue(row.Code, out var first))
            {
                errors.Add(new CsvRowError(row.Line, "CsvDuplicateInFile", row.Code, first));
                continue;
            }

            firstLine[row.Code] = row.Line;
            if (!zones.TryGetValue((row.Building, row.FloorLevel, row.Zone), out var zone))
            {
                errors.Add(new CsvRowError(row.Line, "CsvUnknownZone", row.Building, row.FloorLevel, row.Zone));
                continue;
            }

            if (row.X > zone.PlanWidth || row.Y > zone.PlanHeight)
            {
                errors.Add(new CsvRowError(row.Line, "CsvOffPlan", row.X, row.Y, zone.PlanWidth, zone.PlanHeight));
                continue;
            }

            if (existing.TryGetValue(row.Code, out var seat))
            {
                if (Same(seat, row, zone.Id))
                {
                    unchanged++;
                }
                else
                {
                    errors.Add(new CsvRowError(row.Line, "CsvDuplicateInPark", row.Code));
                }

                continue;
            }

            fresh.Add((row, zone.Id));
        }

        return (fresh, unchanged);
    }

    private static bool Same(SeatRow seat, CsvSeat row, long zoneId) =>
        seat.ZoneId == zoneId && seat.X == row.X && seat.Y == row.Y && seat.SeatType == row.SeatType && seat.HasPc == row.HasPc
        && seat.HasHeadset == row.HasHeadset && seat.HasPhoneLine == row.HasPhoneLine && seat.Monitors == row.Monitors
        && seat.PciZone == row.PciZone && seat.ServiceStatus == row.ServiceStatus
        && (row.StatusSince is null || (seat.StatusSince == row.StatusSince && seat.StatusUntil == row.StatusUntil));

    private Task RecordFailureAsync(AuditActor actor, long parkId, string reason, CancellationToken ct) =>
        audit.RecordAsync(actor, new AuditEntry("seat.import", "park", parkId.ToString(CultureInfo.InvariantCulture), AuditOutcome.Failure, reason, ParkId: parkId), ct);

    /// <summary>
    /// The park's seats as UTF-8 CSV with a BOM (Excel opens it correctly); formulas neutralised. Headers are the
    /// English column names in every UI language (integrations read them); imports accept them and the Chinese
    /// names in <see cref="SeatCsvFormat.Aliases"/>.
    /// </summary>
    public async Task<Result<byte[]>> ExportAsync(AccessScope scope, AuditActor actor, long parkId, CancellationToken ct = default)
    {
        if (!scope.IsParkAdmin && !scope.IsReviewer)
        {
            return Problem.NotAllowed();
        }

        await using var connection = await db.OpenAsync(ct);
        if (await InventoryStore.ParkAsync(connection, null, scope, parkId, ct) is null)
        {
            return Problem.NotFound();
        }

        var seats = await connection.QueryAsync<SeatRow>(new CommandDefinition(
            $"SELECT {InventoryStore.SeatColumns} {InventoryStore.SeatJoins} WHERE s.park_id = @ParkId ORDER BY s.code", new { ParkId = parkId }, cancellationToken: ct));
        using var buffer = new MemoryStream();
        // Injection = Escape puts ' before cells starting with = + - @ tab or CR, so a spreadsheet never runs them.
        var options = CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        await using (var csv = CsvWriter.Create(buffer, options, true))
        {
            csv.WriteRecord(SeatCsvFormat.Columns.ToArray());
            foreach (var s in seats)
            {
                csv.WriteRecord(Cells(s));
            }
        }

        await audit.RecordAsync(connection, null, actor, new AuditEntry("seat.export", "park", parkId.ToString(CultureInfo.InvariantCulture), ParkId: parkId), ct);
        return buffer.ToArray();
    }

    private static string[] Cells(SeatRow s) =>
    [
        s.Code, s.BuildingCode, s.FloorLevel.ToString(CultureInfo.InvariantCulture), s.ZoneCode, s.SeatType,
        s.X.ToString(CultureInfo.InvariantCulture), s.Y.ToString(CultureInfo.InvariantCulture), B(s.HasPc), B(s.HasHeadset), B(s.HasPhoneLine),
        s.Monitors.ToString(CultureInfo.InvariantCulture), B(s.PciZone), s.ServiceStatus,
        DapperSetup.ToDbText(s.StatusSince), s.StatusUntil is { } until ? DapperSetup.ToDbText(until) : "",
    ];

    private static string B(bool value) => value ? "1" : "0";
}
