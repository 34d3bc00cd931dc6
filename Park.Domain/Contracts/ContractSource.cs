using Dapper;
using Park.Domain.Access;
using Park.Domain.Data;

namespace Park.Domain.Contracts;

/// <summary>A party of the contract: names, USCC, address and legal representative (blank when not on file).</summary>
public sealed record ContractParty(string NameZh, string NameEn, string Uscc, string Address, string Representative = "");

public sealed record ContractSeat
{
    public string Code { get; init; } = "";
    public string Building { get; init; } = "";
    public string Floor { get; init; } = "";
    public string Zone { get; init; } = "";
    public string SeatType { get; init; } = "";
    public bool HasPc { get; init; }
    public bool HasHeadset { get; init; }
    public bool HasPhoneLine { get; init; }
    public int Monitors { get; init; }
    public bool PciZone { get; init; }
}

/// <summary>Everything a contract for one lease version says, read from the lease tables.</summary>
public sealed record LeaseContractSource(
    long ParkId,
    long TenantId,
    long LeaseId,
    string LeaseNumber,
    long LeaseVersionId,
    int VersionNo,
    string Kind,
    string Status,
    DateOnly EffectiveFrom,
    string ParkNameZh,
    string ParkNameEn,
    ContractParty Lessor,
    ContractParty Tenant,
    ScheduleTerms Terms,
    int DepositMonths,
    string SpecialTerms,
    IReadOnlyList<ContractSeat> Seats)
{
    public bool IsAmendment => Kind == "amendment";

    /// <summary>Only a signed version's contract is issued (stored, verifiable); any other is a draft preview.</summary>
    public bool IsSigned => Status == "signed";

    /// <summary>
    /// An amendment's number: how many signed amendments of the lease come before it, plus one — a cancelled
    /// version takes no number, and a draft shows the number it would get when signed.
    /// </summary>
    public int AmendmentNo { get; init; }

    /// <summary>The original contract carries the lease number; amendment N carries "-BC" + N.</summary>
    public string ContractNumber => IsAmendment ? $"{LeaseNumber}-BC{AmendmentNo}" : LeaseNumber;

    public string? BaseContractNumber => IsAmendment ? LeaseNumber : null;
}

/// <summary>
/// Reads a lease version for its contract straight from the lease tables (migration 0006), inside
/// the caller's scope: a lease outside it reads exactly like a missing one.
/// </summary>
public sealed class ContractSourceStore(ParkDatabase db)
{
    private sealed record Head
    {
        public long ParkId { get; init; }
        public long TenantId { get; init; }
        public long LeaseId { get; init; }
        public string Number { get; init; } = "";
        public long VersionId { get; init; }
        public int VersionNo { get; init; }
        public string Kind { get; init; } = "";
        public string Status { get; init; } = "";
        public string EffectiveFrom { get; init; } = "";
        public string StartDate { get; init; } = "";
        public string EndDate { get; init; } = "";
        public string BillUntil { get; init; } = "";
        public int AmendmentNo { get; init; }
        public long MonthlyPriceFen { get; init; }
        public string PaymentCycle { get; init; } = "";
        public int DepositMonths { get; init; }
        public string EscalationKind { get; init; } = "";
        public long EscalationValue { get; init; }
        public string SpecialTerms { get; init; } = "";
        public string ParkNameZh { get; init; } = "";
        public string ParkNameEn { get; init; } = "";
        public string ParkAddress { get; init; } = "";
        public string OperatorName { get; init; } = "";
        public string OperatorNameEn { get; init; } = "";
        public string OperatorUscc { get; init; } = "";
        public string OperatorRepresentative { get; init; } = "";
        public string TenantAddress { get; init; } = "";
        public string TenantRepresentative { get; init; } = "";
        public string TenantNameZh { get; init; } = "";
        public string TenantNameEn { get; init; } = "";
        public string TenantUscc { get; init; } = "";
    }

    /// <summary>
    /// The lease's version <paramref name="versionNo"/>, or else its latest signed version, or else (a lease not
    /// signed yet) its latest version that is not cancelled.
    /// Its schedule covers the span the version governs, as <c>LeaseDetail.Schedule()</c> does: from its
    /// effective date until the next signed version takes effect, or the termination, or its end.
    /// </summary>
    public async Task<Result<LeaseContractSource>> LoadAsync(AccessScope scope, long leaseId, int? versionNo = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await db.OpenAsync(ct);
        var head = await connection.QuerySingleOrDefaultAsync<Head>(new CommandDefinition($"""
            SELECT l.park_id, l.tenant_id, l.id AS lease_id, l.number, v.id AS version_id, v.version_no, v.kind, v.status,
                   v.effective_from, v.start_date, v.end_date,
                   coalesce((SELECT n.effective_from FROM lease_versions n
                             WHERE n.lease_id = l.id AND n.status = 'signed'
                               AND (n.effective_from > v.effective_from OR n.effective_from = v.effective_from AND n.version_no > v.version_no)
                             ORDER BY n.effective_from, n.version_no LIMIT 1),
                            l.terminated_on, v.end_date) AS bill_until,
                   (SELECT count(*) FROM lease_versions a
                    WHERE a.lease_id = l.id AND a.kind = 'amendment' AND a.status = 'signed' AND a.version_no < v.version_no) + 1 AS amendment_no, v.monthly_price_fen, v.payment_cycle, v.deposit_months, v.escalation_kind,
                   v.escalation_value, v.special_terms, p.name_zh AS park_name_zh, p.name_en AS park_name_en,
                   p.address AS park_address, p.operator_name, p.operator_name_en, p.operator_uscc, p.legal_representative AS operator_representative,
                   t.name_zh AS tenant_name_zh, t.name_en AS tenant_name_en, t.uscc AS tenant_uscc,
                   t.invoice_address AS tenant_address, t.legal_representative AS tenant_representative
            FROM leases l
            JOIN lease_versions v ON v.lease_id = l.id
            JOIN parks p ON p.id = l.park_id
            JOIN tenants t ON t.id = l.tenant_id
            WHERE l.id = @LeaseId
              AND (@VersionNo IS NULL AND v.status <> 'cancelled' OR v.version_no = @VersionNo)
              AND {scope.ParkFilter("l.park_id")}
              AND {scope.TenantFilter("l.tenant_id")}
            ORDER BY v.status = 'signed' DESC, v.version_no DESC
            LIMIT 1
            """, scope.Parameters(new { LeaseId = leaseId, VersionNo = versionNo }), cancellationToken: ct));
        if (head is null)
        {
            return Problem.NotFound();
        }

        var seats = (await connection.QueryAsync<ContractSeat>(new CommandDefinition("""
            SELECT s.code, b.code AS building, f.name AS floor, z.code AS zone, s.seat_type, s.has_pc, s.has_headset,
                   s.has_phone_line, s.monitors, s.pci_zone
            FROM lease_version_seats lvs
            JOIN seats s ON s.id = lvs.seat_id
            JOIN zones z ON z.id = s.zone_id
            JOIN floors f ON f.id = z.floor_id
            JOIN buildings b ON b.id = f.building_id
            WHERE lvs.lease_version_id = @VersionId
            ORDER BY b.code, f.level, z.code, s.code
            """, new { head.VersionId }, cancellationToken: ct))).ToArray();
        var concessions = (await connection.QueryAsync<(string Start, string End, int DiscountBp)>(new CommandDefinition(
            "SELECT start_date, end_date, discount_bp FROM lease_concessions WHERE lease_version_id = @VersionId ORDER BY start_date",
            new { head.VersionId }, cancellationToken: ct))).Select(c => new ScheduleConcession(Day(c.Start), Day(c.End), c.DiscountBp)).ToArray();
        var ramp = (await connection.QueryAsync<(string From, int Seats)>(new CommandDefinition(
            "SELECT from_date, seat_count FROM lease_ramp_steps WHERE lease_version_id = @VersionId ORDER BY from_date",
            new { head.VersionId }, cancellationToken: ct))).Select(r => new ScheduleRampStep(Day(r.From), r.Seats)).ToArray();

        var terms = new ScheduleTerms(Day(head.StartDate), Day(head.EndDate), head.MonthlyPriceFen, seats.Length, head.PaymentCycle,
            head.EscalationKind, head.EscalationValue, concessions, ramp, Day(head.EffectiveFrom), Day(head.BillUntil));
        return new LeaseContractSource(head.ParkId, head.TenantId, head.LeaseId, head.Number, head.VersionId, head.VersionNo, head.Kind,
            head.Status, Day(head.EffectiveFrom), head.ParkNameZh, head.ParkNameEn,
            new ContractParty(head.OperatorName, head.OperatorNameEn.Length > 0 ? head.OperatorNameEn : head.OperatorName, head.OperatorUscc, head.ParkAddress, head.OperatorRepresentative),
            new ContractParty(head.TenantNameZh, head.TenantNameEn.Length > 0 ? head.TenantNameEn : head.TenantNameZh, head.TenantUscc, head.TenantAddress, head.TenantRepresentative),
            terms, head.DepositMonths, head.SpecialTerms, seats) { AmendmentNo = head.AmendmentNo };
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
