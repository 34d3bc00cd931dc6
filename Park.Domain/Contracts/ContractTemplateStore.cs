using Dapper;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;

namespace Park.Domain.Contracts;

public sealed record ContractTemplateVersion
{
    public long Id { get; init; }
    public long ParkId { get; init; }
    public string Language { get; init; } = "";
    public int Version { get; init; }
    public string Body { get; init; } = "";
    public string Note { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>
/// Clause templates per park and language. Saving validates the markup and adds a version; only
/// the park's administrators may save. Contracts use the latest version and record which.
/// </summary>
public sealed class ContractTemplateStore(ParkDatabase db, AuditTrail audit, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Languages = ["zh-CN", "en-US"];

    private const string Columns = "t.id, t.park_id, t.language, t.version, t.body, t.note, t.created_at";

    public async Task<ContractTemplateVersion?> CurrentAsync(long parkId, string language, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ContractTemplateVersion>(new CommandDefinition($"""
            SELECT {Columns} FROM contract_templates t
            WHERE t.park_id = @ParkId AND t.language = @Language ORDER BY t.version DESC LIMIT 1
            """, new { ParkId = parkId, Language = language }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<ContractTemplateVersion>> HistoryAsync(AccessScope scope, long parkId, string language, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.IsParkAdmin)
        {
            return [];
        }

        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<ContractTemplateVersion>(new CommandDefinition($"""
            SELECT {Columns} FROM contract_templates t
            WHERE t.park_id = @ParkId AND t.language = @Language AND {scope.ParkFilter("t.park_id")}
            ORDER BY t.version DESC LIMIT 50
            """, scope.Parameters(new { ParkId = parkId, Language = language }), cancellationToken: ct));
        return rows.ToArray();
    }

    public async Task<Result<ContractTemplateVersion>> SaveAsync(AccessScope scope, AuditActor actor, long parkId, string language, string? body, string? note,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.IsParkAdmin)
        {
            return Problem.NotAllowed();
        }

        if (!Languages.Contains(language, StringComparer.Ordinal))
        {
            return Problem.Invalid("language", "TemplateLanguageUnknown", language);
        }

        var parsed = ClauseTemplate.Parse(body);
        if (!parsed.Succeeded)
        {
            return parsed.Problem!;
        }

        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction(deferred: false);
        var visible = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            $"SELECT EXISTS (SELECT 1 FROM parks p WHERE p.id = @ParkId AND {scope.ParkFilter("p.id")})",
            scope.Parameters(new { ParkId = parkId }), tx, cancellationToken: ct));
        if (!visible)
        {
            return Problem.NotFound();
        }

        var saved = await InsertAsync(connection, tx, parkId, language, body!, note ?? "", scope.UserId == 0 ? null : scope.UserId, clock.GetUtcNow(), ct);
        await audit.RecordAsync(connection, tx, actor, new AuditEntry("contract_template.save", "contract_template", saved.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Details: $"{language} v{saved.Version}", ParkId: parkId), ct);
        await tx.CommitAsync(ct);
        return saved;
    }

    /// <summary>Adds the next version inside the caller's transaction (used by saving and by the demo seed).</summary>
    internal static async Task<ContractTemplateVersion> InsertAsync(Microsoft.Data.Sqlite.SqliteConnection connection, System.Data.IDbTransaction tx,
        long parkId, string language, string body, string note, long? userId, DateTimeOffset now, CancellationToken ct)
    {
        var next = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT coalesce(max(version), 0) + 1 FROM contract_templates WHERE park_id = @ParkId AND language = @Language",
            new { ParkId = parkId, Language = language }, tx, cancellationToken: ct));
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO contract_templates (park_id, language, version, body, note, created_by, created_at)
            VALUES (@ParkId, @Language, @Version, @Body, @Note, @UserId, @Now) RETURNING id
            """, new { ParkId = parkId, Language = language, Version = next, Body = body, Note = note, UserId = userId, Now = now }, tx, cancellationToken: ct));
        return new ContractTemplateVersion { Id = id, ParkId = parkId, Language = language, Version = next, Body = body, Note = note, CreatedAt = now };
    }
}
