using Park.Domain.Data;

namespace Park.Domain.Leasing;

/// <summary>
/// What an early termination leaves to settle: rent for days not yet billed (owed), rent billed in
/// advance for days after the end (credited back), and the deposit, which first covers what is owed
/// and the penalty and is refunded for the rest. Never silently used as rent: the offset is explicit.
/// </summary>
public sealed record Settlement(
    DateOnly NoticeDate,
    DateOnly TerminationDate,
    DateOnly BilledThrough,
    int UnbilledDays,
    Money Unbilled,
    int PrepaidDays,
    Money PrepaidCredit,
    Money Penalty,
    Money Deposit,
    Money DepositOffset,
    Money Refund,
    Money Owed);

public static class LeaseSettlement
{
    /// <summary>
    /// Settles terms ended early on <paramref name="terminationDate"/> (exclusive), with periods billed
    /// in advance up to <paramref name="noticeDate"/>.
    /// </summary>
    public static Result<Settlement> Compute(LeaseTerms terms, DateOnly noticeDate, DateOnly terminationDate, Money penalty)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terminationDate <= terms.Start || terminationDate >= terms.End)
        {
            return Problem.Invalid("terminationDate", "TerminationOutsideTerm");
        }

        if (terminationDate < noticeDate)
        {
            return Problem.Invalid("terminationDate", "TerminationBeforeNotice");
        }

        if (penalty.Fen < 0)
        {
            return Problem.Invalid("penalty", "PenaltyNegative");
        }

        var billedThrough = LeaseSchedule.Build(terms).Where(p => p.DueDate <= noticeDate).Select(p => p.End).DefaultIfEmpty(terms.Start).Max();
        var unbilledDays = Math.Max(0, terminationDate.DayNumber - billedThrough.DayNumber);
        var prepaidDays = Math.Max(0, billedThrough.DayNumber - terminationDate.DayNumber);
        var unbilled = unbilledDays > 0 ? LeaseSchedule.ChargeBetween(terms, billedThrough, terminationDate) : Money.Zero;
        var credit = prepaidDays > 0 ? LeaseSchedule.ChargeBetween(terms, terminationDate, billedThrough) : Money.Zero;
        var deposit = LeaseSchedule.Deposit(terms);
        var due = unbilled + penalty;
        var offset = due < deposit ? due : deposit;
        return new Settlement(noticeDate, terminationDate, billedThrough, unbilledDays, unbilled, prepaidDays, credit, penalty,
            deposit, offset, deposit - offset + credit, due - offset);
    }

    /// <summary>
    /// Notice served on <paramref name="noticeDate"/> to leave at the natural end: the rest of the term is billed as
    /// scheduled, so nothing is owed or credited now, there is no penalty, and the whole deposit is refunded.
    /// </summary>
    public static Settlement AtNaturalEnd(LeaseTerms terms, DateOnly noticeDate)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var billedThrough = LeaseSchedule.Build(terms).Where(p => p.DueDate <= noticeDate).Select(p => p.End).DefaultIfEmpty(terms.Start).Max();
        var deposit = LeaseSchedule.Deposit(terms);
        return new Settlement(noticeDate, terms.End, billedThrough, 0, Money.Zero, 0, Money.Zero, Money.Zero, deposit, Money.Zero, deposit, Money.Zero);
    }
}
