namespace Park.Domain.Leasing;

/// <summary>How a ramp-up schedule carries into an amendment. Pure.</summary>
public static class LeaseRamp
{
    /// <summary>
    /// The ramp of a new version that has <paramref name="seats"/> seats and ends on <paramref name="end"/>, made from the
    /// steps of the version before it. Added seats are billed from <paramref name="effectiveFrom"/>: the count in force on
    /// that day and every later step (so the final one too) grow by <paramref name="addedSeats"/>. Counts are then clipped
    /// to the new seat count, steps on or after the new end dropped, and steps that no longer raise the count removed.
    /// No ramp stays no ramp.
    /// </summary>
    public static IReadOnlyList<RampStep> Carry(IReadOnlyList<RampStep> steps, int seats, DateOnly effectiveFrom, DateOnly end, int addedSeats = 0)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0)
        {
            return [];
        }

        var ordered = steps.OrderBy(s => s.From).ToArray();
        var dates = ordered.Select(s => s.From).Append(effectiveFrom).Where(d => d < end).Distinct().Order();
        var carried = new List<RampStep>();
        foreach (var day in dates)
        {
            if (day == effectiveFrom && day < ordered[0].From && addedSeats == 0)
            {
                // Before the first step the first step's count applies anyway: no need for a step of its own.
                continue;
            }

            var count = Math.Min(seats, CountOn(ordered, day) + (day >= effectiveFrom ? addedSeats : 0));
            if (count > 0 && (carried.Count == 0 || count > carried[^1].SeatCount))
            {
                carried.Add(new RampStep(day, count));
            }
        }

        // A ramp that has reached the full count from its first step on is no ramp.
        return carried.Count == 1 && carried[0].SeatCount == seats ? [] : carried;
    }

    private static int CountOn(RampStep[] ordered, DateOnly day) =>
        ordered.LastOrDefault(s => s.From <= day)?.SeatCount ?? ordered[0].SeatCount;
}
