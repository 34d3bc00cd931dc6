using Dapper;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;
using Park.Domain.Tenants;

namespace Park.Domain.Inventory;

public sealed record ParkSummary
{
    public long Id { get; init; }
    public string Code { get; init; } = "";
    public string NameZh { get; init; } = "";
    public string NameEn { get; init; } = "";
    public string City { get; init; } = "";
    public int Buildings { get; init; }
    public int Floors { get; init; }
    public int Seats { get; init; }
    public int SeatsInService { get; init; }
    public int Tenants { get; init; }
}

public sealed record NewPark(string Code, string NameZh, string NameEn, string City, string Address, string OperatorName, string OperatorUscc, DateOnly? OpenedOn,
    string LegalRepresentative = "");

/// <summary>Parks as the signed-in user may see them.</summary>
public sealed class ParkStore(ParkDatabase db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Page<ParkSummary>> ListAsync(AccessScope scope, string? search, PageRequest page, CancellationToken ct = default)
    {
        var where = $"""
            WHERE {scope.ParkFilter("p.id")}
              AND (@Search IS NULL OR p.code LIKE @Search ESCAPE '\' OR p.name_zh LIKE @Search ESCAPE '\'
                   OR p.name_en LIKE @Search ESCAPE '\' OR p.city LIKE @Search ESCAPE '\')
            """;
        var parameters = scope.Parameters(new
        {
            Search = string.IsNullOrWhiteSpace(search) ? null : SqlText.Contains(search.Trim()),
            Limit = page.SafePageSize,
            page.Offset,
        });
        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT count(*) FROM parks p {where}", parameters, cancellationToken: ct));
        var rows = await connection.QueryAsync<ParkSummary>(new CommandDefinition($"""
            SELECT p.id, p.code, p.name_zh, p.name_en, p.city,
                   (SELECT count(*) FROM buildings b WHERE b.park_id = p.id) AS buildings,
                   (SELECT count(*) FROM floors f JOIN buildings b ON b.id = f.building_id WHERE b.park_id = p.id) AS floors,
                   pc.seats_in_service + pc.seats_maintenance AS seats, pc.seats_in_service, pc.tenants_current AS tenants
            FROM parks p JOIN park_counts pc ON pc.park_id = p.id {where}
            ORDER BY p.code
            LIMIT @Limit OFFSET @Offset
            """, parameters, cancellationToken: ct));
        return new Page<ParkSummary>(rows.ToArray(), total);
    }

    public async Task<Result<long>> CreateAsync(NewPark input, AccessScope scope, AuditActor actor, CancellationToken ct = default)
    {
        if (!scope.AllParks)
        {
            return Problem.NotAllowed();
        }

        var code = input.Code.Trim().ToUpperInvariant();
        if (code.Length is < 2 or > 20 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return Problem.Invalid("code", "ParkCodeInvalid");
        }

        if (string.IsNullOrWhiteSpace(input.NameZh) || input.NameZh.Length > 100)
        {
            return Problem.Invalid("nameZh", "Required");
        }

        if (string.IsNullOrWhiteSpace(input.NameEn) || input.NameEn.Length > 150)
        {
            return Problem.Invalid("nameEn", "Required");
        }

        if (string.IsNullOrWhiteSpace(input.City))
        {
            return Problem.Invalid("city", "Required");
        }

        if (!string.IsNullOrWhiteSpace(input.OperatorUscc) && Uscc.Check(input.OperatorUscc.Trim()) is { } usccError)
        {
            return Problem.Invalid("operatorUscc", usccError);
        }

        if (input.LegalRepresentative.Trim().Length > 60)
        {
            return Problem.Invalid("legalRepresentative", "TextTooLong");
        }

        await using var connection = await db.OpenAsync(ct);
        // BEGIN IMMEDIATE: the code check and the insert must not interleave with another writer.
        await using var tx = connection.BeginTransaction(deferred: false);
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM parks WHERE code = @Code)", new { Code = code }, tx, cancellationToken: ct)))
        {
            return Problem.Invalid("code", "ParkCodeTaken", code);
        }

        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO parks (code, name_zh, name_en, city, address, operator_name, operator_uscc, legal_representative, opened_on, created_at)
            VALUES (@Code, @NameZh, @NameEn, @City, @Address, @OperatorName, @OperatorUscc, @LegalRepresentative, @OpenedOn, @Now)
            RETURNING id
            """, new
        {
            Code = code,
            NameZh = input.NameZh.Trim(),
            NameEn = input.NameEn.Trim(),
            City = input.City.Trim(),
            Address = input.Address.Trim(),
            OperatorName = input.OperatorName.Trim(),
            OperatorUscc = input.OperatorUscc.Trim().ToUpperInvariant(),
            LegalRepresentative = input.LegalRepresentative.Trim(),
            input.OpenedOn,
            Now = clock.GetUtcNow(),
        }, tx, cancellationToken: ct));
        await audit.RecordAsync(connection, tx, actor, new AuditEntry("park.create", "park", code, ParkId: id), ct);
        await tx.CommitAsync(ct);
        return id;
    }
}
