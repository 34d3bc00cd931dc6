using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;

namespace Park.Domain.Tenants;

public sealed record TenantQuery(string? Search = null, string? Status = null, string? BusinessType = null, string Sort = "name", bool Descending = false, long? ParkId = null);

/// <summary>Settable properties, not a positional constructor: Dapper then converts computed columns, also on empty results.</summary>
public sealed record TenantSummary
{
    public long Id { get; init; }
    public long ParkId { get; init; }
    public string ParkCode { get; init; } = "";
    public string Uscc { get; init; } = "";
    public string NameZh { get; init; } = "";
    public string NameEn { get; init; } = "";
    public string BusinessType { get; init; } = "";
    public string Status { get; init; } = "";
    public long Leases { get; init; }
}

public sealed record TenantContact(long Id, string Name, string Title, string Phone, string Email, long IsPrimary);

public sealed record TenantDetail(
    long Id, long ParkId, string ParkCode, string Uscc, string NameZh, string NameEn, string BusinessType, string Status,
    string InvoiceName, string InvoiceUscc, string InvoiceAddress, string InvoicePhone, string InvoiceBank, string InvoiceAccount,
    string LegalRepresentative, DateTimeOffset CreatedAt, long RowVersion)
{
    public IReadOnlyList<TenantContact> Contacts { get; init; } = [];
}

/// <summary>The tenant registry (入驻企业). Tenant users reach only their own row; reviewers read their parks.</summary>
public sealed class TenantStore(ParkDatabase db, AuditTrail audit, TimeProvider clock)
{
    private static readonly Dictionary<string, string> SortColumns = new(StringComparer.Ordinal)
    {
        ["name"] = "t.name_zh",
        ["nameEn"] = "t.name_en",
        ["uscc"] = "t.uscc",
        ["status"] = "t.status",
        ["type"] = "t.business_type",
        ["created"] = "t.created_at",
    };

    /// <summary>
    /// A page of tenants. Only the filters given reach the SQL, and the page and its total come from one pass over
    /// the matching rows (<c>count(*) OVER ()</c>): a search reads the 5,000 tenants once, not twice. A page past
    /// the end still gets its total from a count.
    /// </summary>
    public async Task<Page<TenantSummary>> ListAsync(AccessScope scope, TenantQuery query, PageRequest page, CancellationToken ct = default)
    {
        var status = string.IsNullOrWhiteSpace(query.Status) ? null : query.Status;
        var type = string.IsNullOrWhiteSpace(query.BusinessType) ? null : query.BusinessType;
        var search = string.IsNullOrWhiteSpace(query.Search) ? null : SqlText.Contains(query.Search.Trim());
        var filters = new List<string> { scope.ParkFilter("t.park_id"), scope.TenantFilter("t.id") };
        if (query.ParkId is not null)
        {
            filters.Add("t.park_id = @ParkId");
        }

        if (status is not null)
        {
            filters.Add("t.status = @Status");
        }

        if (type is not null)
        {
            filters.Add("t.business_type = @Type");
        }

        var grams = search is null ? [] : SearchGrams(query.Search!.Trim());
        if (grams.Length > 0)
        {
            // The gram index (migration 0022) narrows the rows; the LIKE below decides, so results are the same.
            filters.Add("""
                t.id IN (SELECT g.tenant_id FROM tenant_search_grams g WHERE g.gram IN (SELECT value FROM json_each(@Grams))
                         GROUP BY g.tenant_id HAVING count(*) = @GramCount)
                """);
        }

        if (search is not null)
        {
            filters.Add(@"(t.name_zh LIKE @Search ESCAPE '\' OR t.name_en LIKE @Search ESCAPE '\' OR t.uscc LIKE @Search ESCAPE '\')");
        }

        var where = SqlText.Where(filters);
        var direction = query.Descending ? " DESC" : " ASC";
        var order = SortColumns.GetValueOrDefault(query.Sort, "t.name_zh") + direction + ", t.id" + direction;
        var parameters = scope.Parameters(new
        {
            query.ParkId, Status = status, Type = type, Search = search, Grams = System.Text.Json.JsonSerializer.Serialize(grams), GramCount = grams.Length,
            Limit = page.SafePageSize, page.Offset,
        });
        await using var connection = await db.OpenAsync(ct);
        const string Columns = """
            t.id, t.park_id, p.code AS park_code, t.uscc, t.name_zh, t.name_en, t.business_type, t.status,
                   (SELECT count(*) FROM leases l WHERE l.tenant_id = t.id AND l.status <> 'cancelled') AS leases
            """;
        if (search is null)
        {
            // Without a search the total is an index count and the page an index range in the sort order (0091):
            // a window count over every tenant would sort all of them (5,000: ≈ 5 ms) for 25 rows.
            var count = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT count(*) FROM tenants t {where}", parameters, cancellationToken: ct));
            var items = (await connection.QueryAsync<TenantSummary>(new CommandDefinition($"""
                WITH page AS (SELECT t.id FROM tenants t {where} ORDER BY {order} LIMIT @Limit OFFSET @Offset)
                SELECT {Columns}
                FROM page JOIN tenants t ON t.id = page.id JOIN parks p ON p.id = t.park_id
                ORDER BY {order}
                """, parameters, cancellationToken: ct))).ToArray();
            return new Page<TenantSummary>(items, (int)count);
        }

        // A search runs once: the page and its total in one pass.
        var total = 0L;
        var rows = (await connection.QueryAsync<TenantSummary, long, TenantSummary>(new CommandDefinition($"""
            WITH page AS (
                SELECT t.id, count(*) OVER () AS total_rows FROM tenants t
                {where}
                ORDER BY {order}
                LIMIT @Limit OFFSET @Offset)
            SELECT {Columns},
                   page.total_rows
            FROM page JOIN tenants t ON t.id = page.id JOIN parks p ON p.id = t.park_id
            ORDER BY {order}
            """, parameters, cancellationToken: ct), (row, count) =>
        {
            total = count;
            return row;
        }, splitOn: "total_rows")).ToArray();
        if (rows.Length == 0 && page.Offset > 0)
        {
            total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT count(*) FROM tenants t {where}", parameters, cancellationToken: ct));
        }

        return new Page<TenantSummary>(rows, (int)total);
    }

    /// <summary>
    /// Up to three distinct two-character grams of the search text, lower-cased like SQLite's lower() (ASCII only) and
    /// counted in code points like substr(); none for a one-character search (then the LIKE scans).
    /// </summary>
    internal static string[] SearchGrams(string text)
    {
        var runes = text.EnumerateRunes().Select(r => r.Value is >= 'A' and <= 'Z' ? new Rune(r.Value + 32) : r).Select(r => r.ToString()).ToArray();
        return Enumerable.Range(0, Math.Max(0, runes.Length - 1)).Select(i => runes[i] + runes[i + 1]).Distinct(StringComparer.Ordinal)
            .OrderByDescending(g => g.Any(c => c > 0x7F)).Take(3).ToArray();
    }

    public async Task<TenantDetail?> GetAsync(AccessScope scope, long id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var tenant = await connection.QuerySingleOrDefaultAsync<TenantDetail>(new CommandDefinition($"""
            SELECT t.id, t.park_id, p.code AS park_code, t.uscc, t.name_zh, t.name_en, t.business_type, t.status,
                   t.invoice_name, t.invoice_uscc, t.invoice_address, t.invoice_phone, t.invoice_bank, t.invoice_account,
                   t.legal_representative, t.created_at, t.row_version
            FROM tenants t JOIN parks p ON p.id = t.park_id
            WHERE t.id = @Id AND {scope.ParkFilter("t.park_id")} AND {scope.TenantFilter("t.id")}
            """, scope.Parameters(new { Id = id }), cancellationToken: ct));
        if (tenant is null)
        {
            return null;
        }

        var contacts = await connection.QueryAsync<TenantContact>(new CommandDefinition(
            "SELECT id, name, title, phone, email, is_primary FROM tenant_contacts WHERE tenant_id = @Id ORDER BY is_primary DESC, id",
            new { Id = id }, cancellationToken: ct));
        return tenant with { Contacts = contacts.ToArray() };
    }

    public async Task<Result<long>> CreateAsync(AccessScope scope, AuditActor actor, long parkId, TenantInput input, CancellationToken ct = default)
    {
        if (!scope.IsParkAdmin)
        {
            return Problem.NotAllowed();
        }

        if (TenantRules.Validate(input) is { } problem)
        {
            return problem;
        }

        var uscc = TenantRules.Normalize(input.Uscc);
        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction(deferred: false);
        var parkVisible = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            $"SELECT EXISTS (SELECT 1 FROM parks p WHERE p.id = @ParkId AND {scope.ParkFilter("p.id")})",
            scope.Parameters(new { ParkId = parkId }), tx, cancellationToken: ct));
        if (!parkVisible)
        {
            return Problem.Invalid("park", "ParkUnknown", parkId);
        }

        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM tenants WHERE park_id = @ParkId AND uscc = @Uscc)", new { ParkId = parkId, Uscc = uscc }, tx, cancellationToken: ct)))
        {
            return Problem.Invalid("uscc", "UsccTaken", uscc);
        }

        var now = clock.GetUtcNow();
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO tenants (park_id, uscc, name_zh, name_en, business_type, status, created_at, updated_at,
                                 invoice_name, invoice_uscc, invoice_address, invoice_phone, invoice_bank, invoice_account, legal_representative)
            VALUES (@ParkId, @Uscc, @NameZh, @NameEn, @BusinessType, 'prospect', @Now, @Now,
                    @InvoiceName, @InvoiceUscc, @InvoiceAddress, @InvoicePhone, @InvoiceBank, @InvoiceAccount, @LegalRepresentative)
            RETURNING id
            """, Row(input, new { ParkId = parkId, Uscc = uscc, Now = now }), tx, cancellationToken: ct));
        await audit.RecordAsync(connection, tx, actor, new AuditEntry("tenant.create", "tenant", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Details: $"uscc={uscc}; name={input.NameZh.Trim()}", ParkId: parkId, TenantId: id), ct);
        await tx.CommitAsync(ct);
        return id;
    }

    public async Task<Result<long>> UpdateAsync(AccessScope scope, AuditActor actor, long id, long rowVersion, TenantInput input, CancellationToken ct = default)
    {
        if (!scope.IsParkAdmin)
        {
            return Problem.NotAllowed();
        }

        if (TenantRules.Validate(input) is { } problem)
        {
            return problem;
        }

        var uscc = TenantRules.Normalize(input.Uscc);
        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction(deferred: false);
        var current = await FindAsync(connection, tx, scope, id, ct);
        if (current is null)
        {
            return Problem.NotFound();
        }

        try
        {
            var changed = await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE tenants SET uscc = @Uscc, name_zh = @NameZh, name_en = @NameEn, business_type = @BusinessType,
                       invoice_name = @InvoiceName, invoice_uscc = @InvoiceUscc, invoice_address = @InvoiceAddress,
                       invoice_phone = @InvoicePhone, invoice_bank = @InvoiceBank, invoice_account = @InvoiceAccount,
                       legal_representative = @LegalRepresentative, updated_at = @Now, row_version = row_version + 1
                WHERE id = @Id AND row_version = @RowVersion
                """, Row(input, new { Id = id, RowVersion = rowVersion, Uscc = uscc, Now = clock.GetUtcNow() }), tx, cancellationToken: ct));
            if (changed == 0)
            {
                return Problem.Stale();
            }
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
        {
            return Problem.Invalid("uscc", "UsccTaken", uscc);
        }

        await audit.RecordAsync(connection, tx, actor, new AuditEntry("tenant.update", "tenant", Id(id),
            Details: $"uscc={uscc}", ParkId: current.Value.ParkId, TenantId: id), ct);
        await tx.CommitAsync(ct);
        return id;
    }

    public async Task<Result<long>> ChangeStatusAsync(AccessScope scope, AuditActor actor, long id, long rowVersion, string to, string reason, CancellationToken ct = default)
    {
        if (!scope.IsParkAdmin)
        {
            return Problem.NotAllowed();
        }

        // Admitting, activating or exiting a tenant is recorded with why.
        reason = (reason ?? "").Trim();
        if (reason.Length is 0 or > 500)
        {
            return Problem.Invalid("reason", "ReasonRequired");
        }

        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction(deferred: false);
        var current = await FindAsync(connection, tx, scope, id, ct);
        if (current is null)
        {
            return Problem.NotFound();
        }

        if (TenantRules.CheckMove(current.Value.Status, to) is { } refused)
        {
            return refused;
        }

        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE tenants SET status = @To, updated_at = @Now, row_version = row_version + 1 WHERE id = @Id AND row_version = @RowVersion",
            new { Id = id, To = to, RowVersion = rowVersion, Now = clock.GetUtcNow() }, tx, cancellationToken: ct));
        if (changed == 0)
        {
            return Problem.Stale();
        }

        await audit.RecordAsync(connection, tx, actor, new AuditEntry("tenant.status", "tenant", Id(id), Reason: reason,
            Details: $"from={current.Value.Status}; to={to}", ParkId: current.Value.ParkId, TenantId: id), ct);
        await tx.CommitAsync(ct);
        return id;
    }

    public async Task<Result<long>> AddContactAsync(AccessScope scope, AuditActor actor, long tenantId, ContactInput input, CancellationToken ct = default)
    {
        if (!scope.IsParkAdmin)
        {
            return Problem.NotAllowed();
        }

        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 60)
        {
            return Problem.Invalid("name", "ContactNameRequired");
        }

        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction(deferred: false);
        var current = await FindAsync(connection, tx, scope, tenantId, ct);
        if (current is null)
        {
            return Problem.NotFound();
        }

        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO tenant_contacts (tenant_id, name, title, phone, email, is_primary)
            VALUES (@TenantId, @Name, @Title, @Phone, @Email, @IsPrimary) RETURNING id
            """, new { TenantId = tenantId, Name = input.Name.Trim(), Title = input.Title.Trim(), Phone = input.Phone.Trim(), Email = input.Email.Trim(), IsPrimary = input.IsPrimary ? 1 : 0 },
            tx, cancellationToken: ct));
        await audit.RecordAsync(connection, tx, actor, new AuditEntry("tenant.contact.add", "tenant", Id(tenantId),
            Details: $"contact={input.Name.Trim()}", ParkId: current.Value.ParkId, TenantId: tenantId), ct);
        await tx.CommitAsync(ct);
        return id;
    }

    private static async Task<(long ParkId, string Status)?> FindAsync(SqliteConnection connection, SqliteTransaction tx, AccessScope scope, long id, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<(long ParkId, string Status)>(new CommandDefinition($"""
            SELECT t.park_id, t.status FROM tenants t
            WHERE t.id = @Id AND {scope.ParkFilter("t.park_id")} AND {scope.TenantFilter("t.id")}
            """, scope.Parameters(new { Id = id }), tx, cancellationToken: ct));
        return row.Status is null ? null : row;
    }

    private static DynamicParameters Row(TenantInput input, object extra)
    {
        var p = new DynamicParameters(extra);
        p.Add("NameZh", input.NameZh.Trim());
        p.Add("NameEn", input.NameEn.Trim());
        p.Add("BusinessType", input.BusinessType);
        p.Add("InvoiceName", input.InvoiceName.Trim());
        p.Add("InvoiceUscc", TenantRules.Normalize(input.InvoiceUscc));
        p.Add("InvoiceAddress", input.InvoiceAddress.Trim());
        p.Add("InvoicePhone", input.InvoicePhone.Trim());
        p.Add("InvoiceBank", input.InvoiceBank.Trim());
        p.Add("InvoiceAccount", input.InvoiceAccount.Trim());
        p.Add("LegalRepresentative", input.LegalRepresentative.Trim());
        return p;
    }

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
