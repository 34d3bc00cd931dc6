namespace Park.Domain.Leasing;

public sealed record LeaseQuery(
    string? Search = null, string? Status = null, string? Stage = null, long? TenantId = null, long? ParkId = null,
    string Sort = "number", bool Descending = false);

/// <summary>Settable properties, not a positional constructor: Dapper then converts computed columns, also on empty results.</summary>
public sealed record LeaseSummary
{
    public long Id { get; init; }
    public long ParkId { get; init; }
    public string Number { get; init; } = "";
    public long TenantId { get; init; }
    public string TenantNameZh { get; init; } = "";
    public string TenantNameEn { get; init; } = "";
    public string Status { get; init; } = "";
    public string Stage { get; init; } = "";
    public string? EndReason { get; init; }
    public DateOnly StartDate { get; init; }
    public DateOnly EndDate { get; init; }
    public long Seats { get; init; }
    public long MonthlyPriceFen { get; init; }
}

public sealed record LeaseVersionView(
    long Id, long VersionNo, string Kind, string AmendmentKind, string Status, DateOnly EffectiveFrom, DateOnly StartDate, DateOnly EndDate,
    long MonthlyPriceFen, string PaymentCycle, long DepositMonths, string EscalationKind, long EscalationValue, string Reason,
    DateTimeOffset CreatedAt, DateTimeOffset? ApprovedAt, DateTimeOffset? SignedAt)
{
    public IReadOnlyList<string> SeatCodes { get; init; } = [];

    public IReadOnlyList<Concession> Concessions { get; init; } = [];

    public IReadOnlyList<RampStep> Ramp { get; init; } = [];

    public LeaseTerms Terms(DateOnly leaseStart, DateOnly? billFrom = null) => new(
        leaseStart, EndDate, SeatCodes.Count, MonthlyPriceFen, LeaseTerms.ParseCycle(PaymentCycle), (int)DepositMonths,
        LeaseTerms.ParseEscalation(EscalationKind), EscalationValue, Concessions, Ramp, billFrom);
}

public sealed record SettlementView(
    DateOnly NoticeDate, DateOnly TerminationDate, DateOnly BilledThrough, long UnbilledDays, long UnbilledFen, long PrepaidDays,
    long PrepaidCreditFen, long PenaltyFen, long DepositFen, long DepositOffsetFen, long RefundFen, long OwedFen, string Reason);

public sealed record LeaseDetail(
    long Id, long ParkId, string ParkCode, string Number, long TenantId, string TenantNameZh, string TenantNameEn, string Status, string Stage,
    string? EndReason, DateOnly StartDate, DateOnly EndDate, long? PredecessorId, string? PredecessorNumber,
    DateOnly? NoticeServedOn, DateOnly? TerminatedOn, long RowVersion)
{
    public IReadOnlyList<LeaseVersionView> Versions { get; init; } = [];

    public long? SuccessorId { get; init; }

    public string? SuccessorNumber { get; init; }

    public SettlementView? Settlement { get; init; }

    /// <summary>The versions in force, oldest first: signed ones, or the draft/approved original of an unsigned lease.</summary>
    public IReadOnlyList<LeaseVersionView> Governing =>
        Status is "draft" or "approved" ? Versions.Where(v => v.Kind == "original").ToArray()
        : Versions.Where(v => v.Status == "signed").OrderBy(v => v.EffectiveFrom).ThenBy(v => v.VersionNo).ToArray();

    /// <summary>The version waiting for approval or signature (an amendment of a signed lease, or the original).</summary>
    public LeaseVersionView? Pending => Versions.Where(v => v.Status is "draft" or "approved").OrderByDescending(v => v.VersionNo).FirstOrDefault();

    /// <summary>Seat codes in force today, or of the latest governing version.</summary>
    public IReadOnlyList<string> CurrentSeats(DateOnly today) =>
        (Governing.LastOrDefault(v => v.EffectiveFrom <= today) ?? Governing.FirstOrDefault())?.SeatCodes ?? [];

    /// <summary>The payment schedule: each governing version bills from its effective date until the next one.</summary>
    public IReadOnlyList<SchedulePeriod> Schedule()
    {
        var governing = Governing;
        var periods = new List<SchedulePeriod>();
        for (var i = 0; i < governing.Count; i++)
        {
            var v = governing[i];
            var until = i + 1 < governing.Count ? governing[i + 1].EffectiveFrom : (TerminatedOn ?? v.EndDate);
            var terms = v.Terms(StartDate, v.EffectiveFrom) with { BillUntil = until };
            if (terms.Seats <= 0 || until <= v.EffectiveFrom || terms.Validate() is not null)
            {
                continue;
            }

            periods.AddRange(LeaseSchedule.Build(terms).Select(p => p with { No = periods.Count + p.No }));
        }

        return periods;
    }
}

public sealed record LeaseRequestView(
    long Id, long ParkId, long TenantId, string TenantNameZh, string TenantNameEn, long LeaseId, string LeaseNumber, string Kind, long SeatCount,
    string SeatCodes, DateOnly EffectiveDate, string Reason, string Status, string DecisionNote, DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt, long? AmendmentVersionId, long? SuccessorLeaseId, long RowVersion);

/// <summary>Settable properties, not a positional constructor: Dapper then converts computed columns, also on empty results.</summary>
public sealed record LeaseReminder
{
    public long LeaseId { get; init; }
    public string Number { get; init; } = "";
    public string TenantNameZh { get; init; } = "";
    public string TenantNameEn { get; init; } = "";
    public string Status { get; init; } = "";
    public string Stage { get; init; } = "";
    public DateOnly EndDate { get; init; }
    public long DaysLeft { get; init; }
}
