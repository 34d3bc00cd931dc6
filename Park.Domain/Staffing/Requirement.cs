namespace Park.Domain.Staffing;

/// <summary>A service line's targets and the ratios that turn positions into seats.</summary>
public sealed record LineTargets(
    int IntervalSeconds,
    decimal AhtSeconds,
    double ServiceLevelTarget,
    double ThresholdSeconds,
    decimal Shrinkage,
    decimal MaxOccupancy,
    double? PatienceSeconds,
    double? MaxAbandon,
    int AgentsPerLead,
    int AgentsPerQa,
    decimal SeatSharing);

public sealed record RequirementInterval(DateTime Start, double Volume, int Agents, long Positions, double ServiceLevel, double AsaSeconds, StaffingStatus Status);

public sealed record RequirementDay(DateOnly Day, double Volume, int PeakAgents, long PeakPositions, long SeatsNeeded);

public sealed record RequirementPlan(IReadOnlyList<RequirementInterval> Intervals, IReadOnlyList<RequirementDay> Days, long PeakPositions, long SeatsNeeded, int Unreachable);

/// <summary>From interval volumes to agents, positions, daily peaks and seats.</summary>
public static class Requirement
{
    public static RequirementPlan Compute(DateTime firstStart, IReadOnlyList<double> volumes, LineTargets targets)
    {
        var intervals = new RequirementInterval[volumes.Count];
        var unreachable = 0;
        for (var i = 0; i < intervals.Length; i++)
        {
            var request = new StaffingRequest(Math.Round((decimal)Math.Max(0, volumes[i]), 2), targets.IntervalSeconds, targets.AhtSeconds,
                targets.ServiceLevelTarget, targets.ThresholdSeconds, targets.Shrinkage, targets.MaxOccupancy,
                targets.PatienceSeconds, targets.MaxAbandon);
            var r = StaffingEngine.CalculateValid(request);
            unreachable += r.Status == StaffingStatus.Unreachable ? 1 : 0;
            intervals[i] = new RequirementInterval(firstStart.AddSeconds((double)i * targets.IntervalSeconds), (double)request.Volume,
                r.Agents, r.Positions, r.ServiceLevel, r.AsaSeconds, r.Status);
        }

        var days = intervals
            .GroupBy(i => DateOnly.FromDateTime(i.Start))
            .Select(g =>
            {
                var peak = g.Max(i => i.Positions);
                return new RequirementDay(g.Key, g.Sum(i => i.Volume), g.Max(i => i.Agents), peak, Seats(peak, targets));
            })
            .ToArray();
        var peakPositions = days.Length == 0 ? 0 : days.Max(d => d.PeakPositions);
        return new RequirementPlan(intervals, days, peakPositions, Seats(peakPositions, targets), unreachable);
    }

    /// <summary>
    /// Seats = ⌈(positions + ⌈positions ÷ agents per lead⌉ + ⌈positions ÷ agents per QA⌉) × sharing⌉,
    /// in integer and decimal arithmetic; a ratio of 0 means no such staff.
    /// </summary>
    public static long Seats(long peakPositions, LineTargets targets)
    {
        var staff = peakPositions + Ratio(peakPositions, targets.AgentsPerLead) + Ratio(peakPositions, targets.AgentsPerQa);
        return (long)decimal.Ceiling(staff * targets.SeatSharing);
    }

    private static long Ratio(long positions, int perOne) => perOne <= 0 ? 0 : (positions + perOne - 1) / perOne;
}

/// <summary>A weekly pattern (share of each interval of the week) times a monthly total.</summary>
public static class WeeklyPattern
{
    /// <summary>
    /// Interval volumes for every interval of the month: each day gets the month's total in
    /// proportion to its weekday's weight, spread over the day by the pattern's interval shares.
    /// </summary>
    public static double[] Expand(DateOnly month, double monthlyTotal, IReadOnlyList<double> weekShares, int intervalsPerDay)
    {
        if (weekShares.Count != 7 * intervalsPerDay || weekShares.Any(s => s < 0 || !double.IsFinite(s)))
        {
            throw new ArgumentException("One non-negative share per interval of the week.", nameof(weekShares));
        }

        var first = new DateOnly(month.Year, month.Month, 1);
        var days = DateTime.DaysInMonth(month.Year, month.Month);
        var volumes = new double[days * intervalsPerDay];
        double weight = 0;
        for (var d = 0; d < days; d++)
        {
            var offset = WeekOffset(first.AddDays(d)) * intervalsPerDay;
            for (var i = 0; i < intervalsPerDay; i++)
            {
                volumes[(d * intervalsPerDay) + i] = weekShares[offset + i];
                weight += weekShares[offset + i];
            }
        }

        if (weight <= 0)
        {
            return volumes;
        }

        for (var i = 0; i < volumes.Length; i++)
        {
            volumes[i] = volumes[i] * monthlyTotal / weight;
        }

        return volumes;
    }

    /// <summary>Monday = 0 … Sunday = 6.</summary>
    public static int WeekOffset(DateOnly day) => ((int)day.DayOfWeek + 6) % 7;
}
