using Dapper;
using Park.Domain.Access;
using Park.Domain.Data;

namespace Park.Domain.Leasing;

/// <summary>Reads of leases, versions and requests; every query carries the caller's scope.</summary>
public sealed class LeaseStore(ParkDatabase db)
{
    private static readonly Dictionary<string, string> SortColumns = new(StringComparer.Ordinal)
    {
        ["number"] = "l.number",
        ["tenant"] = "t.name_zh",
        ["status"] = "l.status",
        ["stage"] = "l.stage",
        ["start"] = "l.start_date",
        ["end"] = "l.end_date",
    };

    internal const string LatestVersion = """
        (SELECT v.id FROM lease_versions v WHERE v.lease_id = l.id AND v.status <> 'cancelled' ORDER BY v.version_no DESC LIMIT 1)
        """;

    /// <summary>
    /// A page of leases. Only the filters given reach the SQL (so the indexes of migration 0021 serve the default
    /// order and the park and stage filters), tenants are joined only to search or sort by their name, and the total
    /// is counted without the join (a lease always has its tenant). 15,000 leases: ≈ 1 ms instead of ≈ 25 ms.
    /// </summary>
    public async Task<Page<LeaseSummary>> ListAsync(AccessScope scope, LeaseQuery query, PageRequest page, CancellationToken ct = default)
    {
        var search = string.IsNullOrWhiteSpace(query.Search) ? null : SqlText.Contains(query.Search.Trim());
        var status = string.IsNullOrWhiteSpace(query.Status) ? null : query.Status;
        var stage = string.IsNullOrWhiteSpace(query.Stage) ? null : query.Stage;
        var filters = new List<string> { scope.ParkFilter("l.park_id"), scope.TenantFilter("l.tenant_id") };
        if (query.ParkId is not null)
        {
            filters.Add("l.park_id = @ParkId");
        }

        if (query.TenantId is not null)
        {
            filters.Add("l.tenant_id = @TenantId");
        }

        if (status is not null)
        {
            filters.Add("l.status = @Status");
        }

        if (stage is not null)
        {
            filters.Add("l.stage = @Stage");
        }

        if (search is not null)
        {
            filters.Add(@"(l.number LIKE @Search ESCAPE '\' OR t.name_zh LIKE @Search ESCAPE '\' OR t.name_en LIKE @Search ESCAPE '\')");
        }

        var where = SqlText.Where(filters);
        var sortColumn = SortColumns.GetValueOrDefault(query.Sort, "l.number");
        var direction = query.Descending ? " DESC" : " ASC";
        var order = $"{sortColumn}{direction}, l.id{direction}";
        var join = search is not null || sortColumn.StartsWith("t.", StringComparison.Ordinal) ? "JOIN tenants t ON t.id = l.tenant_id" : "";
        var parameters = scope.Parameters(new { query.ParkId, query.TenantId, Status = status, Stage = stage, Search = search, Limit = page.SafePageSize, page.Offset });
        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT count(*) FROM leases l {(search is null ? "" : join)} {where}", parameters, cancellationToken: ct));
        var rows = await connection.QueryAsync<LeaseSummary>(new CommandDefinition($"""
            WITH page AS (
                SELECT l.id FROM leases l {join}
                {where}
                ORDER BY {order}
                LIMIT @Limit OFFSET @Offset)
            SELECT l.id, l.park_id, l.number, l.tenant_id, t.name_zh AS tenant_name_zh, t.name_en AS tenant_name_en, l.status, l.stage,
                   l.end_reason, l.start_date, l.end_date,
                   (SELECT count(*) FROM lease_version_seats s WHERE s.lease_version_id = {LatestVersion}) AS seats,
                   coalesce((SELECT v.monthly_price_fen FROM lease_versions v WHERE v.id = {LatestVersion}), 0) AS monthly_price_fen
            FROM page JOIN leases l ON l.id = page.id JOIN tenants t ON t.id = l.tenant_id
            ORDER BY {order}
            """, parameters, cancellationToken: ct));
        return new Page<LeaseSummary>(rows.ToArray(), total);
    }

    public async Task<LeaseDetail?> GetAsync(AccessScope scope, long id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var lease = await connection.QuerySingleOrDefaultAsync<LeaseDetail>(new CommandDefinition($"""
            SELECT l.id, l.park_id, p.code AS park_code, l.number, l.tenant_id, t.name_zh AS tenant_name_zh, t.name_en AS tenant_name_en,
                   l.status, l.stage, l.end_reason, l.start_date, l.end_date, l.predecessor_id,
                   (SELECT pl.number FROM leases pl WHERE pl.id = l.predecessor_id) AS predecessor_number,
                   l.notice_served_on, l.terminated_on, l.row_version
            FROM leases l JOIN tenants t ON t.id = l.tenant_id JOIN parks p ON p.id = l.park_id
            WHERE l.id = @Id AND {scope.ParkFilter("l.park_id")} AND {scope.TenantFilter("l.tenant_id")}
            """, scope.Parameters(new { Id = id }), cancellationToken: ct));
        if (lease is null)
        {
            return null;
        }

        var versions = (await connection.QueryAsync<LeaseVersionView>(new CommandDefinition("""
            SELECT id, version_no, kind, amendment_kind, status, effective_from, start_date, end_date, monthly_price_fen, payment_cycle,
                   deposit_months, escalation_kind, escalation_value, reason, created_at, approved_at, signed_at
            FROM lease_versions WHERE lease_id = @Id ORDER BY version_no
            """, new { Id = id }, cancellationToken: ct))).ToList();
        var seats = (await connection.QueryAsync<(long VersionId, string Code)>(new CommandDefinition("""
            SELECT lvs.lease_version_id, s.code FROM lease_version_seats lvs JOIN seats s ON s.id = lvs.seat_id
            JOIN lease_versions v ON v.id = lvs.lease_version_id WHERE v.lease_id = @Id ORDER BY s.code
            """, new { Id = id }, cancellationToken: ct))).ToLookup(r => r.VersionId, r => r.Code);
        var concessions = (await connection.QueryAsync<(long VersionId, DateOnly Start, DateOnly End, long Bp)>(new CommandDefinition("""
            SELECT c.lease_version_id, c.start_date, c.end_date, c.discount_bp FROM lease_concessions c
            JOIN lease_versions v ON v.id = c.lease_version_id WHERE v.lease_id = @Id ORDER BY c.start_date
            """, new { Id = id }, cancellationToken: ct))).ToLookup(r => r.VersionId, r => new Concession(r.Start, r.End, (int)r.Bp));
        var ramp = (await connection.QueryAsync<(long VersionId, DateOnly From, long Count)>(new CommandDefinition("""
            SELECT r.lease_version_id, r.from_date, r.seat_count FROM lease_ramp_steps r
            JOIN lease_versions v ON v.id = r.lease_version_id WHERE v.lease_id = @Id ORDER BY r.from_date
            """, new { Id = id }, cancellationToken: ct))).ToLookup(r => r.VersionId, r => new RampStep(r.From, (int)r.Count));
        var successor = await connection.QuerySingleOrDefaultAsync<(long Id, string Number)>(new CommandDefinition(
            "SELECT id, number FROM leases WHERE predecessor_id = @Id AND status <> 'cancelled' ORDER BY id DESC LIMIT 1",
            new { Id = id }, cancellationToken: ct));
        var settlement = await connection.QuerySingleOrDefaultAsync<SettlementView>(new CommandDefinition("""
            SELECT notice_date, termination_date, billed_through, unbilled_days, unbilled_fen, prepaid_days, prepaid_credit_fen,
                   penalty_fen, deposit_fen, deposit_offset_fen, refund_fen, owed_fen, reason
            FROM lease_settlements WHERE lease_id = @Id
            """, new { Id = id }, cancellationToken: ct));
        return lease with
        {
            Versions = versions.Select(v => v with { SeatCodes = seats[v.Id].ToArray(), Concessions = concessions[v.Id].ToArray(), Ramp = ramp[v.Id].ToArray() }).ToArray(),
            SuccessorId = successor.Number is null ? null : successor.Id,
            SuccessorNumber = successor.Number,
            Settlement = settlement,
        };
    }

    public async Task<Page<LeaseRequestView>> RequestsAsync(AccessScope scope, string? status, PageRequest page, long? leaseId = null, CancellationToken ct = default)
    {
        var where = $"""
            WHERE {scope.ParkFilter("r.park_id")} AND {scope.TenantFilter("r.tenant_id")}
              AND (@Status IS NULL OR r.status = @Status) AND (@LeaseId IS NULL OR r.lease_id = @LeaseId)
            """;
        var parameters = scope.Parameters(new { Status = string.IsNullOrWhiteSpace(status) ? null : status, LeaseId = leaseId, Limit = page.SafePageSize, page.Offset });
        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT count(*) FROM lease_requests r {where}", parameters, cancellationToken: ct));
        var rows = await connection.QueryAsync<LeaseRequestView>(new CommandDefinition($"""
            {RequestSelect}
            {where}
            ORDER BY CASE r.status WHEN 'pending' THEN 0 ELSE 1 END, r.created_at DESC, r.id DESC
            LIMIT @Limit OFFSET @Offset
            """, parameters, cancellationToken: ct));
        return new Page<LeaseRequestView>(rows.ToArray(), total);
    }

    public async Task<LeaseRequestView?> RequestAsync(AccessScope scope, long id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<LeaseRequestView>(new CommandDefinition($"""
            {RequestSelect}
            WHERE r.id = @Id AND {scope.ParkFilter("r.park_id")} AND {scope.TenantFilter("r.tenant_id")}
            """, scope.Parameters(new { Id = id }), cancellationToken: ct));
    }

    internal const string RequestSelect = """
        SELECT r.id, r.park_id, r.tenant_id, t.name_zh AS tenant_name_zh, t.name_en AS tenant_name_en, r.lease_id, l.number AS lease_number,
               r.kind, r.seat_count, r.seat_codes, r.effective_date, r.reason, r.status, r.decision_note, r.created_at, r.decided_at,
               r.amendment_version_id, r.successor_lease_id, r.row_version
        FROM lease_requests r JOIN tenants t ON t.id = r.tenant_id JOIN leases l ON l.id = r.lease_id
        """;

    /// <summary>Signed leases ending within 90 days of <paramref name="today"/>, soonest first.</summary>
    public async Task<IReadOnlyList<LeaseReminder>> RenewalsDueAsync(AccessScope scope, DateOnly today, int limit = 20, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<LeaseReminder>(new CommandDefinition($"""
            SELECT l.id AS lease_id, l.number, t.name_zh AS tenant_name_zh, t.name_en AS tenant_name_en, l.status, l.stage, l.end_date,
                   CAST(julianday(l.end_date) - julianday(@Today) AS INTEGER) AS days_left
            FROM leases l JOIN tenants t ON t.id = l.tenant_id
            WHERE l.status = 'signed' AND l.stage IN ('active', 'up_for_renewal', 'upcoming')
              AND l.end_date > @Today AND l.end_date <= @Horizon
              AND NOT EXISTS (SELECT 1 FROM leases s WHERE s.predecessor_id = l.id AND s.status <> 'cancelled')
              AND {scope.ParkFilter("l.park_id")} AND {scope.TenantFilter("l.tenant_id")}
            ORDER BY l.end_date, l.id
            LIMIT @Limit
            """, scope.Parameters(new { Today = today, Horizon = today.AddDays(LeaseRules.RenewalWindowDays), Limit = limit }), cancellationToken: ct));
        return rows.ToArray();
    }

    /// <summary>Leases with a version waiting for approval or signature.</summary>
    public async Task<IReadOnlyList<LeaseReminder>> AwaitingDecisionAsync(AccessScope scope, DateOnly today, int limit = 20, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<LeaseReminder>(new CommandDefinition($"""
            SELECT l.id AS lease_id, l.number, t.name_zh AS tenant_name_zh, t.name_en AS tenant_name_en,
                   (SELECT v.status FROM lease_versions v WHERE v.lease_id = l.id AND v.status IN ('draft', 'approved') ORDER BY v.version_no DESC LIMIT 1) AS status,
                   l.stage, l.end_date, CAST(julianday(l.end_date) - julianday(@Today) AS INTEGER) AS days_left
            FROM leases l JOIN tenants t ON t.id = l.tenant_id
            WHERE EXISTS (SELECT 1 FROM lease_versions v WHERE v.lease_id = l.id AND v.status IN ('draft', 'approved'))
              AND l.status <> 'cancelled'
              AND {scope.ParkFilter("l.park_id")} AND {scope.TenantFilter("l.tenant_id")}
            ORDER BY l.id DESC
            LIMIT @Limit
            """, scope.Parameters(new { Today = today, Limit = limit }), cancellationToken: ct));
        return rows.ToArray();
    }

    /// <summary>Seat ids for codes in a park the caller sees; unknown codes are returned as missing.</summary>
    public async Task<(IReadOnlyList<long> Ids, IReadOnlyList<string> Missing)> SeatIdsAsync(AccessScope scope, long parkId, IEnumerable<string> codes, CancellationToken ct = default)
    {
        var wanted = codes.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToArray();
        await using var connection = await db.OpenAsync(ct);
        var found = (await connection.QueryAsync<(long Id, string Code)>(new CommandDefinition($"""
            SELECT s.id, s.code FROM seats s WHERE s.park_id = @ParkId AND s.code IN @Codes AND {scope.ParkFilter("s.park_id")}
            """, scope.Parameters(new { ParkId = parkId, Codes = wanted }), cancellationToken: ct))).ToArray();
        var missing = wanted.Except(found.Select(f => f.Code), StringComparer.Ordinal).ToArray();
        return (found.Select(f => f.Id).ToArray(), missing);
    }

    /// <summary>Tenants a lease can be drafted for, in a park the caller administers.</summary>
    public async Task<IReadOnlyList<(long Id, string NameZh, string NameEn)>> TenantsForParkAsync(AccessScope scope, long parkId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long, string, string)>(new CommandDefinition($"""
            SELECT t.id, t.name_zh, t.name_en FROM tenants t
            WHERE t.park_id = @ParkId AND t.status <> 'exited' AND {scope.ParkFilter("t.park_id")} AND {scope.TenantFilter("t.id")}
            ORDER BY t.name_zh
            """, scope.Parameters(new { ParkId = parkId }), cancellationToken: ct));
        return rows.ToArray();
    }
}
