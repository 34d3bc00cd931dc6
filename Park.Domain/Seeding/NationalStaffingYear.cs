namespace Park.Domain.Seeding;

/// <summary>How a kind of line's volume moves over the year.</summary>
internal enum SeasonKind
{
    Flat,
    Government,
    Ecommerce,
    Summer,
    Winter,
    Travel,
}

/// <summary>A kind of service line: its name, handle time, opening hours ([Open, Close) in hours; 0–24 is round the clock) and calls a weekday.</summary>
internal sealed record LineKind(string Name, int AhtSeconds, int Open, int Close, int MinDaily, int MaxDaily, SeasonKind Season, bool Office = false)
{
    public bool AllDay => Open == 0 && Close == 24;
}

/// <summary>One interval as an ACD export reports it (and the import stores it): whole calls, whole seconds.</summary>
internal readonly record struct IntervalVolume(int Day, int Slot, double Offered, double Handled, double AhtSeconds);

/// <summary>
/// A year of a line's interval volumes with the shape real centers see: a morning and an afternoon
/// peak (a thin night for round-the-clock lines), weekday/weekend, the line's season, Chinese public
/// holidays (Spring Festival the deepest, with the surge after it), a trend, day-level and Poisson
/// noise, rare incident days, abandonment that rises at the peaks, and handle times that vary by
/// interval. Only intervals inside opening hours are produced, every one of them (zero calls included).
/// </summary>
internal static class NationalStaffingYear
{
    // 正月初一 by year; outside the table the seed falls back to early February.
    private static readonly Dictionary<int, DateOnly> SpringFestival = new()
    {
        [2023] = new(2023, 1, 22), [2024] = new(2024, 2, 10), [2025] = new(2025, 1, 29), [2026] = new(2026, 2, 17),
        [2027] = new(2027, 2, 6), [2028] = new(2028, 1, 26), [2029] = new(2029, 2, 13), [2030] = new(2030, 2, 3),
    };

    public static IEnumerable<IntervalVolume> Generate(LineKind kind, int intervalSeconds, DateOnly first, int days, double dailyBase, Random random)
    {
        var openSlot = kind.Open * 3600 / intervalSeconds;
        var closeSlot = kind.Close * 3600 / intervalSeconds;
        var weekdayShares = Shares(kind, intervalSeconds, openSlot, closeSlot, weekend: false);
        var weekendShares = Shares(kind, intervalSeconds, openSlot, closeSlot, weekend: true);
        var growth = -0.05 + (random.NextDouble() * 0.25);
        var abandonBase = 0.015 + (random.NextDouble() * 0.03);
        for (var d = 0; d < days; d++)
        {
            var day = first.AddDays(d);
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var shares = weekend ? weekendShares : weekdayShares;
            var incident = random.NextDouble() < 0.008 ? 1.4 + random.NextDouble() : 1.0;
            var daily = dailyBase * Weekday(kind, day) * Season(kind, day) * Holiday(kind, day) * (1 + (growth * d / days))
                * Math.Exp(0.06 * Gaussian(random)) * incident;
            var ahtDay = kind.AhtSeconds * (day.DayOfWeek == DayOfWeek.Monday ? 1.03 : 1.0) * (1 + (0.02 * Gaussian(random)));
            var peak = shares.Max();
            for (var slot = openSlot; slot < closeSlot; slot++)
            {
                var share = shares[slot - openSlot];
                var offered = Calls(daily * share, random);
                var abandon = Math.Clamp(abandonBase + (0.07 * Math.Pow(share / peak, 2) * (incident > 1 ? 2 : 1)) + (0.01 * Gaussian(random)), 0, 0.4);
                var handled = offered - Math.Round(offered * abandon);
                var night = slot * intervalSeconds / 3600 is < 7 or >= 22 ? 1.12 : 1.0;
                var spread = Math.Min(0.5, 0.9 / Math.Sqrt(Math.Max(1, handled)));
                var aht = handled > 0 ? Math.Max(10, Math.Round(ahtDay * night * (1 + (spread * Gaussian(random))))) : 0;
                yield return new IntervalVolume(d, slot, offered, handled, aht);
            }

        }
    }

    /// <summary>Each open interval's share of the day's calls (sums to 1).</summary>
    private static double[] Shares(LineKind kind, int intervalSeconds, int openSlot, int closeSlot, bool weekend)
    {
        var shares = new double[closeSlot - openSlot];
        var hours = intervalSeconds / 3600.0;
        for (var i = 0; i < shares.Length; i++)
        {
            // The average of the curve over the interval (four sample points).
            var sum = 0.0;
            for (var k = 0; k < 4; k++)
            {
                sum += Curve(kind, ((openSlot + i) * hours) + ((k + 0.5) * hours / 4), weekend);
            }

            shares[i] = sum / 4 * hours;
        }

        var total = shares.Sum();
        for (var i = 0; i < shares.Length; i++)
        {
            shares[i] /= total;
        }

        return shares;
    }

    /// <summary>Calls per hour, relative: a morning peak about 10:15, an afternoon one about 14:45, an evening shoulder, a thin night.</summary>
    private static double Curve(LineKind kind, double hour, bool weekend)
    {
        var shift = weekend ? 0.75 : 0;
        var awake = Sigmoid((hour - 7.6) / 0.5) * Sigmoid((23.2 - hour) / 0.7);
        var evening = kind.Office ? 0.05 : 0.35;
        var day = 0.3 + Bump(hour, 10.25 + shift, 1.25) + (0.85 * Bump(hour, 14.75, 1.6)) + (evening * Bump(hour, 20, 1.4));
        return (kind.AllDay ? 0.1 : 0.01) + (awake * day);
    }

    private static double Weekday(LineKind kind, DateOnly day) => (kind.Office, kind.Season, day.DayOfWeek) switch
    {
        (true, _, DayOfWeek.Saturday) => 0.3,
        (true, _, DayOfWeek.Sunday) => 0.2,
        (_, SeasonKind.Government, DayOfWeek.Saturday) => 0.65,
        (_, SeasonKind.Government, DayOfWeek.Sunday) => 0.6,
        (_, _, DayOfWeek.Saturday) => 0.78,
        (_, _, DayOfWeek.Sunday) => 0.72,
        (_, _, DayOfWeek.Monday) => 1.1,
        (_, _, DayOfWeek.Tuesday) => 1.03,
        (_, _, DayOfWeek.Friday) => 0.96,
        _ => 1.0,
    };

    private static double Season(LineKind kind, DateOnly day)
    {
        var yearly = 1 + (0.06 * Math.Sin((day.DayOfYear - 80) / 365.0 * 2 * Math.PI));
        return kind.Season switch
        {
            SeasonKind.Government => yearly * (day.Month is 7 or 8 ? 1.15 : day.Month == 1 ? 1.08 : 1.0),
            SeasonKind.Ecommerce => (day.Month, day.Day) switch
            {
                (11, >= 11 and <= 20) => 1.9,
                (11, _) => 1.25,
                (6, >= 16 and <= 22) => 1.45,
                (12, <= 5) => 1.2,
                _ => 1.0,
            },
            SeasonKind.Summer => day.Month is 7 or 8 ? 1.3 : day.Month is 6 or 9 ? 1.12 : 0.95,
            SeasonKind.Winter => day.Month is 12 or 1 or 2 ? 1.35 : day.Month is 11 or 3 ? 1.12 : 0.9,
            SeasonKind.Travel => TravelRush(day) * (day.Month is 7 or 8 ? 1.2 : 1.0),
            _ => yearly,
        };
    }

    /// <summary>Spring Festival travel rush (春运): the 15 days before the festival are busy.</summary>
    private static double TravelRush(DateOnly day)
    {
        var toFestival = Festival(day.Year).DayNumber - day.DayNumber;
        var toNext = Festival(day.Year + 1).DayNumber - day.DayNumber;
        return toFestival is > 0 and <= 15 || toNext is > 0 and <= 15 ? 1.5 : 1.0;
    }

    /// <summary>Public holidays: Spring Festival (eve and six days) deepest, the week after it surging; golden weeks and one-to-three-day holidays lighter.</summary>
    private static double Holiday(LineKind kind, DateOnly day)
    {
        var sinceFestival = day.DayNumber - Festival(day.Year).DayNumber;
        if (sinceFestival < -300)
        {
            sinceFestival = day.DayNumber - Festival(day.Year - 1).DayNumber;
        }

        var steady = kind.AllDay || kind.Season == SeasonKind.Travel;
        if (sinceFestival is >= -1 and <= 6)
        {
            return kind.Office ? 0.08 : steady ? 0.6 : 0.3;
        }

        if (sinceFestival is >= 7 and <= 13)
        {
            return 1.22;
        }

        var golden = (day.Month == 10 && day.Day <= 7) || (day.Month == 5 && day.Day <= 5);
        var shortHoliday = (day.Month == 4 && day.Day is >= 4 and <= 6) || (day.Month == 1 && day.Day == 1);
        if (golden || shortHoliday)
        {
            return kind.Office ? 0.15 : steady ? 0.8 : 0.55;
        }

        return 1.0;
    }

    private static DateOnly Festival(int year) =>
        SpringFestival.TryGetValue(year, out var day) ? day : new DateOnly(year, 2, 5);

    private static double Bump(double x, double mean, double sigma) => Math.Exp(-0.5 * Math.Pow((x - mean) / sigma, 2));

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    /// <summary>Offered calls around a mean: Poisson for small means, its normal approximation (a little overdispersed) above.</summary>
    private static double Calls(double mean, Random random)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean < 30)
        {
            var limit = Math.Exp(-mean);
            var product = random.NextDouble();
            var count = 0;
            while (product > limit)
            {
                product *= random.NextDouble();
                count++;
            }

            return count;
        }

        return Math.Max(0, Math.Round(mean + (1.1 * Math.Sqrt(mean) * Gaussian(random))));
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
