using Dapper;
using Microsoft.Data.Sqlite;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;

namespace Park.Domain.Leasing;

public sealed partial class LeaseService
{
    /// <summary>
    /// Notice to leave at the natural end: the stage becomes notice served (so no renewal is offered), the seats stay held
    /// until the end, and the daily job ends the lease as expired. Nothing is settled early: the remaining periods are
    /// billed as scheduled, no penalty applies, and the deposit is refunded in full at the end.
    /// </summary>
    private async Task<Result<Settlement>> ServeNoticeAtEndAsync(SqliteConnection connection, SqliteTransaction tx, AccessScope scope, AuditActor actor,
        LeaseRow lease, long rowVersion, long penaltyFen, string reason, CancellationToken ct)
    {
        if (penaltyFen != 0)
        {
            return Problem.Invalid("penalty", "PenaltyAtNaturalEnd");
        }

        var today = clock.Today();
        var current = (await LatestSignedAsync(connection, tx, lease.Id, ct))!;
        var seats = await VersionSeatsAsync(connection, tx, current.Id, ct);
        var terms = new LeaseTerms(lease.StartDate, current.EndDate, seats.Count, current.MonthlyPriceFen, LeaseTerms.ParseCycle(current.PaymentCycle),
            (int)current.DepositMonths, LeaseTerms.ParseEscalation(current.EscalationKind), current.EscalationValue,
            await ConcessionsAsync(connection, tx, current.Id, ct), await RampAsync(connection, tx, current.Id, ct));
        if (!await BumpAsync(connection, tx, lease, rowVersion, ct))
        {
            return Problem.Stale();
        }

        var settlement = LeaseSettlement.AtNaturalEnd(terms, today);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE leases SET stage = 'notice_served', end_reason = NULL, notice_served_on = @Today, terminated_on = NULL WHERE id = @Id",
            new { lease.Id, Today = today }, tx, cancellationToken: ct));
        await audit.RecordAsync(connection, tx, actor, new AuditEntry("lease.notice", "lease", Id(lease.Id), Reason: reason,
            Details: $"number={lease.Number}; end={lease.EndDate:yyyy-MM-dd}; natural end; deposit refund={settlement.Refund.Fen}",
            ParkId: lease.ParkId, TenantId: lease.TenantId), ct);
        await tx.CommitAsync(ct);
        return settlement;
    }
}
