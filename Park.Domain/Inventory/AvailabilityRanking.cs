namespace Park.Domain.Inventory;

/// <summary>A seat that is free for the whole requested period, with where it is.</summary>
public sealed record CandidateSeat(long Id, string Code, long ZoneId, string ZoneCode, long FloorId, string FloorName, string BuildingCode, int X, int Y);

public enum ProposalKind
{
    /// <summary>All seats in one zone: the team sits together.</summary>
    SameZone,

    /// <summary>One floor, neighbouring zones.</summary>
    SameFloor,

    /// <summary>No floor has room: the team is split across floors.</summary>
    AcrossFloors,
}

/// <summary>One way to seat the team; <see cref="Spread"/> is how far apart the seats are (lower is tighter).</summary>
public sealed record SeatProposal(int Rank, ProposalKind Kind, IReadOnlyList<CandidateSeat> Seats, long Spread);

/// <summary>
/// Ranks ways to place N people on free seats so teams stay together: proposals inside one zone
/// first (tightest cluster first), then clusters on one floor across zones, and only when no floor
/// has room one proposal split across floors. Pure: candidates in, proposals out.
/// </summary>
public static class AvailabilityRanking
{
    private const int MaxSeeds = 48;

    public static IReadOnlyList<SeatProposal> Rank(IReadOnlyList<CandidateSeat> candidates, int count, int maxProposals = 5)
    {
        if (count < 1 || maxProposals < 1 || candidates.Count < count)
        {
            return [];
        }

        var zoneProposals = candidates.GroupBy(c => c.ZoneId)
            .Where(g => g.Count() >= count)
            .Select(g => Cluster(g.ToArray(), count, ProposalKind.SameZone))
            .OrderBy(p => p.Spread).ThenBy(p => p.Seats[0].Code, StringComparer.Ordinal);
        var floorProposals = candidates.GroupBy(c => c.FloorId)
            .Where(g => g.Count() >= count && g.Select(c => c.ZoneId).Distinct().Count() > 1)
            .Select(g => Cluster(g.ToArray(), count, ProposalKind.SameFloor))
            .Where(p => p.Seats.Select(s => s.ZoneId).Distinct().Count() > 1)
            .OrderBy(p => p.Spread).ThenBy(p => p.Seats[0].Code, StringComparer.Ordinal);

        var ranked = zoneProposals.Concat(floorProposals).Take(maxProposals).ToList();
        if (ranked.Count == 0)
        {
            ranked.Add(AcrossFloors(candidates, count));
        }

        return ranked.Select((p, i) => p with { Rank = i + 1 }).ToArray();
    }

    /// <summary>The tightest group of <paramref name="count"/> seats: each seed's nearest neighbours, best seed wins.</summary>
    private static SeatProposal Cluster(CandidateSeat[] seats, int count, ProposalKind kind)
    {
        var step = Math.Max(1, seats.Length / MaxSeeds);
        IReadOnlyList<CandidateSeat>? best = null;
        var bestSpread = long.MaxValue;
        // Nearest first, ties by code: each seat's place in code order is folded into one integer key
        // (distance × n + code rank), so every seed's ordering is a sort of plain longs.
        var n = seats.Length;
        var byCode = new int[n];
        for (var j = 0; j < n; j++)
        {
            byCode[j] = j;
        }

        Array.Sort(byCode, (a, b) => string.CompareOrdinal(seats[a].Code, seats[b].Code));
        var codeRank = new long[n];
        for (var r = 0; r < n; r++)
        {
            codeRank[byCode[r]] = r;
        }

        var keys = new long[n];
        for (var i = 0; i < n; i += step)
        {
            var seed = seats[i];
            for (var j = 0; j < n; j++)
            {
                keys[j] = (Distance(seed, seats[j]) * n) + codeRank[j];
            }

            // Only the nearest `count` matter: select them, then sort just those (48 seeds × n log n → 48 × n).
            SelectSmallest(keys, count);
            Array.Sort(keys, 0, count);
            var chosen = new CandidateSeat[count];
            for (var k = 0; k < count; k++)
            {
                chosen[k] = seats[(int)(keys[k] % n)];
            }

            var spread = Spread(chosen);
            if (spread < bestSpread)
            {
                best = chosen;
                bestSpread = spread;
            }
        }

        return new SeatProposal(0, kind, Order(best!), bestSpread);
    }

    /// <summary>
    /// Moves the <paramref name="k"/> smallest of <paramref name="keys"/> (distinct values) to its front, in no
    /// particular order: Hoare's selection, expected linear time.
    /// </summary>
    internal static void SelectSmallest(long[] keys, int k)
    {
        var lo = 0;
        var hi = keys.Length - 1;
        while (lo < hi)
        {
            var pivot = keys[lo + ((hi - lo) / 2)];
            var i = lo;
            var j = hi;
            while (i <= j)
            {
                while (keys[i] < pivot)
                {
                    i++;
                }

                while (keys[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (keys[i], keys[j]) = (keys[j], keys[i]);
                    i++;
                    j--;
                }
            }

            // [lo, j] ≤ pivot ≤ [i, hi]: continue in the part holding position k − 1, or stop between them.
            if (k - 1 <= j)
            {
                hi = j;
            }
            else if (k - 1 >= i)
            {
                lo = i;
            }
            else
            {
                return;
            }
        }
    }

    private static SeatProposal AcrossFloors(IReadOnlyList<CandidateSeat> candidates, int count)
    {
        var taken = new List<CandidateSeat>(count);
        foreach (var floor in candidates.GroupBy(c => c.FloorId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key))
        {
            var need = count - taken.Count;
            if (need <= 0)
            {
                break;
            }

            var seats = floor.ToArray();
            taken.AddRange(seats.Length <= need ? seats : Cluster(seats, need, ProposalKind.SameFloor).Seats);
        }

        return new SeatProposal(0, ProposalKind.AcrossFloors, Order(taken), Spread(taken) + 1_000_000_000L);
    }

    /// <summary>Sum of squared distances to the group's centre: small when seats are side by side.</summary>
    public static long Spread(IReadOnlyCollection<CandidateSeat> seats)
    {
        if (seats.Count == 0)
        {
            return 0;
        }

        var cx = seats.Average(s => (double)s.X);
        var cy = seats.Average(s => (double)s.Y);
        return (long)Math.Round(seats.Sum(s => ((s.X - cx) * (s.X - cx)) + ((s.Y - cy) * (s.Y - cy))), MidpointRounding.AwayFromZero)
            + (seats.Select(s => s.FloorId).Distinct().Count() - 1) * 1_000_000L;
    }

    private static long Distance(CandidateSeat a, CandidateSeat b)
    {
        long dx = a.X - b.X;
        long dy = a.Y - b.Y;
        var floorPenalty = a.FloorId == b.FloorId ? 0 : 1_000_000_000L;
        var zonePenalty = a.ZoneId == b.ZoneId ? 0 : 10_000L;
        return (dx * dx) + (dy * dy) + floorPenalty + zonePenalty;
    }

    private static CandidateSeat[] Order(IEnumerable<CandidateSeat> seats) =>
        seats.OrderBy(s => s.BuildingCode, StringComparer.Ordinal).ThenBy(s => s.FloorName, StringComparer.Ordinal)
            .ThenBy(s => s.Code, StringComparer.Ordinal).ToArray();
}
