using Dapper;
using Microsoft.Data.Sqlite;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;

namespace Park.Domain.Leasing;

public sealed partial class LeaseService
{
    internal sealed record LeaseRow(long Id, long ParkId, long TenantId, string Number, string Status, string Stage, string? EndReason,
        DateOnly StartDate, DateOnly EndDate, long RowVersion, long? PredecessorId, DateOnly? TerminatedOn)
    {
        public LeaseStatus StatusValue => LeaseRules.ParseStatus(Status);

        public LeaseStage StageValue => LeaseRules.ParseStage(Stage);
    }

    internal sealed record VersionRow(long Id, long VersionNo, string Kind, string Status, DateOnly EffectiveFrom, DateOnly StartDate, DateOnly EndDate,
        long MonthlyPriceFen, string PaymentCycle, long DepositMonths, string EscalationKind, long EscalationValue);

    private const string VersionSelect = """
        SELECT id, version_no, kind, status, effective_from, start_date, end_date, monthly_price_fen, payment_cycle, deposit_months,
               escalation_kind, escalation_value
        FROM lease_versions
        """;

    private static Task<LeaseRow?> LoadAsync(SqliteConnection connection, SqliteTransaction tx, AccessScope scope, long id, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<LeaseRow>(new CommandDefinition($"""
            SELECT l.id, l.park_id, l.tenant_id, l.number, l.status, l.stage, l.end_reason, l.start_date, l.end_date, l.row_version, l.predecessor_id,
                   l.terminated_on
            FROM leases l
            WHERE l.id = @Id AND {scope.ParkFilter("l.park_id")} AND {scope.TenantFilter("l.tenant_id")}
            """, scope.Parameters(new { Id = id }), tx, cancellationToken: ct));

    private static Task<VersionRow?> PendingVersionAsync(SqliteConnection connection, SqliteTransaction tx, long leaseId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<VersionRow>(new CommandDefinition($"""
            {VersionSelect} WHERE lease_id = @LeaseId AND status IN ('draft', 'approved') ORDER BY version_no DESC LIMIT 1
            """, new { LeaseId = leaseId }, tx, cancellationToken: ct));

    private static Task<VersionRow?> LatestSignedAsync(SqliteConnection connection, SqliteTransaction tx, long leaseId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<VersionRow>(new CommandDefinition($"""
            {VersionSelect} WHERE lease_id = @LeaseId AND status = 'signed' ORDER BY version_no DESC LIMIT 1
            """, new { LeaseId = leaseId }, tx, cancellationToken: ct));

    private static async Task<IReadOnlyList<long>> VersionSeatsAsync(SqliteConnection connection, SqliteTransaction tx, long versionId, CancellationToken ct) =>
        (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT seat_id FROM lease_version_seats WHERE lease_version_id = @Id ORDER BY seat_id", new { Id = versionId }, tx, cancellationToken: ct))).ToArray();

    /// <summary>The optimistic-concurrency gate: false when someone saved the lease since the caller read it.</summary>
    private async Task<bool> BumpAsync(SqliteConnection connection, SqliteTransaction tx, LeaseRow lease, long rowVersion, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE leases SET row_version = row_version + 1, updated_at = @Now WHERE id = @Id AND row_version = @RowVersion",
            new { lease.Id, RowVersion = rowVersion, Now = clock.GetUtcNow() }, tx, cancellationToken: ct)) == 1;

    /// <summary>Re-applies the date rule to a signed lease (after an extension or a successor's signature).</summary>
    private async Task RefreshStageAsync(SqliteConnection connection, SqliteTransaction tx, long leaseId, CancellationToken ct)
    {
        var lease = await connection.QuerySingleAsync<LeaseRow>(new CommandDefinition("""
            SELECT id, park_id, tenant_id, number, status, stage, end_reason, start_date, end_date, row_version, predecessor_id, terminated_on
            FROM leases WHERE id = @Id
            """, new { Id = leaseId }, tx, cancellationToken: ct));
        if (lease.Status != "signed")
        {
            return;
        }

        var hasSuccessor = await HasSignedSuccessorAsync(connection, tx, leaseId, ct);
        var (stage, reason) = LeaseRules.StageOn(clock.Today(), lease.StartDate, lease.EndDate, lease.StageValue, LeaseRules.ParseEndReason(lease.EndReason), hasSuccessor,
            noticeEndsEarly: lease.TerminatedOn is not null);
        await connection.ExecuteAsync(new CommandDefinition("UPDATE leases SET stage = @Stage, end_reason = @Reason WHERE id = @Id",
            new { Id = leaseId, Stage = LeaseRules.Code(stage), Reason = reason is null ? null : LeaseRules.Code(reason.Value) }, tx, cancellationToken: ct));
    }

    private static Task<bool> HasSignedSuccessorAsync(SqliteConnection connection, SqliteTransaction tx, long leaseId, CancellationToken ct) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM leases WHERE predecessor_id = @Id AND status = 'signed')", new { Id = leaseId }, tx, cancellationToken: ct));

    /// <summary>A seat in <paramref name="seatIds"/> another lease holds within [from, to): its code and that lease's number.</summary>
    private static async Task<(string SeatCode, string LeaseNumber)?> HeldElsewhereAsync(SqliteConnection connection, SqliteTransaction tx,
        IReadOnlyList<long> seatIds, long? leaseId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var row = await connection.QueryFirstOrDefaultAsync<(string SeatCode, string LeaseNumber)>(new CommandDefinition("""
            SELECT s.code, l.number FROM seat_holds h JOIN seats s ON s.id = h.seat_id JOIN leases l ON l.id = h.lease_id
            WHERE h.seat_id IN @SeatIds AND h.kind = 'held' AND (@LeaseId IS NULL OR h.lease_id <> @LeaseId)
              AND h.start_date < @To AND @From < h.end_date
            ORDER BY s.code LIMIT 1
            """, new { SeatIds = seatIds, LeaseId = leaseId, From = from, To = to }, tx, cancellationToken: ct));
        return row.SeatCode is null ? null : row;
    }

    private async Task<Result<long>> InsertDraftAsync(SqliteConnection connection, SqliteTransaction tx, AccessScope scope, AuditActor actor,
        NewLease input, long? predecessorId, CancellationToken ct)
    {
        var seatIds = input.SeatIds.Distinct().ToArray();
        var terms = new LeaseTerms(input.Start, input.End, seatIds.Length, input.MonthlyPriceFen, input.Cycle, input.DepositMonths,
            input.Escalation, input.EscalationValue, input.Concessions, input.Ramp);
        if (terms.Validate() is { } invalid)
        {
            return invalid;
        }

        if (input.Reason.Length > 500)
        {
            return Problem.Invalid("reason", "TextTooLong");
        }

        if (input.SpecialTerms.Length > 4000)
        {
            return Problem.Invalid("specialTerms", "TextTooLong");
        }

        var tenant = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition($"""
            SELECT t.status FROM tenants t
            WHERE t.id = @TenantId AND t.park_id = @ParkId AND {scope.ParkFilter("t.park_id")} AND {scope.TenantFilter("t.id")}
            """, scope.Parameters(new { input.TenantId, input.ParkId }), tx, cancellationToken: ct));
        if (tenant is null)
        {
            return Problem.Invalid("tenant", "LeaseTenantUnknown");
        }

        if (tenant == "exited")
        {
            return Problem.Invalid("tenant", "TenantExited");
        }

        if (await SeatProblemAsync(connection, tx, input.ParkId, seatIds, ct) is { } seatProblem)
        {
            return seatProblem;
        }

        if (await HeldElsewhereAsync(connection, tx, seatIds, null, input.Start, input.End, ct) is { } held)
        {
            return Problem.Conflict("SeatDoubleLeased", held.SeatCode, held.LeaseNumber);
        }

        var now = clock.GetUtcNow();
        var count = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM leases WHERE park_id = @ParkId", new { input.ParkId }, tx, cancellationToken: ct));
        var number = $"ZL{clock.Today().Year}-{count + 1:D5}";
        var leaseId = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO leases (park_id, tenant_id, number, status, stage, start_date, end_date, predecessor_id, created_at, updated_at)
            VALUES (@ParkId, @TenantId, @Number, 'draft', 'upcoming', @Start, @End, @PredecessorId, @Now, @Now) RETURNING id
            """, new { input.ParkId, input.TenantId, Number = number, input.Start, input.End, PredecessorId = predecessorId, Now = now }, tx, cancellationToken: ct));
        var versionId = await InsertVersionAsync(connection, tx, leaseId, 1, "original", "", input.Start, terms, seatIds, input.SpecialTerms, input.Reason, scope, ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO seat_holds (seat_id, park_id, tenant_id, lease_id, lease_version_id, kind, start_date, end_date)
            SELECT seat_id, @ParkId, @TenantId, @LeaseId, @VersionId, 'reserved', @Start, @End FROM lease_version_seats WHERE lease_version_id = @VersionId
            """, new { input.ParkId, input.TenantId, LeaseId = leaseId, VersionId = versionId, input.Start, input.End }, tx, cancellationToken: ct));
        await audit.RecordAsync(connection, tx, actor, new AuditEntry(predecessorId is null ? "lease.create" : "lease.renew", "lease", Id(leaseId),
            Reason: input.Reason, Details: $"number={number}; seats={seatIds.Length}; term={input.Start:yyyy-MM-dd}..{input.End:yyyy-MM-dd}; price={input.MonthlyPriceFen}",
            ParkId: input.ParkId, TenantId: input.TenantId), ct);
        return leaseId;
    }

    private async Task<long> InsertVersionAsync(SqliteConnection connection, SqliteTransaction tx, long leaseId, long versionNo, string kind, string amendmentKind,
        DateOnly effectiveFrom, LeaseTerms terms, IReadOnlyList<long> seatIds, string specialTerms, string reason, AccessScope scope, CancellationToken ct)
    {
        var versionId = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO lease_versions (lease_id, version_no, kind, amendment_kind, status, effective_from, start_date, end_date, monthly_price_fen,
                                        payment_cycle, deposit_months, escalation_kind, escalation_value, special_terms, reason, created_by, created_at)
            VALUES (@LeaseId, @VersionNo, @Kind, @AmendmentKind, 'draft', @EffectiveFrom, @Start, @End, @Price,
                    @Cycle, @Deposit, @Escalation, @EscalationValue, @SpecialTerms, @Reason, @UserId, @Now)
            RETURNING id
            """, new
        {
            LeaseId = leaseId, VersionNo = versionNo, Kind = kind, AmendmentKind = amendmentKind, EffectiveFrom = effectiveFrom, terms.Start, terms.End,
            Price = terms.MonthlyPriceFen, Cycle = LeaseTerms.CycleCode(terms.Cycle), Deposit = terms.DepositMonths,
            Escalation = LeaseTerms.EscalationCode(terms.Escalation), terms.EscalationValue, SpecialTerms = specialTerms, Reason = reason,
            UserId = UserOf(scope), Now = clock.GetUtcNow(),
        }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO lease_version_seats (lease_version_id, seat_id) VALUES (@VersionId, @SeatId)",
            seatIds.Select(s => new { VersionId = versionId, SeatId = s }), tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO lease_concessions (lease_version_id, start_date, end_date, discount_bp) VALUES (@VersionId, @Start, @End, @DiscountBp)",
            terms.ConcessionList.Select(c => new { VersionId = versionId, c.Start, c.End, c.DiscountBp }), tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO lease_ramp_steps (lease_version_id, from_date, seat_count) VALUES (@VersionId, @From, @SeatCount)",
            terms.RampList.Select(r => new { VersionId = versionId, r.From, r.SeatCount }), tx, cancellationToken: ct));
        return versionId;
    }

    private static async Task<Problem?> SeatProblemAsync(SqliteConnection connection, SqliteTransaction tx, long parkId, IReadOnlyList<long> seatIds, CancellationToken ct)
    {
        if (seatIds.Count == 0)
        {
            return Problem.Invalid("seats", "NoSeats");
        }

        var seats = (await connection.QueryAsync<(long Id, string Code, string Status)>(new CommandDefinition(
            "SELECT id, code, service_status FROM seats WHERE park_id = @ParkId AND id IN @Ids", new { ParkId = parkId, Ids = seatIds }, tx, cancellationToken: ct))).ToArray();
        if (seats.Length != seatIds.Count)
        {
            return Problem.Invalid("seats", "SeatUnknown", string.Join(", ", seatIds.Except(seats.Select(s => s.Id)).Take(5)));
        }

        return seats.FirstOrDefault(s => s.Status == "retired") is { Code: not null } retired
            ? Problem.Invalid("seats", "SeatRetired", retired.Code)
            : null;
    }
}
