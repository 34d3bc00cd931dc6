using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;

namespace Park.Domain.Leasing;

public sealed record NewLease(
    long ParkId, long TenantId, IReadOnlyList<long> SeatIds, DateOnly Start, DateOnly End, long MonthlyPriceFen,
    PaymentCycle Cycle = PaymentCycle.Monthly, int DepositMonths = 1, EscalationKind Escalation = EscalationKind.None, long EscalationValue = 0,
    IReadOnlyList<Concession>? Concessions = null, IReadOnlyList<RampStep>? Ramp = null, string SpecialTerms = "", string Reason = "");

/// <summary>
/// The lease use cases. Each runs in one BEGIN IMMEDIATE transaction, checks the caller's role and
/// scope itself, uses <c>leases.row_version</c> for optimistic concurrency and appends to the audit
/// trail. The database triggers on <c>seat_holds</c> are the last word on double leasing.
/// </summary>
public sealed partial class LeaseService(ParkDatabase db, AuditTrail audit, TimeProvider clock)
{
    private const string DoubleLeased = "seat_double_leased";

    public async Task<Result<long>> CreateDraftAsync(AccessScope scope, AuditActor actor, NewLease input, CancellationToken ct = default)
    {
        if (!scope.IsParkAdmin)
        {
            return Problem.NotAllowed();
        }

        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction(deferred: false);
        var created = await InsertDraftAsync(connection, tx, scope, actor, input, null, ct);
        if (created.Succeeded)
        {
            await tx.CommitAsync(ct);
        }

        return created;
    }

    /// <summary>Approves the lease's draft version: its seats become held, so a seat another lease holds is refused.</summary>
    public Task<Result<long>> ApproveAsync(AccessScope scope, AuditActor actor, long leaseId, long rowVersion, string reason = "", CancellationToken ct = default) =>
        DecideAsync(scope, actor, leaseId, rowVersion, reason, LeaseStatus.Approved, ct);

    /// <summary>Signs the lease's approved version; an amendment's seats are rewritten from its effective date.</summary>
    public Task<Result<long>> SignAsync(AccessScope scope, AuditActor actor, long leaseId, long rowVersion, string reason = "", CancellationToken ct = default) =>
        DecideAsync(scope, actor, leaseId, rowVersion, reason, LeaseStatus.Signed, ct);

    /// <summary>Cancels the pending version: an unsigned lease as a whole, or a signed lease's pending amendment.</summary>
    public Task<Result<long>> CancelAsync(AccessScope scope, AuditActor actor, long leaseId, long rowVersion, string reason = "", CancellationToken ct = default) =>
        DecideAsync(scope, actor, leaseId, rowVersion, reason, LeaseStatus.Cancelled, ct);

    private async Task<Result<long>> DecideAsync(AccessScope scope, AuditActor actor, long leaseId, long rowVersion, string reason, LeaseStatus to, CancellationToken ct)
    {
        if (!scope.IsParkAdmin)
        {
            return Problem.NotAllowed();
        }

        // A cancellation must say why: the audit trail and the tenant read it. Approval and signature may go without.
        reason = (reason ?? "").Trim();
        if ((to == LeaseStatus.Cancelled && reason.Length == 0) || reason.Length > 500)
        {
            return Problem.Invalid("reason", "ReasonRequired");
        }

        VersionRow? pending = null;
        await using var connection = await db.OpenAsync(ct);
        try
        {
            await using var tx = connection.BeginTransaction(deferred: false);
            var lease = await LoadAsync(connection, tx, scope, leaseId, ct);
            if (lease is null)
            {
                return Problem.NotFound();
            }

            pending = await PendingVersionAsync(connection, tx, leaseId, ct);
            var from = pending is null ? lease.StatusValue : LeaseRules.ParseStatus(pending.Status);
            if (pending is null || LeaseRules.CheckMove(from, to) is not null)
            {
                return LeaseRules.CheckMove(from, to) ?? Problem.Conflict("StatusMoveRefused", LeaseRules.Code(from), LeaseRules.Code(to));
            }

            if (!await BumpAsync(connection, tx, lease, rowVersion, ct))
            {
                return Problem.Stale();
            }

            var result = pending.Kind == "original"
                ? await DecideOriginalAsync(connection, tx, lease, pending, to, ct)
                : await DecideAmendmentAsync(connection, tx, lease, pending, to, ct);
            if (!result.Succeeded)
            {
                return result;
            }

            await MarkVersionAsync(connection, tx, pending.Id, to, scope, ct);
            await audit.RecordAsync(connection, tx, actor, new AuditEntry("lease." + ActionName(to), "lease", Id(leaseId), Reason: reason,
                Details: $"number={lease.Number}; version={pending.VersionNo}; kind={pending.Kind}", ParkId: lease.ParkId, TenantId: lease.TenantId), ct);
            await tx.CommitAsync(ct);
            return leaseId;
        }
        catch (SqliteException ex) when (ex.Message.Contains(DoubleLeased, StringComparison.Ordinal) && pending is not null)
        {
            return await DoubleLeasedProblemAsync(connection, leaseId, pending, ct);
        }
    }

    private async Task<Result<long>> DecideOriginalAsync(SqliteConnection connection, SqliteTransaction tx, LeaseRow lease, VersionRow version, LeaseStatus to, CancellationToken ct)
    {
        var stage = lease.Stage;
        string? endReason = lease.EndReason;
        if (to == LeaseStatus.Signed)
        {
            var (s, r) = LeaseRules.StageOn(clock.Today(), lease.StartDate, lease.EndDate, LeaseRules.ParseStage(lease.Stage), null, false);
            stage = LeaseRules.Code(s);
            endReason = r is null ? null : LeaseRules.Code(r.Value);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE leases SET status = @Status, stage = @Stage, end_reason = @EndReason WHERE id = @Id",
            new { Id = lease.Id, Status = LeaseRules.Code(to), Stage = stage, EndReason = endReason }, tx, cancellationToken: ct));
        if (to == LeaseStatus.Cancelled)
        {
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM seat_holds WHERE lease_id = @Id", new { lease.Id }, tx, cancellationToken: ct));
        }
        else
        {
            // Approved and signed versions hold their seats: the trigger refuses a seat another lease holds.
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE seat_holds SET kind = 'held' WHERE lease_version_id = @VersionId AND kind = 'reserved'",
                new { VersionId = version.Id }, tx, cancellationToken: ct));
        }

        if (to == LeaseStatus.Signed && lease.PredecessorId is { } predecessor)
        {
            await RefreshStageAsync(connection, tx, predecessor, ct);
        }

        return lease.Id;
    }

    private async Task<Result<long>> DecideAmendmentAsync(SqliteConnection connection, SqliteTransaction tx, LeaseRow lease, VersionRow version, LeaseStatus to, CancellationToken ct)
    {
        if (to == LeaseStatus.Cancelled)
        {
            if (version.Status == "approved")
            {
                // Its seats were applied on approval: put back those of the version in force before it.
                var previous = await connection.QuerySingleAsync<VersionRow>(new CommandDefinition($"""
                    {VersionSelect} WHERE lease_id = @LeaseId AND status = 'signed' ORDER BY version_no DESC LIMIT 1
                    """, new { LeaseId = lease.Id }, tx, cancellationToken: ct));
                await RewriteHoldsAsync(connection, tx, lease, previous, version.EffectiveFrom, ct);
            }

            return lease.Id;
        }

        await RewriteHoldsAsync(connection, tx, lease, version, version.EffectiveFrom, ct);
        if (to == LeaseStatus.Signed && version.EndDate != lease.EndDate)
        {
            await connection.ExecuteAsync(new CommandDefinition("UPDATE leases SET end_date = @End WHERE id = @Id",
                new { lease.Id, End = version.EndDate }, tx, cancellationToken: ct));
            await RefreshStageAsync(connection, tx, lease.Id, ct);
        }

        return lease.Id;
    }

    /// <summary>From <paramref name="from"/> on, the lease holds exactly the version's seats until the version's end.</summary>
    private static async Task RewriteHoldsAsync(SqliteConnection connection, SqliteTransaction tx, LeaseRow lease, VersionRow version, DateOnly from, CancellationToken ct)
    {
        var args = new { LeaseId = lease.Id, From = from, VersionId = version.Id, End = version.EndDate, lease.ParkId, lease.TenantId };
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM seat_holds WHERE lease_id = @LeaseId AND start_date >= @From", args, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("UPDATE seat_holds SET end_date = @From WHERE lease_id = @LeaseId AND end_date > @From", args, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO seat_holds (seat_id, park_id, tenant_id, lease_id, lease_version_id, kind, start_date, end_date)
            SELECT seat_id, @ParkId, @TenantId, @LeaseId, @VersionId, 'held', @From, @End
            FROM lease_version_seats WHERE lease_version_id = @VersionId
            """, args, tx, cancellationToken: ct));
    }

    private async Task<Result<long>> DoubleLeasedProblemAsync(SqliteConnection connection, long leaseId, VersionRow version, CancellationToken ct)
    {
        var holder = await connection.QueryFirstOrDefaultAsync<(string SeatCode, string LeaseNumber)>(new CommandDefinition("""
            SELECT s.code, l.number
            FROM lease_version_seats lvs
            JOIN seat_holds h ON h.seat_id = lvs.seat_id AND h.kind = 'held' AND h.lease_id <> @LeaseId
                             AND h.start_date < @End AND @From < h.end_date
            JOIN seats s ON s.id = h.seat_id JOIN leases l ON l.id = h.lease_id
            WHERE lvs.lease_version_id = @VersionId
            ORDER BY s.code LIMIT 1
            """, new { LeaseId = leaseId, VersionId = version.Id, From = version.EffectiveFrom, End = version.EndDate }, cancellationToken: ct));
        return Problem.Conflict("SeatDoubleLeased", holder.SeatCode ?? "?", holder.LeaseNumber ?? "?");
    }

    private async Task MarkVersionAsync(SqliteConnection connection, SqliteTransaction tx, long versionId, LeaseStatus to, AccessScope scope, CancellationToken ct)
    {
        var sql = to switch
        {
            LeaseStatus.Approved => "UPDATE lease_versions SET status = 'approved', approved_by = @UserId, approved_at = @Now, row_version = row_version + 1 WHERE id = @Id",
            LeaseStatus.Signed => "UPDATE lease_versions SET status = 'signed', signed_by = @UserId, signed_at = @Now, row_version = row_version + 1 WHERE id = @Id",
            _ => "UPDATE lease_versions SET status = 'cancelled', row_version = row_version + 1 WHERE id = @Id",
        };
        await connection.ExecuteAsync(new CommandDefinition(sql, new { Id = versionId, UserId = UserOf(scope), Now = clock.GetUtcNow() }, tx, cancellationToken: ct));
    }

    private static string ActionName(LeaseStatus to) => to switch
    {
        LeaseStatus.Approved => "approve",
        LeaseStatus.Signed => "sign",
        _ => "cancel",
    };

    private static long? UserOf(AccessScope scope) => scope.UserId == 0 ? null : scope.UserId;

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
