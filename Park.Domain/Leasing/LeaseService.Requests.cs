using Dapper;
using Microsoft.Data.Sqlite;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;

namespace Park.Domain.Leasing;

/// <summary>What a tenant asks for. The tenant and park come from the lease and the caller's scope, never from input.</summary>
public sealed record NewLeaseRequest(long LeaseId, string Kind, int SeatCount, string SeatCodes, DateOnly EffectiveDate, string Reason);

public sealed partial class LeaseService
{
    public static readonly string[] RequestKinds = ["add_seats", "release_seats", "renewal"];

    public async Task<Result<long>> CreateRequestAsync(AccessScope scope, AuditActor actor, NewLeaseRequest input, CancellationToken ct = default)
    {
        if (!scope.IsTenant && !scope.IsParkAdmin)
        {
            return Problem.NotAllowed();
        }

        if (!RequestKinds.Contains(input.Kind))
        {
            return Problem.Invalid("kind", "RequestKindUnknown");
        }

        if (string.IsNullOrWhiteSpace(input.Reason) || input.Reason.Trim().Length > 500)
        {
            return Problem.Invalid("reason", "ReasonRequired");
        }

        var codes = SplitCodes(input.SeatCodes);
        if (input.Kind != "renewal" && input.SeatCount is < 0 or > 5000)
        {
            return Problem.Invalid("seatCount", "RequestSeatCountRange");
        }

        if (input.Kind != "renewal" && input.SeatCount == 0 && codes.Length == 0)
        {
            return Problem.Invalid("seatCount", "NoSeats");
        }

        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction(deferred: false);
        var lease = await LoadAsync(connection, tx, scope, input.LeaseId, ct);
        if (lease is null)
        {
            return Problem.NotFound();
        }

        if (LeaseRules.CheckChangeable(lease.StatusValue, lease.StageValue) is { } closed)
        {
            return closed;
        }

        var today = clock.Today();
        var dateOk = input.Kind == "renewal"
            ? input.EffectiveDate > lease.EndDate
            : input.EffectiveDate >= today && input.EffectiveDate >= lease.StartDate && input.EffectiveDate < lease.EndDate;
        if (!dateOk)
        {
            return Problem.Invalid("effectiveDate", input.Kind == "renewal" ? "ExtendMustLengthen" : "EffectiveOutsideTerm");
        }

        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO lease_requests (park_id, tenant_id, lease_id, kind, seat_count, seat_codes, effective_date, reason, status, created_by, created_at)
            VALUES (@ParkId, @TenantId, @LeaseId, @Kind, @SeatCount, @SeatCodes, @EffectiveDate, @Reason, 'pending', @UserId, @Now)
            RETURNING id
            """, new
        {
            lease.ParkId, lease.TenantId, LeaseId = lease.Id, input.Kind, SeatCount = codes.Length > 0 ? codes.Length : input.SeatCount,
            SeatCodes = string.Join(",", codes), input.EffectiveDate, Reason = input.Reason.Trim(), UserId = UserOf(scope), Now = clock.GetUtcNow(),
        }, tx, cancellationToken: ct));
        await audit.RecordAsync(connection, tx, actor, new AuditEntry("lease.request.create", "lease_request", Id(id), Reason: input.Reason.Trim(),
            Details: $"lease={lease.Number}; kind={input.Kind}; seats={input.SeatCount}; date={input.EffectiveDate:yyyy-MM-dd}", ParkId: lease.ParkId, TenantId: lease.TenantId), ct);
        await tx.CommitAsync(ct);
        return id;
    }

    /// <summary>
    /// The park decides a pending request. Accepting turns it into an amendment draft (more or fewer seats) or a
    /// successor lease draft (renewal); seats asked for by count are picked from the free seats nearest the lease's own.
    /// </summary>
    public async Task<Result<long>> DecideRequestAsync(AccessScope scope, AuditActor actor, long requestId, long rowVersion, bool accept, string note,
        CancellationToken ct = default)
    {
        if (!scope.IsParkAdmin)
        {
            return Problem.NotAllowed();
        }

        // A rejection must tell the tenant why; an acceptance may carry a note.
        note = (note ?? "").Trim();
        if ((!accept && note.Length == 0) || note.Length > 500)
        {
            return Problem.Invalid("note", "ReasonRequired");
        }

        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction(deferred: false);
        var request = await connection.QuerySingleOrDefaultAsync<LeaseRequestView>(new CommandDefinition($"""
            {LeaseStore.RequestSelect}
            WHERE r.id = @Id AND {scope.ParkFilter("r.park_id")} AND {scope.TenantFilter("r.tenant_id")}
            """, scope.Parameters(new { Id = requestId }), tx, cancellationToken: ct));
        if (request is null)
        {
            return Problem.NotFound();
        }

        if (request.Status != "pending")
        {
            return Problem.Conflict("RequestAlreadyDecided", request.Status);
        }

        if (request.RowVersion != rowVersion)
        {
            return Problem.Stale();
        }

        long? versionId = null;
        long? successorId = null;
        if (accept)
        {
            var lease = (await LoadAsync(connection, tx, scope, request.LeaseId, ct))!;
            await BumpAsync(connection, tx, lease, lease.RowVersion, ct);
            var made = await AcceptAsync(connection, tx, scope, actor, lease, request, ct);
            if (!made.Succeeded)
            {
                return made;
            }

            if (request.Kind == "renewal")
            {
                successorId = made.Value;
            }
            else
            {
                versionId = made.Value;
            }
        }

        var changed = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE lease_requests SET status = @Status, decision_note = @Note, decided_by = @UserId, decided_at = @Now,
                   amendment_version_id = @VersionId, successor_lease_id = @SuccessorId, row_version = row_version + 1
            WHERE id = @Id AND row_version = @RowVersion
            """, new
        {
            Id = requestId, RowVersion = rowVersion, Status = accept ? "accepted" : "rejected", Note = note, UserId = UserOf(scope),
            Now = clock.GetUtcNow(), VersionId = versionId, SuccessorId = successorId,
        }, tx, cancellationToken: ct));
        if (changed == 0)
        {
            return Problem.Stale();
        }

        await audit.RecordAsync(connection, tx, actor, new AuditEntry(accept ? "lease.request.accept" : "lease.request.reject", "lease_request", Id(requestId),
            Reason: note, Details: $"lease={request.LeaseNumber}; kind={request.Kind}", ParkId: request.ParkId, TenantId: request.TenantId), ct);
        await tx.CommitAsync(ct);
        return requestId;
    }

    private async Task<Result<long>> AcceptAsync(SqliteConnection connection, SqliteTransaction tx, AccessScope scope, AuditActor actor, LeaseRow lease,
        LeaseRequestView request, CancellationToken ct)
    {
        var reason = $"request #{request.Id}: {request.Reason}";
        if (request.Kind == "renewal")
        {
            return await RenewCoreAsync(connection, tx, scope, actor, lease, request.EffectiveDate, null, reason, ct);
        }

        var codes = SplitCodes(request.SeatCodes);
        IReadOnlyList<long> seatIds;
        if (codes.Length > 0)
        {
            seatIds = (await connection.QueryAsync<long>(new CommandDefinition(
                "SELECT id FROM seats WHERE park_id = @ParkId AND code IN @Codes", new { lease.ParkId, Codes = codes }, tx, cancellationToken: ct))).ToArray();
            if (seatIds.Count != codes.Length)
            {
                return Problem.Invalid("seats", "SeatCodeUnknown", string.Join(", ", codes));
            }
        }
        else if (request.Kind == "add_seats")
        {
            seatIds = await FreeSeatsNearAsync(connection, tx, lease, (int)request.SeatCount, request.EffectiveDate, ct);
            if (seatIds.Count < request.SeatCount)
            {
                return Problem.Conflict("NotEnoughFreeSeats", request.SeatCount, seatIds.Count);
            }
        }
        else
        {
            var current = (await LatestSignedAsync(connection, tx, lease.Id, ct))!;
            seatIds = (await VersionSeatsAsync(connection, tx, current.Id, ct)).TakeLast((int)request.SeatCount).ToArray();
        }

        var kind = request.Kind == "add_seats" ? AmendmentKind.AddSeats : AmendmentKind.ReleaseSeats;
        return await AmendCoreAsync(connection, tx, scope, actor, lease, new Amendment(kind, request.EffectiveDate, seatIds, Reason: reason), ct);
    }

    /// <summary>In-service seats nobody holds or reserves from <paramref name="from"/> to the lease end, same zone first, then same floor.</summary>
    private static async Task<IReadOnlyList<long>> FreeSeatsNearAsync(SqliteConnection connection, SqliteTransaction tx, LeaseRow lease, int count, DateOnly from,
        CancellationToken ct) =>
        (await connection.QueryAsync<long>(new CommandDefinition("""
            WITH mine AS (SELECT DISTINCT s.zone_id, z.floor_id FROM seat_holds h JOIN seats s ON s.id = h.seat_id JOIN zones z ON z.id = s.zone_id
                          WHERE h.lease_id = @LeaseId)
            SELECT s.id FROM seats s JOIN zones z ON z.id = s.zone_id
            WHERE s.park_id = @ParkId AND s.service_status = 'in_service'
              AND NOT EXISTS (SELECT 1 FROM seat_holds h WHERE h.seat_id = s.id AND h.start_date < @End AND @From < h.end_date)
            ORDER BY CASE WHEN s.zone_id IN (SELECT zone_id FROM mine) THEN 0 WHEN z.floor_id IN (SELECT floor_id FROM mine) THEN 1 ELSE 2 END, s.code
            LIMIT @Count
            """, new { LeaseId = lease.Id, lease.ParkId, From = from, End = lease.EndDate, Count = count }, tx, cancellationToken: ct))).ToArray();

    private static string[] SplitCodes(string? codes) =>
        (codes ?? "").Split([',', ' ', '\n', ';', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).Distinct().Take(5000).ToArray();
}
