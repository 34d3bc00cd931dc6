namespace Park.Domain.Staffing;

/// <summary>
/// A weekly pattern entered by hand: a share per weekday (Monday first) and a share per hour of the
/// day. A week's interval gets its day's share × the share of the hours it covers (an hour's share
/// split evenly over its intervals), so a monthly total spreads by weekday and time of day. Shares are
/// weights, not percentages: only their ratios matter.
/// </summary>
public sealed record WeekShape(IReadOnlyList<double> Days, IReadOnlyList<double> Hours)
{
    /// <summary>Weekdays 08:00–20:00, the usual office-hours line (also the default without history).</summary>
    public static WeekShape OfficeHours { get; } = new(
        [1, 1, 1, 1, 1, 0, 0],
        Enumerable.Range(0, 24).Select(h => h is >= 8 and < 20 ? 1.0 : 0.0).ToArray());

    /// <summary>
    /// Every problem (field <c>days[2]</c>, <c>hours</c>…, code, message arguments: weekday 1 = Monday
    /// to 7, or the hour 0–23); empty when usable.
    /// </summary>
    public IReadOnlyList<RowProblem> Validate()
    {
        var problems = new List<RowProblem>();
        Check("days", Days, 7, i => i + 1, StaffingCodes.PatternDayNegative, StaffingCodes.PatternDaysZero, problems);
        Check("hours", Hours, 24, i => i, StaffingCodes.PatternHourNegative, StaffingCodes.PatternHoursZero, problems);
        return problems;
    }

    private static void Check(string name, IReadOnlyList<double> shares, int count, Func<int, int> label, string negative, string zero, List<RowProblem> problems)
    {
        if (shares.Count != count)
        {
            problems.Add(new RowProblem(0, name, StaffingCodes.PatternShareCount));
            return;
        }

        var bad = Enumerable.Range(0, count).Where(i => !(shares[i] >= 0 && shares[i] <= 1e9)).ToArray();
        problems.AddRange(bad.Select(i => new RowProblem(0, $"{name}[{i}]", negative, label(i))));
        if (bad.Length == 0 && shares.Sum() <= 0)
        {
            problems.Add(new RowProblem(0, name, zero));
        }
    }

    /// <summary>One share per interval of the week (Monday 00:00 first), for <see cref="WeeklyPattern.Expand"/>.</summary>
    public double[] ToWeekShares(int intervalSeconds)
    {
        if (Validate().Count > 0)
        {
            throw new InvalidOperationException("Validate the pattern before using it.");
        }

        var perDay = 86_400 / intervalSeconds;
        var shares = new double[7 * perDay];
        for (var i = 0; i < perDay; i++)
        {
            var daily = HourShare(i * intervalSeconds, (i + 1) * intervalSeconds);
            for (var d = 0; d < 7; d++)
            {
                shares[(d * perDay) + i] = Days[d] * daily;
            }
        }

        return shares;
    }

    /// <summary>The share of the hours covering seconds [from, to) of a day, each hour pro rata to the overlap.</summary>
    private double HourShare(int from, int to)
    {
        double share = 0;
        for (var h = from / 3600; h < 24 && h * 3600 < to; h++)
        {
            var overlap = Math.Min(to, (h + 1) * 3600) - Math.Max(from, h * 3600);
            share += Hours[h] * overlap / 3600.0;
        }

        return share;
    }
}
