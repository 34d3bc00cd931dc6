using System.Data;
using Dapper;
using Park.Domain.Access;
using Park.Domain.Data;

namespace Park.Domain.Audit;

/// <summary>Who acted: a signed-in user, a failed sign-in attempt, or the operator's CLI.</summary>
public sealed record AuditActor(long? UserId, string Email, string Role, string RemoteIp = "")
{
    public static AuditActor From(AccessScope scope, string remoteIp = "") =>
        new(scope.UserId == 0 ? null : scope.UserId, scope.Email, scope.PrimaryRole, remoteIp);

    public static AuditActor Cli { get; } = new(null, "cli", "Operator");
}

public static class AuditOutcome
{
    public const string Success = "success";
    public const string Failure = "failure";
    public const string Denied = "denied";
}

/// <summary>One thing that happened. Actions are dotted verbs: <c>user.signin</c>, <c>lease.sign</c>.</summary>
public sealed record AuditEntry(
    string Action,
    string TargetType = "",
    string TargetId = "",
    string Outcome = AuditOutcome.Success,
    string Reason = "",
    string Details = "",
    long? ParkId = null,
    long? TenantId = null);

public sealed record AuditEventRow
{
    public long Id { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public long? ActorUserId { get; init; }
    public string ActorEmail { get; init; } = "";
    public string ActorRole { get; init; } = "";
    public long? ParkId { get; init; }
    public long? TenantId { get; init; }
    public string Action { get; init; } = "";
    public string TargetType { get; init; } = "";
    public string TargetId { get; init; } = "";
    public string Outcome { get; init; } = "";
    public string Reason { get; init; } = "";
    public string Details { get; init; } = "";
    public string RemoteIp { get; init; } = "";
}

public sealed record AuditFilter(string? Action = null, string? Actor = null, string? Outcome = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>
/// The append-only audit trail (the table's triggers refuse UPDATE and DELETE). Services append
/// inside their own transaction so a change and its record commit together.
/// </summary>
public sealed class AuditTrail(ParkDatabase db, TimeProvider clock)
{
    private const string Insert = """
        INSERT INTO audit_events (occurred_at, actor_user_id, actor_email, actor_role, park_id, tenant_id,
                                  action, target_type, target_id, outcome, reason, details, remote_ip)
        VALUES (@OccurredAt, @ActorUserId, @ActorEmail, @ActorRole, @ParkId, @TenantId,
                @Action, @TargetType, @TargetId, @Outcome, @Reason, @Details, @RemoteIp)
        """;

    public async Task RecordAsync(AuditActor actor, AuditEntry entry, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await RecordAsync(connection, null, actor, entry, ct);
    }

    public Task RecordAsync(IDbConnection connection, IDbTransaction? transaction, AuditActor actor, AuditEntry entry, CancellationToken ct = default) =>
        connection.ExecuteAsync(new CommandDefinition(Insert, new
        {
            OccurredAt = clock.GetUtcNow(),
            ActorUserId = actor.UserId,
            ActorEmail = actor.Email,
            ActorRole = actor.Role,
            entry.ParkId,
            entry.TenantId,
            entry.Action,
            entry.TargetType,
            entry.TargetId,
            entry.Outcome,
            entry.Reason,
            entry.Details,
            actor.RemoteIp,
        }, transaction, cancellationToken: ct));

    /// <summary>
    /// Lists events newest first. Platform administrators see every event; park administrators
    /// see the events of their parks; nobody else reads the trail.
    /// </summary>
    public async Task<Page<AuditEventRow>> ListAsync(AccessScope scope, AuditFilter filter, PageRequest page, CancellationToken ct = default)
    {
        if (!scope.IsParkAdmin)
        {
            return new Page<AuditEventRow>([], 0);
        }

        var where = $"""
            WHERE (@ScopeAllParks = 1 OR (park_id IS NOT NULL AND {scope.ParkFilter("park_id")}))
              AND (@Action IS NULL OR action LIKE @Action ESCAPE '\')
              AND (@Actor IS NULL OR actor_email LIKE @Actor ESCAPE '\')
              AND (@Outcome IS NULL OR outcome = @Outcome)
              AND (@From IS NULL OR occurred_at >= @From)
              AND (@To IS NULL OR occurred_at < @To)
            """;
        var parameters = scope.Parameters(new
        {
            Action = string.IsNullOrWhiteSpace(filter.Action) ? null : SqlText.Contains(filter.Action.Trim()),
            Actor = string.IsNullOrWhiteSpace(filter.Actor) ? null : SqlText.Contains(filter.Actor.Trim()),
            Outcome = string.IsNullOrWhiteSpace(filter.Outcome) ? null : filter.Outcome,
            From = filter.From is { } from ? DapperSetup.ToDbText(from) : null,
            To = filter.To is { } to ? DapperSetup.ToDbText(to.AddDays(1)) : null,
            Limit = page.SafePageSize,
            page.Offset,
        });

        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT count(*) FROM audit_events {where}", parameters, cancellationToken: ct));
        var rows = await connection.QueryAsync<AuditEventRow>(new CommandDefinition($"""
            SELECT id, occurred_at, actor_user_id, actor_email, actor_role, park_id, tenant_id,
                   action, target_type, target_id, outcome, reason, details, remote_ip
            FROM audit_events {where}
            ORDER BY occurred_at DESC, id DESC
            LIMIT @Limit OFFSET @Offset
            """, parameters, cancellationToken: ct));
        return new Page<AuditEventRow>(rows.ToArray(), total);
    }
}
