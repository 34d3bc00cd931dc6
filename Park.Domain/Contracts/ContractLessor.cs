using System.Globalization;
using Dapper;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;

namespace Park.Domain.Contracts;

/// <summary>The park operator as contracts name it (Party A): its English name, the park's address and the operator's legal representative.</summary>
public sealed record LessorDetails
{
    public long ParkId { get; init; }
    public string OperatorName { get; init; } = "";

    /// <summary>The operator's English name on English contracts; empty: the Chinese name is printed.</summary>
    public string OperatorNameEn { get; init; } = "";
    public string OperatorUscc { get; init; } = "";
    public string Address { get; init; } = "";
    public string LegalRepresentative { get; init; } = "";
}

/// <summary>Reads and edits a park's lessor details; only the park's administrators edit them.</summary>
public sealed class ContractLessorStore(ParkDatabase db, AuditTrail audit)
{
    public const int MaxRepresentative = 60;
    public const int MaxAddress = 200;
    public const int MaxNameEn = 200;

    public async Task<LessorDetails?> GetAsync(AccessScope scope, long parkId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<LessorDetails>(new CommandDefinition($"""
            SELECT p.id AS park_id, p.operator_name, p.operator_name_en, p.operator_uscc, p.address, p.legal_representative
            FROM parks p WHERE p.id = @ParkId AND {scope.ParkFilter("p.id")}
            """, scope.Parameters(new { ParkId = parkId }), cancellationToken: ct));
    }

    public async Task<Result<LessorDetails>> UpdateAsync(AccessScope scope, AuditActor actor, long parkId, string address, string legalRepresentative,
        string operatorNameEn, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.IsParkAdmin)
        {
            return Problem.NotAllowed();
        }

        address = (address ?? "").Trim();
        legalRepresentative = (legalRepresentative ?? "").Trim();
        operatorNameEn = (operatorNameEn ?? "").Trim();
        if (operatorNameEn.Length > MaxNameEn)
        {
            return Problem.Invalid("operatorNameEn", "LessorTextTooLong", MaxNameEn);
        }

        if (legalRepresentative.Length > MaxRepresentative)
        {
            return Problem.Invalid("legalRepresentative", "LessorTextTooLong", MaxRepresentative);
        }

        if (address.Length > MaxAddress)
        {
            return Problem.Invalid("address", "LessorTextTooLong", MaxAddress);
        }

        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction(deferred: false);
        var changed = await connection.ExecuteAsync(new CommandDefinition($"""
            UPDATE parks SET address = @Address, legal_representative = @Representative, operator_name_en = @NameEn, row_version = row_version + 1
            WHERE id = @ParkId AND {scope.ParkFilter("id")}
            """, scope.Parameters(new { ParkId = parkId, Address = address, Representative = legalRepresentative, NameEn = operatorNameEn }), tx, cancellationToken: ct));
        if (changed == 0)
        {
            return Problem.NotFound();
        }

        await audit.RecordAsync(connection, tx, actor, new AuditEntry("park.update_lessor", "park", parkId.ToString(CultureInfo.InvariantCulture),
            Details: $"legal_representative={legalRepresentative}; address={address}; operator_name_en={operatorNameEn}", ParkId: parkId), ct);
        await tx.CommitAsync(ct);
        return (await GetAsync(scope, parkId, ct))!;
    }
}
