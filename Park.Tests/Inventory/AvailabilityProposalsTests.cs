using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Park.Domain.Inventory;
using Park.Web.Features.Inventory;

namespace Park.Tests.Inventory;

/// <summary>bUnit tests of the availability proposals: "show on map" opens each floor a proposal uses.</summary>
public sealed class AvailabilityProposalsTests : IAsyncDisposable
{
    private readonly BunitContext _ctx = new();

    public AvailabilityProposalsTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("en-US");
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization();
    }

    private static CandidateSeat Seat(long id, long floorId, string building, string floor) =>
        new(id, $"{building}-{floor}-Z1-{id:000}", floorId * 10, "Z1", floorId, floor, building, (int)id * 24, 30);

    private IRenderedComponent<AvailabilityProposals> Render(params SeatProposal[] proposals) =>
        _ctx.Render<AvailabilityProposals>(p => p
            .Add(c => c.Answer, new AvailabilityAnswer(proposals.Sum(x => x.Seats.Count), proposals))
            .Add(c => c.ParkId, 3)
            .Add(c => c.Date, new DateOnly(2027, 5, 1)));

    [Fact]
    public void Proposal_AcrossFloors_LinksToEachFloorWithThatFloorsSeats()
    {
        var cut = Render(new SeatProposal(1, ProposalKind.AcrossFloors, [Seat(1, 7, "A", "3F"), Seat(2, 7, "A", "3F"), Seat(3, 9, "B", "2F")], 0));

        var links = cut.FindAll("[data-testid='show-on-map']");

        Assert.Equal(2, links.Count);
        Assert.Equal("/parks/3/map?floor=7&date=2027-05-01&seats=1,2", links[0].GetAttribute("href"));
        Assert.Equal("/parks/3/map?floor=9&date=2027-05-01&seats=3", links[1].GetAttribute("href"));
        Assert.Contains("A · 3F: 2 seat(s)", links[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("B · 2F: 1 seat(s)", links[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Proposal_OnOneFloor_HasOneShowOnMapLink()
    {
        var cut = Render(new SeatProposal(1, ProposalKind.SameZone, [Seat(1, 7, "A", "3F"), Seat(2, 7, "A", "3F")], 0));

        var link = Assert.Single(cut.FindAll("[data-testid='show-on-map']"));
        Assert.Equal("/parks/3/map?floor=7&date=2027-05-01&seats=1,2", link.GetAttribute("href"));
        Assert.Contains("Show on map", link.TextContent, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await _ctx.DisposeAsync();
}
