namespace Park.Domain.Inventory;

/// <summary>
/// A seat's life as the capacity chart can tell it from the seat row alone: built from the earlier of its
/// creation day and (unless retired) its status date — an imported seat's "in service since" — retired from
/// its status date, out of service over its status period. Past maintenance that has ended is not kept, so
/// the chart shows the seat's current status period only.
/// </summary>
public sealed record SeatLife(long Id, string ServiceStatus, DateOnly StatusSince, DateOnly? StatusUntil, DateOnly CreatedOn)
{
    public DateOnly BuiltFrom => ServiceStatus == ServiceStatuses.Retired || CreatedOn <= StatusSince ? CreatedOn : StatusSince;

    public bool RetiredOn(DateOnly day) => ServiceStatus == ServiceStatuses.Retired && StatusSince <= day;

    public bool OutOfServiceOn(DateOnly day) =>
        ServiceStatus != ServiceStatuses.InService && StatusSince <= day && (StatusUntil is null || day < StatusUntil);
}

/// <summary>A lease's hold on a seat over [Start, End): held (signed or approved) or reserved (a draft).</summary>
public sealed record HoldSpan(long SeatId, bool Held, DateOnly Start, DateOnly End)
{
    public bool Covers(DateOnly day) => Start <= day && day < End;
}

/// <summary>
/// One month of the capacity chart, counted on the month's first day with the dashboard's precedence:
/// leased, then retired (not built), not yet built, out of service, reserved, free.
/// <see cref="Planned"/> is the park's plan, null for a building or floor (the plan is per park).
/// </summary>
public sealed record CapacityPoint(DateOnly Month, int? Planned, int Built, int Leased, int Reserved, int OutOfService)
{
    public int Free => Built - Leased - Reserved - OutOfService;

    /// <summary>Leased share of built seats in basis points (10000 = 100%).</summary>
    public int OccupancyBp => Built == 0 ? 0 : (int)Math.Round(Leased * 10000m / Built, MidpointRounding.AwayFromZero);
}

public static class CapacitySeries
{
    /// <summary>The months from <paramref name="first"/> (a first day) on, <paramref name="count"/> of them.</summary>
    public static IReadOnlyList<CapacityPoint> Compute(DateOnly first, int count, IReadOnlyList<SeatLife> seats, IReadOnlyList<HoldSpan> holds,
        IReadOnlyList<CapacityPhase>? phases)
    {
        var bySeat = holds.ToLookup(h => h.SeatId);
        var points = new CapacityPoint[count];
        for (var i = 0; i < count; i++)
        {
            var day = first.AddMonths(i);
            int built = 0, leased = 0, reserved = 0, outOfService = 0;
            foreach (var seat in seats)
            {
                var seatHolds = bySeat[seat.Id];
                if (seatHolds.Any(h => h.Held && h.Covers(day)))
                {
                    (built, leased) = (built + 1, leased + 1);
                }
                else if (!seat.RetiredOn(day) && seat.BuiltFrom <= day)
                {
                    built++;
                    if (seat.OutOfServiceOn(day))
                    {
                        outOfService++;
                    }
                    else if (seatHolds.Any(h => !h.Held && h.Covers(day)))
                    {
                        reserved++;
                    }
                }
            }

            points[i] = new CapacityPoint(day, phases is null ? null : CapacityStore.PlannedOn(phases, day), built, leased, reserved, outOfService);
        }

        return points;
    }
}
