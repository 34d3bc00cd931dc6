using Park.Domain.Inventory;

namespace Park.Tests.Inventory;

public sealed class AvailabilityRankingTests
{
    private static CandidateSeat Seat(long id, long zone, int x, int y, long floor = 1) =>
        new(id, $"S{id:000}", zone, $"Z{zone}", floor, $"{floor}F", "A", x, y);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(7, 3)]
    [InlineData(50, 50)]
    [InlineData(1_186, 50)]
    [InlineData(1_000, 1)]
    [InlineData(1_000, 999)]
    public void SelectSmallest_BringsTheKSmallestToTheFront(int n, int k)
    {
        var random = new Random(n * 31 + k);
        var keys = Enumerable.Range(0, n).Select(i => (random.NextInt64(0, 1_000_000) * n) + i).ToArray();
        var expected = keys.Order().Take(k).ToArray();

        AvailabilityRanking.SelectSmallest(keys, k);

        Assert.Equal(expected, keys.Take(k).Order());
        Assert.Equal(keys.Length, keys.Distinct().Count());
    }

    [Fact]
    public void Rank_PutsOneZoneBeforeSeatsSpreadOverZones()
    {
        // Zone 1 has 3 free seats far apart; zones 2 and 3 each have 2 adjacent seats next to each other.
        var seats = new[]
        {
            Seat(1, 1, 0, 0), Seat(2, 1, 200, 0), Seat(3, 1, 400, 0),
            Seat(4, 2, 500, 300), Seat(5, 2, 524, 300), Seat(6, 3, 548, 300), Seat(7, 3, 572, 300),
        };

        var proposals = AvailabilityRanking.Rank(seats, 3);

        Assert.Equal(ProposalKind.SameZone, proposals[0].Kind);
        Assert.Equal([1L, 2, 3], proposals[0].Seats.Select(s => s.Id));
        Assert.Contains(proposals, p => p.Kind == ProposalKind.SameFloor);
        Assert.Equal(Enumerable.Range(1, proposals.Count), proposals.Select(p => p.Rank));
    }

    [Fact]
    public void Rank_WithinAZonePicksNeighbouringSeats()
    {
        // A row of 10 seats 24 apart, and one far-away seat: a team of 3 sits side by side.
        var seats = Enumerable.Range(0, 10).Select(i => Seat(i + 1, 1, i * 24, 0)).Append(Seat(99, 1, 0, 380)).ToArray();

        var best = AvailabilityRanking.Rank(seats, 3)[0];

        Assert.Equal(3, best.Seats.Count);
        Assert.DoesNotContain(best.Seats, s => s.Id == 99);
        var xs = best.Seats.Select(s => s.X).Order().ToArray();
        Assert.Equal(48, xs[2] - xs[0]);
    }

    [Fact]
    public void Rank_OrdersZonesByHowTightlyTheTeamSits()
    {
        var loose = Enumerable.Range(0, 4).Select(i => Seat(i + 1, 1, i * 100, 0));
        var tight = Enumerable.Range(0, 4).Select(i => Seat(i + 11, 2, i * 24, 200));

        var proposals = AvailabilityRanking.Rank(loose.Concat(tight).ToArray(), 4);

        Assert.Equal(2, proposals[0].Seats[0].ZoneId);
        Assert.Equal(1, proposals[1].Seats[0].ZoneId);
        Assert.True(proposals[0].Spread < proposals[1].Spread);
    }

    [Fact]
    public void Rank_SplitsAcrossFloorsOnlyWhenNoFloorHasRoom()
    {
        var seats = new[] { Seat(1, 1, 0, 0, floor: 1), Seat(2, 1, 24, 0, floor: 1), Seat(3, 5, 0, 0, floor: 2) };

        var proposals = AvailabilityRanking.Rank(seats, 3);

        var only = Assert.Single(proposals);
        Assert.Equal(ProposalKind.AcrossFloors, only.Kind);
        Assert.Equal(3, only.Seats.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Rank_ReturnsNothingWhenTheTeamCannotBeSeated(int count)
    {
        var seats = new[] { Seat(1, 1, 0, 0), Seat(2, 1, 24, 0), Seat(3, 2, 48, 0) };
        Assert.Empty(AvailabilityRanking.Rank(seats, count));
    }

    [Fact]
    public void Rank_LimitsTheNumberOfProposals()
    {
        var seats = Enumerable.Range(0, 10).SelectMany(z => Enumerable.Range(0, 3).Select(i => Seat(z * 10 + i, z, i * 24, z * 40))).ToArray();
        Assert.Equal(5, AvailabilityRanking.Rank(seats, 2).Count);
        Assert.Equal(2, AvailabilityRanking.Rank(seats, 2, maxProposals: 2).Count);
    }
}
