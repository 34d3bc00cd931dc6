using Park.Domain.Data;

namespace Park.Domain.Contracts;

/// <summary>A rent-free (10000 bp) or discounted period, half-open [Start, End).</summary>
public sealed record ScheduleConcession(DateOnly Start, DateOnly End, int DiscountBp);

/// <summary>From <paramref name="From"/> on, <paramref name="Seats"/> seats are billed (ramp-up).</summary>
public sealed record ScheduleRampStep(DateOnly From, int Seats);

/// <summary>What the payment schedule is computed from: one lease version's commercial terms.</summary>
public sealed record ScheduleTerms(
    DateOnly Start,
    DateOnly End,
    long PricePerSeatFen,
    int Seats,
    string Cycle,
    string EscalationKind,
    long EscalationValue,
    IReadOnlyList<ScheduleConcession> Concessions,
    IReadOnlyList<ScheduleRampStep> Ramp);

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

/// <summary>
/// The seam where the contract takes its payment schedule from. Today <see cref="InterimLeaseSchedule"/>;
/// when Leasing's <c>LeaseSchedule.Build</c> lands, an adapter over it replaces the registration.
/// </summary>
public interface ILeaseScheduleSource
{
    PaymentSchedule Build(ScheduleTerms terms);
}

/// <summary>
/// The contract's own schedule computation until Leasing's lands: periods by payment cycle from the
/// start date, each due on its first day (in advance); within a period, month by month from the
/// lease's start day, prorated by actual days for part months, with ramp-up seat counts,
/// anniversary escalation and concession discounts applied day-exactly. Each period is rounded
/// half-up to the fen, so the periods sum to the lease total by construction.
/// </summary>
public sealed class InterimLeaseSchedule : ILeaseScheduleSource
{
    public PaymentSchedule Build(ScheduleTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var months = CycleMonths(terms.Cycle);
        var periods = new List<SchedulePeriod>();
        for (var k = 0; ; k++)
        {
            var start = terms.Start.AddMonths(k * months);
            if (start >= terms.End)
            {
                break;
            }

            var end = Min(terms.Start.AddMonths((k + 1) * months), terms.End);
            periods.Add(Period(terms, k + 1, start, end));
        }

        return new PaymentSchedule(periods);
    }

    public static int CycleMonths(string cycle) => cycle switch
    {
        "quarterly" => 3,
        "half_yearly" => 6,
        "yearly" => 12,
        _ => 1,
    };

    private static SchedulePeriod Period(ScheduleTerms terms, int number, DateOnly start, DateOnly end)
    {
        var amount = 0m;
        var free = false;
        var discounted = false;
        var escalated = false;
        // Month slices follow the lease's start day so a full month is always billed as a full month.
        for (var m = MonthsBetween(terms.Start, start); ; m++)
        {
            var sliceStart = Max(terms.Start.AddMonths(m), start);
            if (sliceStart >= end)
            {
                break;
            }

            var fullStart = terms.Start.AddMonths(m);
            var fullEnd = terms.Start.AddMonths(m + 1);
            var sliceEnd = Min(fullEnd, end);
            var fullDays = fullEnd.DayNumber - fullStart.DayNumber;
            foreach (var (from, to) in Segments(terms, sliceStart, sliceEnd))
            {
                var seats = SeatsOn(terms, from);
                var price = PriceOn(terms, from);
                var discount = DiscountOn(terms, from);
                amount += (decimal)seats * price * (to.DayNumber - from.DayNumber) / fullDays * (10000 - discount) / 10000m;
                free |= discount == 10000;
                discounted |= discount is > 0 and < 10000;
                escalated |= price != terms.PricePerSeatFen;
            }
        }

        return new SchedulePeriod(number, start, end, start, SeatsOn(terms, start), PriceOn(terms, start),
            new Money((long)Math.Round(amount, 0, MidpointRounding.AwayFromZero)), free, discounted, escalated);
    }

    /// <summary>Sub-intervals of [from, to) on which seats, price and discount do not change.</summary>
    private static IEnumerable<(DateOnly From, DateOnly To)> Segments(ScheduleTerms terms, DateOnly from, DateOnly to)
    {
        var cuts = new SortedSet<DateOnly> { from, to };
        foreach (var step in terms.Ramp)
        {
            cuts.Add(step.From);
        }

        foreach (var c in terms.Concessions)
        {
            cuts.Add(c.Start);
            cuts.Add(c.End);
        }

        for (var year = 1; terms.Start.AddYears(year) < to; year++)
        {
            cuts.Add(terms.Start.AddYears(year));
        }

        var inside = cuts.Where(d => d >= from && d <= to).ToArray();
        for (var i = 0; i + 1 < inside.Length; i++)
        {
            yield return (inside[i], inside[i + 1]);
        }
    }

    private static int SeatsOn(ScheduleTerms terms, DateOnly day) =>
        terms.Ramp.Where(r => r.From <= day).OrderBy(r => r.From).LastOrDefault()?.Seats ?? terms.Seats;

    private static int DiscountOn(ScheduleTerms terms, DateOnly day) =>
        terms.Concessions.Where(c => c.Start <= day && day < c.End).Select(c => c.DiscountBp).DefaultIfEmpty(0).Max();

    /// <summary>The price per seat per month after the anniversaries passed by <paramref name="day"/>.</summary>
    public static long PriceOn(ScheduleTerms terms, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var years = 0;
        while (terms.Start.AddYears(years + 1) <= day)
        {
            years++;
        }

        var price = terms.PricePerSeatFen;
        for (var y = 0; y < years; y++)
        {
            price = terms.EscalationKind switch
            {
                "percent" => (long)Math.Round(price * (10000m + terms.EscalationValue) / 10000m, 0, MidpointRounding.AwayFromZero),
                "fixed" => price + terms.EscalationValue,
                _ => price,
            };
        }

        return price;
    }

    private static int MonthsBetween(DateOnly start, DateOnly day)
    {
        var m = (day.Year - start.Year) * 12 + day.Month - start.Month;
        while (m > 0 && start.AddMonths(m) > day)
        {
            m--;
        }

        return Math.Max(0, m);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
