using Dapper;
using Park.Domain.Data;
using Park.Domain.Seeding;

namespace Park.Tests.Contracts;

/// <summary>
/// Inserts a lease with one version, its seats, concessions and ramp steps straight into the lease
/// tables (migration 0006), for the demo park. Defaults: tenant 0, 2027-01-01 to 2028-01-01, monthly,
/// ¥500.00 per seat per month, the first <see cref="SeatCount"/> in-service seats, signed.
/// </summary>
public sealed class ContractTestData(ParkDatabase db)
{
    public int TenantIndex { get; set; }
    public int SeatCount { get; set; } = 120;
    public int SeatOffset { get; set; }
    public DateOnly Start { get; set; } = new(2027, 1, 1);
    public DateOnly End { get; set; } = new(2028, 1, 1);
    public long PricePerSeatFen { get; set; } = 50_000;
    public string Cycle { get; set; } = "monthly";
    public int DepositMonths { get; set; } = 1;
    public string EscalationKind { get; set; } = "none";
    public long EscalationValue { get; set; }
    public string Status { get; set; } = "signed";
    public string SpecialTerms { get; set; } = "";
    public string? Number { get; set; }
    public List<(DateOnly Start, DateOnly End, int Bp)> Concessions { get; } = [];
    public List<(DateOnly From, int Seats)> Ramp { get; } = [];

    /// <summary>Inserts the lease; returns its id.</summary>
    public async Task<long> InsertAsync()
    {
        await using var connection = await db.OpenAsync();
        await using var tx = connection.BeginTransaction(deferred: false);
        var parkId = await connection.ExecuteScalarAsync<long>("SELECT id FROM parks WHERE code = @Code", new { Code = DemoSeed.ParkCode }, tx);
        var uscc = DemoSeed.TenantUscc(TenantIndex);
        var tenantId = await connection.ExecuteScalarAsync<long>("SELECT id FROM tenants WHERE uscc = @Uscc", new { Uscc = uscc }, tx);
        var count = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM leases", transaction: tx);
        var leaseId = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO leases (park_id, tenant_id, number, status, stage, start_date, end_date, created_at, updated_at)
            VALUES (@ParkId, @TenantId, @Number, @Status, 'upcoming', @Start, @End, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')
            RETURNING id
            """, new { ParkId = parkId, TenantId = tenantId, Number = Number ?? $"HZSV-2027-{count + 1:D4}", Status, Start = Day(Start), End = Day(End) }, tx);
        await AddVersionAsync(connection, tx, leaseId, 1, "original", parkId);
        await tx.CommitAsync();
        return leaseId;
    }

    /// <summary>Adds an amendment version (with the current settings) to an existing lease.</summary>
    public async Task AddAmendmentAsync(long leaseId, int versionNo)
    {
        await using var connection = await db.OpenAsync();
        await using var tx = connection.BeginTransaction(deferred: false);
        var parkId = await connection.ExecuteScalarAsync<long>("SELECT park_id FROM leases WHERE id = @Id", new { Id = leaseId }, tx);
        await AddVersionAsync(connection, tx, leaseId, versionNo, "amendment", parkId);
        await tx.CommitAsync();
    }

    private async Task AddVersionAsync(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction tx, long leaseId, int versionNo, string kind, long parkId)
    {
        var versionId = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO lease_versions (lease_id, version_no, kind, status, effective_from, start_date, end_date, monthly_price_fen,
                payment_cycle, deposit_months, escalation_kind, escalation_value, special_terms, created_at)
            VALUES (@LeaseId, @VersionNo, @Kind, @Status, @Start, @Start, @End, @Price, @Cycle, @Deposit, @EscKind, @EscValue, @Special,
                '2026-11-01T00:00:00.000Z')
            RETURNING id
            """, new
        {
            LeaseId = leaseId, VersionNo = versionNo, Kind = kind, Status, Start = Day(Start), End = Day(End), Price = PricePerSeatFen,
            Cycle, Deposit = DepositMonths, EscKind = EscalationKind, EscValue = EscalationValue, Special = SpecialTerms,
        }, tx);
        var seatIds = (await connection.QueryAsync<long>("""
            SELECT id FROM seats WHERE park_id = @ParkId AND service_status = 'in_service' ORDER BY code LIMIT @Count OFFSET @Offset
            """, new { ParkId = parkId, Count = SeatCount, Offset = SeatOffset }, tx)).ToArray();
        foreach (var seatId in seatIds)
        {
            await connection.ExecuteAsync("INSERT INTO lease_version_seats (lease_version_id, seat_id) VALUES (@V, @S)", new { V = versionId, S = seatId }, tx);
        }

        foreach (var c in Concessions)
        {
            await connection.ExecuteAsync("INSERT INTO lease_concessions (lease_version_id, start_date, end_date, discount_bp) VALUES (@V, @S, @E, @B)",
                new { V = versionId, S = Day(c.Start), E = Day(c.End), B = c.Bp }, tx);
        }

        foreach (var r in Ramp)
        {
            await connection.ExecuteAsync("INSERT INTO lease_ramp_steps (lease_version_id, from_date, seat_count) VALUES (@V, @F, @N)",
                new { V = versionId, F = Day(r.From), N = r.Seats }, tx);
        }
    }

    public async Task<IReadOnlyList<string>> SeatCodesAsync(long leaseId)
    {
        await using var connection = await db.OpenAsync();
        return (await connection.QueryAsync<string>("""
            SELECT s.code FROM lease_version_seats lvs JOIN lease_versions v ON v.id = lvs.lease_version_id JOIN seats s ON s.id = lvs.seat_id
            WHERE v.lease_id = @Id AND v.version_no = 1
            """, new { Id = leaseId })).ToArray();
    }

    private static string Day(DateOnly d) => DapperSetup.ToDbText(d);
}
