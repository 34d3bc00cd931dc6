using Park.Domain.Data;

namespace Park.Domain.Leasing;

public enum PaymentCycle
{
    Monthly = 1,
    Quarterly = 3,
    HalfYearly = 6,
    Yearly = 12,
}

public enum EscalationKind
{
    None,

    /// <summary>Basis points per anniversary, compounded (300 = 3%).</summary>
    Percent,

    /// <summary>Fen per seat per month added on each anniversary.</summary>
    Fixed,
}

/// <summary>A rent-free (10000 bp) or part-rent (5000 bp = half rent) stretch, half-open.</summary>
public sealed record Concession(DateOnly Start, DateOnly End, int DiscountBp = 10_000);

/// <summary>From <paramref name="From"/> on, <paramref name="SeatCount"/> seats are billed.</summary>
public sealed record RampStep(DateOnly From, int SeatCount);

/// <summary>
/// The money terms of a lease version. The term is half-open [Start, End); the monthly price is per
/// seat, tax-inclusive, in fen. <see cref="BillFrom"/> / <see cref="BillUntil"/> clip billing (an amendment
/// governs from its effective date until the next one) while months and anniversaries stay anchored on
/// <see cref="Start"/>.
/// </summary>
public sealed record LeaseTerms(
    DateOnly Start,
    DateOnly End,
    int Seats,
    long MonthlyPriceFen,
    PaymentCycle Cycle = PaymentCycle.Monthly,
    int DepositMonths = 1,
    EscalationKind Escalation = EscalationKind.None,
    long EscalationValue = 0,
    IReadOnlyList<Concession>? Concessions = null,
    IReadOnlyList<RampStep>? Ramp = null,
    DateOnly? BillFrom = null,
    DateOnly? BillUntil = null)
{
    public IReadOnlyList<Concession> ConcessionList => Concessions ?? [];

    public IReadOnlyList<RampStep> RampList => Ramp ?? [];

    public static string CycleCode(PaymentCycle cycle) => cycle switch
    {
        PaymentCycle.Monthly => "monthly",
        PaymentCycle.Quarterly => "quarterly",
        PaymentCycle.HalfYearly => "half_yearly",
        _ => "yearly",
    };

    public static PaymentCycle ParseCycle(string code) => code switch
    {
        "quarterly" => PaymentCycle.Quarterly,
        "half_yearly" => PaymentCycle.HalfYearly,
        "yearly" => PaymentCycle.Yearly,
        _ => PaymentCycle.Monthly,
    };

    public static string EscalationCode(EscalationKind kind) => kind switch
    {
        EscalationKind.Percent => "percent",
        EscalationKind.Fixed => "fixed",
        _ => "none",
    };

    public static EscalationKind ParseEscalation(string code) => code switch
    {
        "percent" => EscalationKind.Percent,
        "fixed" => EscalationKind.Fixed,
        _ => EscalationKind.None,
    };

    /// <summary>Null when the terms hold together; otherwise the first problem, naming its field.</summary>
    public Problem? Validate()
    {
        if (End <= Start)
        {
            return Problem.Invalid("end", "TermEndsBeforeStart");
        }

        if (Seats <= 0)
        {
            return Problem.Invalid("seats", "NoSeats");
        }

        if (MonthlyPriceFen < 0)
        {
            return Problem.Invalid("price", "PriceNegative");
        }

        if (MonthlyPriceFen > 100_000_000)
        {
            return Problem.Invalid("price", "PriceTooHigh");
        }

        if (DepositMonths is < 0 or > 12)
        {
            return Problem.Invalid("deposit", "DepositMonthsRange");
        }

        return ValidateEscalation() ?? ValidateConcessions() ?? ValidateRamp();
    }

    private Problem? ValidateEscalation()
    {
        if (Escalation == EscalationKind.None)
        {
            return EscalationValue == 0 ? null : Problem.Invalid("escalation", "EscalationValueWithoutKind");
        }

        if (End <= Start.AddYears(1))
        {
            return Problem.Invalid("escalation", "EscalationOnOneYearLease");
        }

        return EscalationValue <= 0 || (Escalation == EscalationKind.Percent && EscalationValue > 10_000)
            ? Problem.Invalid("escalation", "EscalationValueRange")
            : null;
    }

    private Problem? ValidateConcessions()
    {
        var ordered = ConcessionList.OrderBy(c => c.Start).ToArray();
        for (var i = 0; i < ordered.Length; i++)
        {
            var c = ordered[i];
            if (c.End <= c.Start)
            {
                return Problem.Invalid("concessions", "ConcessionEndsBeforeStart");
            }

            if (c.Start < Start || c.End > End)
            {
                return Problem.Invalid("concessions", "ConcessionOutsideTerm", c.Start.ToString("yyyy-MM-dd", null), c.End.ToString("yyyy-MM-dd", null));
            }

            if (c.DiscountBp is < 1 or > 10_000)
            {
                return Problem.Invalid("concessions", "ConcessionDiscountRange");
            }

            if (i > 0 && ordered[i - 1].End > c.Start)
            {
                return Problem.Invalid("concessions", "ConcessionsOverlap");
            }
        }

        return null;
    }

    private Problem? ValidateRamp()
    {
        var ordered = RampList.OrderBy(r => r.From).ToArray();
        for (var i = 0; i < ordered.Length; i++)
        {
            var step = ordered[i];
            if (step.From < Start || step.From >= End)
            {
                return Problem.Invalid("ramp", "RampOutsideTerm");
            }

            if (step.SeatCount <= 0 || step.SeatCount > Seats)
            {
                return Problem.Invalid("ramp", "RampSeatCountRange", Seats);
            }

            if (i > 0 && (ordered[i - 1].From == step.From || ordered[i - 1].SeatCount >= step.SeatCount))
            {
                return Problem.Invalid("ramp", "RampNotAscending");
            }
        }

        return null;
    }
}
