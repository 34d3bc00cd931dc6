using Park.Domain.Data;
using Park.Domain.Leasing;

namespace Park.Domain.Contracts;

/// <summary>A rent-free (10000 bp) or discounted period, half-open [Start, End).</summary>
public sealed record ScheduleConcession(DateOnly Start, DateOnly End, int DiscountBp);

/// <summary>From <paramref name="From"/> on, <paramref name="Seats"/> seats are billed (ramp-up).</summary>
public sealed record ScheduleRampStep(DateOnly From, int Seats);

/// <summary>
/// What the payment schedule is computed from: one lease version's commercial terms. Months and
/// anniversaries are anchored on <see cref="Start"/>; <see cref="BillFrom"/> / <see cref="BillUntil"/>
/// clip the schedule to the span the version governs (an amendment from its effective date until the
/// next signed version, the termination or its end), as on the lease page and in billing.
/// </summary>
public sealed record ScheduleTerms(
    DateOnly Start,
    DateOnly End,
    long PricePerSeatFen,
    int Seats,
    string Cycle,
    string EscalationKind,
    long EscalationValue,
    IReadOnlyList<ScheduleConcession> Concessions,
    IReadOnlyList<ScheduleRampStep> Ramp,
    DateOnly? BillFrom = null,
    DateOnly? BillUntil = null);

/// <summary>One payment: the period [Start, End), its due date, what is billed and why it differs.</summary>
public sealed record SchedulePeriod(
    int Number,
    DateOnly Start,
    DateOnly End,
    DateOnly Due,
    int Seats,
    long PricePerSeatFen,
    Money Amount,
    bool RentFree,
    bool Discounted,
    bool Escalated);

public sealed record PaymentSchedule(IReadOnlyList<SchedulePeriod> Periods)
{
    public Money Total => new(Periods.Sum(p => p.Amount.Fen));
}

/// <summary>The seam where the contract takes its payment schedule from (a test can supply another).</summary>
public interface ILeaseScheduleSource
{
    PaymentSchedule Build(ScheduleTerms terms);
}

/// <summary>
/// The contract's schedule is the lease's own: <see cref="LeaseSchedule.Build"/> from Leasing, so the
/// contract, the lease page and billing print the same periods and amounts to the fen.
/// </summary>
public sealed class LeasingScheduleSource : ILeaseScheduleSource
{
    public PaymentSchedule Build(ScheduleTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var leaseTerms = new LeaseTerms(
            terms.Start,
            terms.End,
            terms.Seats,
            terms.PricePerSeatFen,
            terms.Cycle switch
            {
                "quarterly" => PaymentCycle.Quarterly,
                "half_yearly" => PaymentCycle.HalfYearly,
                "yearly" => PaymentCycle.Yearly,
                _ => PaymentCycle.Monthly,
            },
            Escalation: terms.EscalationKind switch
            {
                "percent" => EscalationKind.Percent,
                "fixed" => EscalationKind.Fixed,
                _ => EscalationKind.None,
            },
            EscalationValue: terms.EscalationValue,
            Concessions: terms.Concessions.Select(c => new Concession(c.Start, c.End, c.DiscountBp)).ToArray(),
            Ramp: terms.Ramp.Select(r => new RampStep(r.From, r.Seats)).ToArray(),
            BillFrom: terms.BillFrom,
            BillUntil: terms.BillUntil);
        var periods = LeaseSchedule.Build(leaseTerms)
            .Select(p => new SchedulePeriod(p.No, p.Start, p.End, p.DueDate, p.Seats, p.MonthlyPricePerSeatFen, p.AmountDue,
                p.RentFree, p.Discounted, p.Escalated))
            .ToArray();
        return new PaymentSchedule(periods);
    }
}
