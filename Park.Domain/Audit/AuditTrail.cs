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

        var action = string.IsNullOrWhiteSpace(filter.Action) ? null : SqlText.Contains(filter.Action.Trim());
        var actor = string.IsNullOrWhiteSpace(filter.Actor) ? null : SqlText.Contains(filter.Actor.Trim());
        var outcome = string.IsNullOrWhiteSpace(filter.Outcome) ? null : filter.Outcome;
        // Events without a park (sign-ins, user administration) reach only the platform administrator: the
        // park filter of any other scope is an IN, which a NULL park never satisfies. Only the filters given
        // reach the SQL, so an unfiltered count is the b-tree's.
        var filters = new List<string> { scope.ParkFilter("park_id") };
        if (action is not null)
        {
            filters.Add(@"action LIKE @Action ESCAPE '\'");
        }

        if (actor is not null)
        {
            filters.Add(@"actor_email LIKE @Actor ESCAPE '\'");
        }

        if (outcome is not null)
        {
            filters.Add("outcome = @Outcome");
        }

        if (filter.From is not null)
        {
            filters.Add("occurred_at >= @From");
        }

        if (filter.To is not null)
        {
            filters.Add("occurred_at < @To");
        }

        var where = SqlText.Where(filters);
        var parameters = scope.Parameters(new
        {
            Action = action,
            Actor = actor,
            Outcome = outcome,
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
