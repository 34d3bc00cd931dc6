using Dapper;
using Microsoft.Data.Sqlite;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;

namespace Park.Domain.Leasing;

public enum AmendmentKind
{
    AddSeats,
    ReleaseSeats,
    ChangePrice,
    Extend,
}

/// <summary>A change to a signed lease, in force from <paramref name="EffectiveFrom"/>.</summary>
public sealed record Amendment(AmendmentKind Kind, DateOnly EffectiveFrom, IReadOnlyList<long>? SeatIds = null, long? MonthlyPriceFen = null,
    DateOnly? NewEnd = null, string Reason = "")
{
    public static string Code(AmendmentKind kind) => kind switch
    {
        AmendmentKind.AddSeats => "add_seats",
        AmendmentKind.ReleaseSeats => "release_seats",
        AmendmentKind.ChangePrice => "change_price",
        _ => "extend",
    };
}

public sealed partial class LeaseService
{
    /// <summary>Drafts an amendment: a new version of a signed lease; it holds seats once approved.</summary>
    public async Task<Result<long>> AmendAsync(AccessScope scope, AuditActor actor, long leaseId, long rowVersion, Amendment change, CancellationToken ct = default)
    {
        if (!scope.IsParkAdmin)
        {
            return Problem.NotAllowed();
        }

        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction(deferred: false);
        var lease = await LoadAsync(connection, tx, scope, leaseId, ct);
        if (lease is null)
        {
            return Problem.NotFound();
        }

        if (!await BumpAsync(connection, tx, lease, rowVersion, ct))
        {
            return Problem.Stale();
        }

        var result = await AmendCoreAsync(connection, tx, scope, actor, lease, change, ct);
        if (result.Succeeded)
        {
            await tx.CommitAsync(ct);
        }

        return result;
    }

    private async Task<Result<long>> AmendCoreAsync(SqliteConnection connection, SqliteTransaction tx, AccessScope scope, AuditActor actor, LeaseRow lease,
        Amendment change, CancellationToken ct)
    {
        if (LeaseRules.CheckChangeable(lease.StatusValue, lease.StageValue) is { } closed)
        {
            return closed;
        }

        if (await PendingVersionAsync(connection, tx, lease.Id, ct) is not null)
        {
            return Problem.Conflict("AmendmentPending");
        }

        var current = (await LatestSignedAsync(connection, tx, lease.Id, ct))!;
        if (change.EffectiveFrom < current.EffectiveFrom || change.EffectiveFrom < lease.StartDate || change.EffectiveFrom >= lease.EndDate)
        {
            return Problem.Invalid("effectiveFrom", "EffectiveOutsideTerm");
        }

        if (change.Reason.Length > 500)
        {
            return Problem.Invalid("reason", "TextTooLong");
        }

        var seats = (await VersionSeatsAsync(connection, tx, current.Id, ct)).ToList();
        var asked = (change.SeatIds ?? []).Distinct().ToArray();
        var price = current.MonthlyPriceFen;
        var end = current.EndDate;
        switch (change.Kind)
        {
            case AmendmentKind.AddSeats:
                if (asked.Length == 0 || asked.Any(seats.Contains))
                {
                    return Problem.Invalid("seats", asked.Length == 0 ? "NoSeats" : "SeatAlreadyInLease");
                }

                if (await SeatProblemAsync(connection, tx, lease.ParkId, asked, ct) is { } seatProblem)
                {
                    return seatProblem;
                }

                if (await HeldElsewhereAsync(connection, tx, asked, lease.Id, change.EffectiveFrom, end, ct) is { } held)
                {
                    return Problem.Conflict("SeatDoubleLeased", held.SeatCode, held.LeaseNumber);
                }

                seats.AddRange(asked);
                break;
            case AmendmentKind.ReleaseSeats:
                if (asked.Length == 0 || asked.Any(s => !seats.Contains(s)))
                {
                    return Problem.Invalid("seats", asked.Length == 0 ? "NoSeats" : "SeatNotInLease");
                }

                seats.RemoveAll(asked.Contains);
                if (seats.Count == 0)
                {
                    return Problem.Invalid("seats", "ReleaseAllSeats");
                }

                break;
            case AmendmentKind.ChangePrice:
                price = change.MonthlyPriceFen ?? -1;
                if (price < 0)
                {
                    return Problem.Invalid("price", "PriceNegative");
                }

                break;
            case AmendmentKind.Extend:
                if (change.NewEnd is not { } newEnd || newEnd <= lease.EndDate)
                {
                    return Problem.Invalid("end", "ExtendMustLengthen");
                }

                end = newEnd;
                break;
        }

        var added = change.Kind == AmendmentKind.AddSeats ? asked.Length : 0;
        var ramp = LeaseRamp.Carry(await RampAsync(connection, tx, current.Id, ct), seats.Count, change.EffectiveFrom, end, added);
        var terms = new LeaseTerms(lease.StartDate, end, seats.Count, price, LeaseTerms.ParseCycle(current.PaymentCycle), (int)current.DepositMonths,
            LeaseTerms.ParseEscalation(current.EscalationKind), current.EscalationValue, await ConcessionsAsync(connection, tx, current.Id, ct), ramp);
        if (terms.Validate() is { } invalid)
        {
            return invalid;
        }

        var versionId = await InsertVersionAsync(connection, tx, lease.Id, await NextVersionNoAsync(connection, tx, lease.Id, ct), "amendment",
            Amendment.Code(change.Kind), change.EffectiveFrom, terms, seats, "", change.Reason, scope, ct);
        await audit.RecordAsync(connection, tx, actor, new AuditEntry("lease.amend", "lease", Id(lease.Id), Reason: change.Reason,
            Details: $"number={lease.Number}; kind={Amendment.Code(change.Kind)}; effective={change.EffectiveFrom:yyyy-MM-dd}; seats={seats.Count}; price={price}; end={end:yyyy-MM-dd}",
            ParkId: lease.ParkId, TenantId: lease.TenantId), ct);
        return versionId;
    }

    /// <summary>Drafts the successor lease: same tenant and seats, from the predecessor's end to <paramref name="newEnd"/>.</summary>
    public async Task<Result<long>> RenewAsync(AccessScope scope, AuditActor actor, long leaseId, long rowVersion, DateOnly newEnd, long? monthlyPriceFen,
        string reason, CancellationToken ct = default)
    {
        if (!scope.IsParkAdmin)
        {
            return Problem.NotAllowed();
        }

        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction(deferred: false);
        var lease = await LoadAsync(connection, tx, scope, leaseId, ct);
        if (lease is null)
        {
            return Problem.NotFound();
        }

        if (!await BumpAsync(connection, tx, lease, rowVersion, ct))
        {
            return Problem.Stale();
        }

        var result = await RenewCoreAsync(connection, tx, scope, actor, lease, newEnd, monthlyPriceFen, reason, ct);
        if (result.Succeeded)
        {
            await tx.CommitAsync(ct);
        }

        return result;
    }

    private async Task<Result<long>> RenewCoreAsync(SqliteConnection connection, SqliteTransaction tx, AccessScope scope, AuditActor actor, LeaseRow lease,
        DateOnly newEnd, long? monthlyPriceFen, string reason, CancellationToken ct)
    {
        if (LeaseRules.CheckChangeable(lease.StatusValue, lease.StageValue) is { } closed)
        {
            return closed;
        }

        if (lease.StageValue == LeaseStage.NoticeServed)
        {
            return Problem.Conflict("LeaseNoticeServed");
        }

        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM leases WHERE predecessor_id = @Id AND status <> 'cancelled')", new { lease.Id }, tx, cancellationToken: ct)))
        {
            return Problem.Conflict("AlreadyRenewed");
        }

        var current = (await LatestSignedAsync(connection, tx, lease.Id, ct))!;
        var seats = await VersionSeatsAsync(connection, tx, current.Id, ct);
        var input = new NewLease(lease.ParkId, lease.TenantId, seats, lease.EndDate, newEnd, monthlyPriceFen ?? current.MonthlyPriceFen,
            LeaseTerms.ParseCycle(current.PaymentCycle), (int)current.DepositMonths, Reason: reason);
        var escalation = LeaseTerms.ParseEscalation(current.EscalationKind);
        if (escalation != EscalationKind.None && newEnd > lease.EndDate.AddYears(1))
        {
            input = input with { Escalation = escalation, EscalationValue = current.EscalationValue };
        }

        return await InsertDraftAsync(connection, tx, scope, actor, input, lease.Id, ct);
    }

    /// <summary>
    /// Ends a signed lease early on <paramref name="terminationDate"/> (exclusive): notice served (or ended at once if the
    /// date has come), seats released from that date, and the settlement stored for billing.
    /// </summary>
    public async Task<Result<Settlement>> TerminateAsync(AccessScope scope, AuditActor actor, long leaseId, long rowVersion, DateOnly terminationDate,
        long penaltyFen, string reason, CancellationToken ct = default)
    {
        if (!scope.IsParkAdmin)
        {
            return Problem.NotAllowed();
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
        {
            return Problem.Invalid("reason", "ReasonRequired");
        }

        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction(deferred: false);
        var lease = await LoadAsync(connection, tx, scope, leaseId, ct);
        if (lease is null)
        {
            return Problem.NotFound();
        }

        if (LeaseRules.CheckChangeable(lease.StatusValue, lease.StageValue) is { } closed)
        {
            return closed;
        }

        if (await PendingVersionAsync(connection, tx, lease.Id, ct) is not null)
        {
            return Problem.Conflict("AmendmentPending");
        }

        var today = clock.Today();
        var stage = terminationDate <= today ? LeaseStage.Ended : LeaseStage.NoticeServed;
        if (LeaseRules.CheckMove(lease.StageValue, stage) is { } refused)
        {
            return refused;
        }

        if (terminationDate == lease.EndDate)
        {
            return await ServeNoticeAtEndAsync(connection, tx, scope, actor, lease, rowVersion, penaltyFen, reason, ct);
        }

        var current = (await LatestSignedAsync(connection, tx, lease.Id, ct))!;
        var seats = await VersionSeatsAsync(connection, tx, current.Id, ct);
        var terms = new LeaseTerms(lease.StartDate, current.EndDate, seats.Count, current.MonthlyPriceFen, LeaseTerms.ParseCycle(current.PaymentCycle),
            (int)current.DepositMonths, LeaseTerms.ParseEscalation(current.EscalationKind), current.EscalationValue,
            await ConcessionsAsync(connection, tx, current.Id, ct), await RampAsync(connection, tx, current.Id, ct));
        var computed = LeaseSettlement.Compute(terms, today, terminationDate, new Money(penaltyFen));
        if (!computed.Succeeded)
        {
            return computed.Problem!;
        }

        if (!await BumpAsync(connection, tx, lease, rowVersion, ct))
        {
            return Problem.Stale();
        }

        var s = computed.Value!;
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE leases SET stage = @Stage, end_reason = @Reason, notice_served_on = @Today, terminated_on = @End, end_date = @End WHERE id = @Id
            """, new { lease.Id, Stage = LeaseRules.Code(stage), Reason = stage == LeaseStage.Ended ? "terminated" : null, Today = today, End = terminationDate },
            tx, cancellationToken: ct));
        var args = new { LeaseId = lease.Id, End = terminationDate };
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM seat_holds WHERE lease_id = @LeaseId AND start_date >= @End", args, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("UPDATE seat_holds SET end_date = @End WHERE lease_id = @LeaseId AND end_date > @End", args, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO lease_settlements (lease_id, notice_date, termination_date, billed_through, unbilled_days, unbilled_fen, prepaid_days,
                prepaid_credit_fen, penalty_fen, deposit_fen, deposit_offset_fen, refund_fen, owed_fen, reason, created_by, created_at)
            VALUES (@LeaseId, @NoticeDate, @TerminationDate, @BilledThrough, @UnbilledDays, @Unbilled, @PrepaidDays,
                @Credit, @Penalty, @Deposit, @Offset, @Refund, @Owed, @Reason, @UserId, @Now)
            """, new
        {
            LeaseId = lease.Id, s.NoticeDate, s.TerminationDate, s.BilledThrough, s.UnbilledDays, Unbilled = s.Unbilled.Fen, s.PrepaidDays,
            Credit = s.PrepaidCredit.Fen, Penalty = s.Penalty.Fen, Deposit = s.Deposit.Fen, Offset = s.DepositOffset.Fen, Refund = s.Refund.Fen,
            Owed = s.Owed.Fen, Reason = reason, UserId = UserOf(scope), Now = clock.GetUtcNow(),
        }, tx, cancellationToken: ct));
        await audit.RecordAsync(connection, tx, actor, new AuditEntry("lease.terminate", "lease", Id(lease.Id), Reason: reason,
            Details: $"number={lease.Number}; end={terminationDate:yyyy-MM-dd}; unbilled={s.Unbilled.Fen}; refund={s.Refund.Fen}; owed={s.Owed.Fen}",
            ParkId: lease.ParkId, TenantId: lease.TenantId), ct);
        await tx.CommitAsync(ct);
        return s;
    }

    /// <summary>The daily job: applies <see cref="LeaseRules.StageOn"/> to every signed lease not yet ended. Returns how many moved.</summary>
    public async Task<int> MarkStagesAsync(DateOnly today, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction(deferred: false);
        var leases = await connection.QueryAsync<(long Id, long ParkId, long TenantId, string Number, string Stage, DateOnly Start, DateOnly End, long HasSuccessor,
            long EndsEarly)>(
            new CommandDefinition("""
                SELECT l.id, l.park_id, l.tenant_id, l.number, l.stage, l.start_date, l.end_date,
                       EXISTS (SELECT 1 FROM leases s WHERE s.predecessor_id = l.id AND s.status = 'signed'), l.terminated_on IS NOT NULL
                FROM leases l WHERE l.status = 'signed' AND l.stage <> 'ended'
                """, transaction: tx, cancellationToken: ct));
        var moved = 0;
        foreach (var l in leases)
        {
            var (stage, reason) = LeaseRules.StageOn(today, l.Start, l.End, LeaseRules.ParseStage(l.Stage), null, l.HasSuccessor == 1, l.EndsEarly == 1);
            if (LeaseRules.Code(stage) == l.Stage)
            {
                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE leases SET stage = @Stage, end_reason = @Reason, row_version = row_version + 1, updated_at = @Now WHERE id = @Id",
                new { l.Id, Stage = LeaseRules.Code(stage), Reason = reason is null ? null : LeaseRules.Code(reason.Value), Now = clock.GetUtcNow() },
                tx, cancellationToken: ct));
            await audit.RecordAsync(connection, tx, AuditActor.Cli with { Email = "system", Role = "System" }, new AuditEntry("lease.stage", "lease", Id(l.Id),
                Reason: "date", Details: $"number={l.Number}; from={l.Stage}; to={LeaseRules.Code(stage)}", ParkId: l.ParkId, TenantId: l.TenantId), ct);
            moved++;
        }

        await tx.CommitAsync(ct);
        return moved;
    }

    private static async Task<IReadOnlyList<Concession>> ConcessionsAsync(SqliteConnection connection, SqliteTransaction tx, long versionId, CancellationToken ct) =>
        (await connection.QueryAsync<(DateOnly Start, DateOnly End, long Bp)>(new CommandDefinition(
            "SELECT start_date, end_date, discount_bp FROM lease_concessions WHERE lease_version_id = @Id ORDER BY start_date",
            new { Id = versionId }, tx, cancellationToken: ct))).Select(c => new Concession(c.Start, c.End, (int)c.Bp)).ToArray();

    private static async Task<IReadOnlyList<RampStep>> RampAsync(SqliteConnection connection, SqliteTransaction tx, long versionId, CancellationToken ct) =>
        (await connection.QueryAsync<(DateOnly From, long Count)>(new CommandDefinition(
            "SELECT from_date, seat_count FROM lease_ramp_steps WHERE lease_version_id = @Id ORDER BY from_date",
            new { Id = versionId }, tx, cancellationToken: ct))).Select(r => new RampStep(r.From, (int)r.Count)).ToArray();

    private static Task<long> NextVersionNoAsync(SqliteConnection connection, SqliteTransaction tx, long leaseId, CancellationToken ct) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT coalesce(max(version_no), 0) + 1 FROM lease_versions WHERE lease_id = @Id", new { Id = leaseId }, tx, cancellationToken: ct));
}
