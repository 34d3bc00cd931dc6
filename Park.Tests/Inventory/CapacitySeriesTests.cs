using System.Globalization;
using Park.Domain.Inventory;

namespace Park.Tests.Inventory;

public sealed class CapacitySeriesTests
{
    private static readonly DateOnly Jan = new(2027, 1, 1);

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static SeatLife Seat(long id, string status = ServiceStatuses.InService, string since = "2020-01-01", string? until = null, string created = "2020-01-01") =>
        new(id, status, D(since), until is null ? null : D(until), D(created));

    private static HoldSpan Hold(long seat, bool held, int fromMonth, int toMonth) => new(seat, held, Jan.AddMonths(fromMonth), Jan.AddMonths(toMonth));

    [Fact]
    public void Compute_CountsBuiltLeasedReservedOutOfServiceAndFreeOnEachFirstDay()
    {
        var seats = new[]
        {
            Seat(1),                                                                      // leased Feb–Apr
            Seat(2),                                                                      // reserved Mar–Apr, leased from May
            Seat(3, ServiceStatuses.Maintenance, since: "2027-03-01", until: "2027-05-01"), // out of service Mar–Apr
            Seat(4, ServiceStatuses.Retired, since: "2027-04-01"),                          // leased in January, gone from April
            Seat(5, since: "2027-02-15", created: "2027-02-15"),                          // built in February: counted from March
            Seat(6, since: "2026-06-01", created: "2027-03-10"),                          // imported with its in-service date: built all along; leased in June
        };
        var holds = new[] { Hold(1, true, 1, 4), Hold(2, false, 2, 4), Hold(2, true, 4, 12), Hold(4, true, 0, 1), Hold(6, true, 5, 12) };

        var points = CapacitySeries.Compute(Jan, 6, seats, holds, null);

        Assert.Equal(Enumerable.Range(0, 6).Select(Jan.AddMonths), points.Select(p => p.Month));
        Assert.Equal([5, 5, 6, 5, 5, 5], points.Select(p => p.Built));
        Assert.Equal([1, 1, 1, 1, 1, 2], points.Select(p => p.Leased));
        Assert.Equal([0, 0, 1, 1, 0, 0], points.Select(p => p.Reserved));
        Assert.Equal([0, 0, 1, 1, 0, 0], points.Select(p => p.OutOfService));
        Assert.Equal([4, 4, 3, 2, 4, 3], points.Select(p => p.Free));
        Assert.Equal([2000, 2000, 1667, 2000, 2000, 4000], points.Select(p => p.OccupancyBp));
        Assert.All(points, p => Assert.Null(p.Planned));
    }

    [Fact]
    public void Compute_WithThePlan_PlotsTheLatestPhaseThatHasBegun()
    {
        var phases = new[]
        {
            new CapacityPhase { EffectiveFrom = new DateOnly(2026, 6, 1), PlannedSeats = 100 },
            new CapacityPhase { EffectiveFrom = new DateOnly(2027, 2, 15), PlannedSeats = 400 },
        };

        var points = CapacitySeries.Compute(Jan, 3, [Seat(1)], [], phases);

        Assert.Equal([100, 100, 400], points.Select(p => p.Planned));
        Assert.Equal([1, 1, 1], points.Select(p => p.Free));
    }
}
