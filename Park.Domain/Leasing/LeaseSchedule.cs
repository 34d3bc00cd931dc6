using Park.Domain.Data;

namespace Park.Domain.Leasing;

/// <summary>One payment period: half-open [Start, End), due on its first day (rent in advance).</summary>
public sealed record SchedulePeriod(
    int No,
    DateOnly Start,
    DateOnly End,
    DateOnly DueDate,
    int Seats,
    long MonthlyPricePerSeatFen,
    Money AmountDue,
    bool RentFree,
    bool Discounted,
    bool Escalated)
{
    public int Days => End.DayNumber - Start.DayNumber;
}

/// <summary>
/// The payment schedule of lease terms. Pure: contracts and billing reuse it.
/// Months are anchored on the lease start (start + k months), so anniversaries fall on month
/// boundaries. Each month's full rent (price in that lease year × seats) is shared over its days by
/// weight (billed seats × (10000 − discount bp)) with cumulative half-up rounding, so ranges add up
/// exactly and a partial month is prorated by actual days. <see cref="SplitByMonth"/> splits a
/// period's amount over its months with <see cref="Money.Allocate"/> for billing lines.
/// </summary>
public static class LeaseSchedule
{
    public static IReadOnlyList<SchedulePeriod> Build(LeaseTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Validate() is { } problem)
        {
            throw new ArgumentException($"Invalid lease terms: {problem.Code}", nameof(terms));
        }

        var from = Max(terms.BillFrom ?? terms.Start, terms.Start);
        var until = Min(terms.BillUntil ?? terms.End, terms.End);
        var months = (int)terms.Cycle;
        var periods = new List<SchedulePeriod>();
        for (var j = 0; ; j++)
        {
            var start = terms.Start.AddMonths(j * months);
            if (start >= until)
            {
                break;
            }

            var end = Min(terms.Start.AddMonths((j + 1) * months), until);
            var clippedStart = Max(start, from);
            if (clippedStart >= end)
            {
                continue;
            }

            var discounts = DaysIn(clippedStart, end).Select(d => DiscountOn(terms, d)).ToArray();
            var year = MonthIndex(terms, clippedStart) / 12;
            periods.Add(new SchedulePeriod(
                periods.Count + 1, clippedStart, end, clippedStart, SeatsOn(terms, clippedStart), PriceInYear(terms, year),
                ChargeBetween(terms, clippedStart, end),
                RentFree: discounts.All(d => d == 10_000),
                Discounted: discounts.Any(d => d > 0),
                Escalated: year > 0 && terms.Escalation != EscalationKind.None));
        }

        return periods;
    }

    /// <summary>A period's amount split over the lease months it spans, by their charges, summing exactly to the amount.</summary>
    public static IReadOnlyList<(DateOnly Start, DateOnly End, Money Amount)> SplitByMonth(LeaseTerms terms, SchedulePeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var months = new List<(DateOnly Start, DateOnly End)>();
        for (var k = MonthIndex(terms, period.Start); terms.Start.AddMonths(k) < period.End; k++)
        {
            months.Add((Max(terms.Start.AddMonths(k), period.Start), Min(terms.Start.AddMonths(k + 1), period.End)));
        }

        var weights = months.Select(m => Math.Max(ChargeBetween(terms, m.Start, m.End).Fen, 0)).ToArray();
        var parts = weights.Sum() == 0 ? new Money[months.Count] : period.AmountDue.Allocate(weights);
        return months.Select((m, i) => (m.Start, m.End, parts[i])).ToArray();
    }

    /// <summary>The deposit: deposit months × the first year's monthly rent for all seats.</summary>
    public static Money Deposit(LeaseTerms terms) =>
        new(checked(terms.MonthlyPriceFen * terms.Seats * terms.DepositMonths));

    /// <summary>The monthly price per seat in lease year <paramref name="year"/> (0 = first year).</summary>
    public static long PriceInYear(LeaseTerms terms, int year)
    {
        var price = new Money(terms.MonthlyPriceFen);
        for (var y = 0; y < year; y++)
        {
            price = terms.Escalation switch
            {
                EscalationKind.Percent => price.Times(1m + (terms.EscalationValue / 10_000m)),
                EscalationKind.Fixed => price + new Money(terms.EscalationValue),
                _ => price,
            };
        }

        return price.Fen;
    }

    /// <summary>Seats billed on a day: the last ramp step on or before it, the first step before any, or all seats.</summary>
    public static int SeatsOn(LeaseTerms terms, DateOnly day)
    {
        var steps = terms.RampList.OrderBy(s => s.From).ToArray();
        if (steps.Length == 0)
        {
            return terms.Seats;
        }

        return steps.LastOrDefault(s => s.From <= day)?.SeatCount ?? steps[0].SeatCount;
    }

    /// <summary>What the days in [from, to) cost, within the term; additive over adjacent ranges.</summary>
    public static Money ChargeBetween(LeaseTerms terms, DateOnly from, DateOnly to)
    {
        from = Max(from, terms.Start);
        to = Min(to, terms.End);
        var total = Money.Zero;
        if (from >= to)
        {
            return total;
        }

        for (var k = MonthIndex(terms, from); ; k++)
        {
            var monthStart = terms.Start.AddMonths(k);
            if (monthStart >= to)
            {
                break;
            }

            var monthEnd = terms.Start.AddMonths(k + 1);
            var cumulative = CumulativeWeights(terms, monthStart, monthEnd);
            var fullRent = new Money(checked(PriceInYear(terms, k / 12) * terms.Seats));
            var full = (long)(monthEnd.DayNumber - monthStart.DayNumber) * terms.Seats * 10_000;
            var first = Max(from, monthStart).DayNumber - monthStart.DayNumber;
            var last = Min(to, monthEnd).DayNumber - monthStart.DayNumber;
            total += Share(fullRent, cumulative[last], full) - Share(fullRent, cumulative[first], full);
        }

        return total;
    }

    /// <summary>
    /// cumulative[i] = weight of the month's first i days: billed seats × (10000 − discount bp), zero outside the term.
    /// A range is charged the difference of rounded cumulative shares, so a full month costs exactly its rent, a
    /// partial month is prorated by actual days (rounded half-up to the fen) and adjacent ranges add up exactly.
    /// </summary>
    private static long[] CumulativeWeights(LeaseTerms terms, DateOnly monthStart, DateOnly monthEnd)
    {
        var days = monthEnd.DayNumber - monthStart.DayNumber;
        var cumulative = new long[days + 1];
        for (var i = 0; i < days; i++)
        {
            var day = monthStart.AddDays(i);
            var weight = day < terms.Start || day >= terms.End ? 0 : (long)SeatsOn(terms, day) * (10_000 - DiscountOn(terms, day));
            cumulative[i + 1] = cumulative[i] + weight;
        }

        return cumulative;
    }

    private static Money Share(Money fullRent, long weight, long full) =>
        weight == 0 ? Money.Zero : new Money((long)Math.Round((decimal)fullRent.Fen * weight / full, 0, MidpointRounding.AwayFromZero));

    private static int DiscountOn(LeaseTerms terms, DateOnly day) =>
        terms.ConcessionList.Where(c => c.Start <= day && day < c.End).Select(c => c.DiscountBp).DefaultIfEmpty(0).Max();

    /// <summary>The index k of the lease month [start + k months, start + k + 1 months) holding the day.</summary>
    private static int MonthIndex(LeaseTerms terms, DateOnly day)
    {
        var k = Math.Max(0, ((day.Year - terms.Start.Year) * 12) + day.Month - terms.Start.Month - 1);
        while (terms.Start.AddMonths(k + 1) <= day)
        {
            k++;
        }

        return k;
    }

    private static IEnumerable<DateOnly> DaysIn(DateOnly start, DateOnly end)
    {
        for (var d = start; d < end; d = d.AddDays(1))
        {
            yield return d;
        }
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
