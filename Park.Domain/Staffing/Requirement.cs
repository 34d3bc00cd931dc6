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
    /// <remarks>
    /// A line's targets are the same in every interval, so an interval's result depends on its volume
    /// alone: each distinct volume (to the cent, as the request rounds it) is staffed once and reused.
    /// Imported volumes are whole calls, so a year of 35,040 intervals has only a few thousand distinct
    /// ones. Days are rolled up in the same pass (intervals are consecutive).
    /// </remarks>
    public static RequirementPlan Compute(DateTime firstStart, IReadOnlyList<double> volumes, LineTargets targets)
    {
        var intervals = new RequirementInterval[volumes.Count];
        var known = new Dictionary<decimal, StaffingResult>();
        var days = new List<RequirementDay>(volumes.Count / Math.Max(1, 86_400 / targets.IntervalSeconds) + 2);
        var unreachable = 0;
        DateOnly? day = null;
        double dayVolume = 0;
        int dayAgents = 0;
        long dayPositions = 0;
        for (var i = 0; i < intervals.Length; i++)
        {
            var volume = Math.Round((decimal)Math.Max(0, volumes[i]), 2);
            if (!known.TryGetValue(volume, out var r))
            {
                var request = new StaffingRequest(volume, targets.IntervalSeconds, targets.AhtSeconds,
                    targets.ServiceLevelTarget, targets.ThresholdSeconds, targets.Shrinkage, targets.MaxOccupancy,
                    targets.PatienceSeconds, targets.MaxAbandon);
                r = StaffingEngine.CalculateValid(request);
                known[volume] = r;
            }

            unreachable += r.Status == StaffingStatus.Unreachable ? 1 : 0;
            var start = firstStart.AddSeconds((double)i * targets.IntervalSeconds);
            intervals[i] = new RequirementInterval(start, (double)volume, r.Agents, r.Positions, r.ServiceLevel, r.AsaSeconds, r.Status);
            var today = DateOnly.FromDateTime(start);
            if (day != today)
            {
                if (day is { } done)
                {
                    days.Add(new RequirementDay(done, dayVolume, dayAgents, dayPositions, Seats(dayPositions, targets)));
                }

                (day, dayVolume, dayAgents, dayPositions) = (today, 0, 0, 0);
            }

            dayVolume += (double)volume;
            dayAgents = Math.Max(dayAgents, r.Agents);
            dayPositions = Math.Max(dayPositions, r.Positions);
        }

        if (day is { } last)
        {
            days.Add(new RequirementDay(last, dayVolume, dayAgents, dayPositions, Seats(dayPositions, targets)));
        }

        var peakPositions = days.Count == 0 ? 0 : days.Max(d => d.PeakPositions);
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
