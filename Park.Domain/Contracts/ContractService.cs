using System.Globalization;
using System.Security.Cryptography;
using Dapper;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;
using Park.Domain.Documents;

namespace Park.Domain.Contracts;

public sealed record ContractVersionRow
{
    public long Id { get; init; }
    public long LeaseId { get; init; }
    public int VersionNo { get; init; }
    public string Kind { get; init; } = "";
    public string ContractNumber { get; init; } = "";
    public string? BaseContractNumber { get; init; }
    public string Language { get; init; } = "";
    public int TemplateVersion { get; init; }
    public string Sha256 { get; init; } = "";
    public long SizeBytes { get; init; }
    public int PageCount { get; init; }
    public string LessorName { get; init; } = "";
    public string TenantName { get; init; } = "";
    public DateTimeOffset GeneratedAt { get; init; }
}

/// <summary>A signed lease version a contract can be issued for.</summary>
public sealed record SignedVersion(int VersionNo, string Kind, DateOnly EffectiveFrom, string ContractNumber);

public sealed record ContractFile(string FileName, string DownloadName, string FullPath);

/// <summary>What the public verify page may tell about a matching contract, and nothing more.</summary>
public sealed record VerifiedContract
{
    public string ContractNumber { get; init; } = "";
    public string LessorName { get; init; } = "";
    public string TenantName { get; init; } = "";
    public DateTimeOffset GeneratedAt { get; init; }
}

/// <summary>
/// Generates contract PDFs for lease versions and keeps them: the file outside the web root under a
/// generated name (folder "documents" beside the database), its SHA-256, the template version and
/// the time. Lists, serves and verifies them within the caller's scope.
/// </summary>
public sealed class ContractService(
    ParkDatabase db, ContractSourceStore sources, ContractTemplateStore templates, ILeaseScheduleSource schedules,
    IDocumentPrinter printer, AuditTrail audit, TimeProvider clock)
{
    public string Folder => Path.Combine(Path.GetDirectoryName(db.FullPath)!, "documents");

    /// <summary>The document for the lease's latest (or given) version, without storing anything.</summary>
    public async Task<Result<(LeaseContractSource Lease, Document Document, ContractTemplateVersion Template)>> ComposeAsync(
        AccessScope scope, long leaseId, string language, int? versionNo = null, CancellationToken ct = default)
    {
        if (!ContractTemplateStore.Languages.Contains(language, StringComparer.Ordinal))
        {
            return Problem.Invalid("language", "TemplateLanguageUnknown", language);
        }

        var loaded = await sources.LoadAsync(scope, leaseId, versionNo, ct);
        if (!loaded.Succeeded)
        {
            return loaded.Problem!;
        }

        var lease = loaded.Value!;
        if (lease.Seats.Count == 0)
        {
            return Problem.Invalid("lease", "ContractLeaseWithoutSeats", lease.LeaseNumber);
        }

        var template = await templates.CurrentAsync(lease.ParkId, language, ct);
        if (template is null)
        {
            return Problem.Invalid("template", "ContractTemplateMissing", language);
        }

        var articles = ClauseTemplate.Parse(template.Body);
        if (!articles.Succeeded)
        {
            return articles.Problem!;
        }

        var schedule = schedules.Build(lease.Terms);
        return (lease, ContractDocumentBuilder.Build(lease, schedule, articles.Value!, language), template);
    }

    public async Task<Result<PrintedDocument>> RenderAsync(AccessScope scope, long leaseId, string language, CancellationToken ct = default)
    {
        var composed = await ComposeAsync(scope, leaseId, language, null, ct);
        return composed.Succeeded ? printer.Print(composed.Value.Document, clock.GetUtcNow()) : composed.Problem!;
    }

    /// <summary>
    /// Generates and stores (issues) the contract for a signed lease version: the given one, or the latest
    /// signed. A draft or approved version is refused (it can only be rendered as a marked preview).
    /// Generating the same version with the same template again returns the stored one. Only park
    /// administrators generate.
    /// </summary>
    public async Task<Result<ContractVersionRow>> GenerateAsync(AccessScope scope, AuditActor actor, long leaseId, string language,
        int? versionNo = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var composed = await ComposeAsync(scope, leaseId, language, versionNo, ct);
        if (!composed.Succeeded)
        {
            return composed.Problem!;
        }

        if (!scope.IsParkAdmin)
        {
            return Problem.NotAllowed();
        }

        var (lease, document, template) = composed.Value;
        if (!lease.IsSigned)
        {
            return Problem.Conflict("ContractVersionNotSigned", lease.LeaseNumber, lease.VersionNo);
        }

        var existing = await FindAsync(lease.LeaseVersionId, language, template.Id, ct);
        if (existing is not null)
        {
            return existing;
        }

        var now = clock.GetUtcNow();
        var pdf = printer.Print(document, now);
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf.Bytes));
        var fileName = $"{Guid.NewGuid():N}.pdf";
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, fileName);
        await File.WriteAllBytesAsync(path, pdf.Bytes, ct);
        try
        {
            await using var connection = await db.OpenAsync(ct);
            await using var tx = connection.BeginTransaction(deferred: false);
            var tenantName = language == "zh-CN" ? lease.Tenant.NameZh : lease.Tenant.NameEn;
            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
                INSERT INTO contract_versions (park_id, tenant_id, lease_id, lease_version_id, version_no, kind, contract_number,
                    base_contract_number, language, template_id, template_version, file_name, sha256, size_bytes, page_count,
                    lessor_name, tenant_name, generated_at, generated_by)
                VALUES (@ParkId, @TenantId, @LeaseId, @LeaseVersionId, @VersionNo, @Kind, @ContractNumber, @BaseContractNumber, @Language,
                    @TemplateId, @TemplateVersion, @FileName, @Sha, @Size, @Pages, @LessorName, @TenantName, @Now, @UserId)
                RETURNING id
                """, new
            {
                lease.ParkId, lease.TenantId, lease.LeaseId, lease.LeaseVersionId, lease.VersionNo, lease.Kind, lease.ContractNumber,
                lease.BaseContractNumber, Language = language, TemplateId = template.Id, TemplateVersion = template.Version, FileName = fileName,
                Sha = sha, Size = pdf.Bytes.LongLength, Pages = pdf.PageCount, LessorName = document.Metadata.Author, TenantName = tenantName,
                Now = now, UserId = scope.UserId == 0 ? (long?)null : scope.UserId,
            }, tx, cancellationToken: ct));
            await audit.RecordAsync(connection, tx, actor, new AuditEntry("contract.generate", "contract_version", id.ToString(CultureInfo.InvariantCulture),
                Details: $"{lease.ContractNumber} {language} template v{template.Version} sha256 {sha}", ParkId: lease.ParkId, TenantId: lease.TenantId), ct);
            await tx.CommitAsync(ct);
            return (await FindAsync(lease.LeaseVersionId, language, template.Id, ct))!;
        }
        catch
        {
            File.Delete(path); // nothing stored when the row is not
            throw;
        }
    }

    public async Task<IReadOnlyList<ContractVersionRow>> ListAsync(AccessScope scope, long leaseId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<ContractVersionRow>(new CommandDefinition($"""
            SELECT {RowColumns} FROM contract_versions c
            WHERE c.lease_id = @LeaseId AND {scope.ParkFilter("c.park_id")} AND {scope.TenantFilter("c.tenant_id")}
            ORDER BY c.version_no DESC, c.generated_at DESC, c.id DESC
            """, scope.Parameters(new { LeaseId = leaseId }), cancellationToken: ct));
        return rows.ToArray();
    }

    /// <summary>True when the lease exists inside the caller's scope (pages answer "not found" otherwise).</summary>
    public async Task<bool> LeaseVisibleAsync(AccessScope scope, long leaseId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition($"""
            SELECT EXISTS (SELECT 1 FROM leases l WHERE l.id = @LeaseId AND {scope.ParkFilter("l.park_id")} AND {scope.TenantFilter("l.tenant_id")})
            """, scope.Parameters(new { LeaseId = leaseId }), cancellationToken: ct));
    }

    public async Task<Result<ContractFile>> FileAsync(AccessScope scope, long contractVersionId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<(string FileName, string ContractNumber, string Language)>(new CommandDefinition($"""
            SELECT c.file_name, c.contract_number, c.language FROM contract_versions c
            WHERE c.id = @Id AND {scope.ParkFilter("c.park_id")} AND {scope.TenantFilter("c.tenant_id")}
            """, scope.Parameters(new { Id = contractVersionId }), cancellationToken: ct));
        if (row.FileName is null)
        {
            return Problem.NotFound();
        }

        var path = Path.Combine(Folder, Path.GetFileName(row.FileName));
        return File.Exists(path) ? new ContractFile(row.FileName, $"{row.ContractNumber}-{row.Language}.pdf", path) : Problem.NotFound();
    }

    /// <summary>
    /// The lease's latest issued contract file (optionally in one language): the stored bytes, so its SHA-256 is
    /// the one /verify knows. Not found when the lease is outside the scope or has no issued contract yet.
    /// </summary>
    public async Task<Result<ContractFile>> LatestFileAsync(AccessScope scope, long leaseId, string? language = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await db.OpenAsync(ct);
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition($"""
            SELECT c.id FROM contract_versions c
            JOIN lease_versions v ON v.id = c.lease_version_id AND v.status = 'signed'
            WHERE c.lease_id = @LeaseId AND (@Language IS NULL OR c.language = @Language)
              AND {scope.ParkFilter("c.park_id")} AND {scope.TenantFilter("c.tenant_id")}
            ORDER BY c.version_no DESC, c.generated_at DESC, c.id DESC
            LIMIT 1
            """, scope.Parameters(new { LeaseId = leaseId, Language = language }), cancellationToken: ct));
        return id is { } found ? await FileAsync(scope, found, ct) : Problem.NotFound();
    }

    /// <summary>Whether a SHA-256 (hex) belongs to an issued contract; anonymous, so it tells only number, parties and date.</summary>
    public async Task<VerifiedContract?> VerifyAsync(string sha256, CancellationToken ct = default)
    {
        var hash = (sha256 ?? "").Trim().ToLowerInvariant();
        if (hash.Length != 64 || !hash.All(Uri.IsHexDigit))
        {
            return null;
        }

        await using var connection = await db.OpenAsync(ct);
        return await connection.QueryFirstOrDefaultAsync<VerifiedContract>(new CommandDefinition(
            """
            SELECT c.contract_number, c.lessor_name, c.tenant_name, c.generated_at FROM contract_versions c
            JOIN lease_versions v ON v.id = c.lease_version_id AND v.status = 'signed'
            WHERE c.sha256 = @Hash ORDER BY c.id LIMIT 1
            """,
            new { Hash = hash }, cancellationToken: ct));
    }

    public static string Sha256Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The lease's signed versions, oldest first, with the contract number each is issued under (for choosing one to generate).</summary>
    public async Task<IReadOnlyList<SignedVersion>> SignedVersionsAsync(AccessScope scope, long leaseId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<(int VersionNo, string Kind, DateOnly EffectiveFrom, string Number)>(new CommandDefinition($"""
            SELECT v.version_no, v.kind, v.effective_from, l.number
            FROM lease_versions v JOIN leases l ON l.id = v.lease_id
            WHERE v.lease_id = @LeaseId AND v.status = 'signed'
              AND {scope.ParkFilter("l.park_id")} AND {scope.TenantFilter("l.tenant_id")}
            ORDER BY v.version_no
            """, scope.Parameters(new { LeaseId = leaseId }), cancellationToken: ct));
        var amendments = 0;
        return rows.Select(r => new SignedVersion(r.VersionNo, r.Kind, r.EffectiveFrom,
            r.Kind == "amendment" ? $"{r.Number}-BC{++amendments}" : r.Number)).ToArray();
    }

    /// <summary>The signed leases of a park in the caller's scope (for batch generation).</summary>
    public async Task<IReadOnlyList<long>> SignedLeasesAsync(AccessScope scope, long parkId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await db.OpenAsync(ct);
        var ids = await connection.QueryAsync<long>(new CommandDefinition($"""
            SELECT l.id FROM leases l
            WHERE l.park_id = @ParkId AND l.status = 'signed' AND {scope.ParkFilter("l.park_id")} AND {scope.TenantFilter("l.tenant_id")}
            ORDER BY l.id
            """, scope.Parameters(new { ParkId = parkId }), cancellationToken: ct));
        return ids.ToArray();
    }

    private const string RowColumns = """
        c.id, c.lease_id, c.version_no, c.kind, c.contract_number, c.base_contract_number, c.language, c.template_version, c.sha256,
        c.size_bytes, c.page_count, c.lessor_name, c.tenant_name, c.generated_at
        """;

    private async Task<ContractVersionRow?> FindAsync(long leaseVersionId, string language, long templateId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ContractVersionRow>(new CommandDefinition($"""
            SELECT {RowColumns} FROM contract_versions c
            WHERE c.lease_version_id = @LeaseVersionId AND c.language = @Language AND c.template_id = @TemplateId
            """, new { LeaseVersionId = leaseVersionId, Language = language, TemplateId = templateId }, cancellationToken: ct));
    }
}
