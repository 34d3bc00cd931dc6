using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Park.Domain.Inventory;
using Park.Web.Features.Inventory;

namespace Park.Tests.Inventory;

/// <summary>bUnit tests of the seat map: colours per state and tenant, the tenant's view, selection.</summary>
public sealed class SeatMapComponentTests : IAsyncDisposable
{
    private readonly BunitContext _ctx = new();

    public SeatMapComponentTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("en-US");
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization();
    }

    private static MapSeat Seat(long id, string state, int x, long? tenant = null, string? name = null, bool mine = false) => new()
    {
        Id = id, Code = $"A-2F-Z1-{id:000}", SeatType = SeatTypes.Agent, X = x, Y = 50, ZoneCode = "Z1", State = state,
        TenantId = tenant, TenantNameEn = name, TenantNameZh = name, LeaseNumber = tenant is null ? null : $"L-{tenant}", Mine = mine,
    };

    private static FloorMap Map(params MapSeat[] seats) =>
        new(new MapFloor { FloorId = 7, ParkId = 1, BuildingCode = "A", Level = 2, Name = "2F", PlanWidth = 600, PlanHeight = 400 }, new DateOnly(2027, 3, 1), seats);

    private IRenderedComponent<SeatMap> Render(FloorMap map) => _ctx.Render<SeatMap>(p => p.Add(m => m.Map, map));

    private static string Fill(IRenderedComponent<SeatMap> cut, long id) => cut.Find($"rect[data-seat-id='{id}']").GetAttribute("fill")!;

    [Fact]
    public void Seats_AreColouredByStateAndLeasedSeatsByTenant()
    {
        var cut = Render(Map(
            Seat(1, SeatStates.Free, 20), Seat(2, SeatStates.Reserved, 44), Seat(3, SeatStates.OutOfService, 68),
            Seat(4, SeatStates.Leased, 92, 11, "Alpha"), Seat(5, SeatStates.Leased, 116, 12, "Beta"), Seat(6, SeatStates.Leased, 140, 11, "Alpha")));

        Assert.Equal(SeatMap.FreeColour, Fill(cut, 1));
        Assert.Equal(SeatMap.ReservedColour, Fill(cut, 2));
        Assert.Equal(SeatMap.OutOfServiceColour, Fill(cut, 3));
        Assert.Equal(SeatMap.TenantPalette[0], Fill(cut, 4));
        Assert.Equal(SeatMap.TenantPalette[1], Fill(cut, 5));
        Assert.Equal(Fill(cut, 4), Fill(cut, 6));
        Assert.Contains("Alpha (2)", cut.Find("[data-legend='tenant-11']").TextContent, StringComparison.Ordinal);
        Assert.Contains("Beta (1)", cut.Find("[data-legend='tenant-12']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void TenantView_HighlightsOwnSeatsAndShowsNoOtherTenant()
    {
        // As the query returns it to a tenant user: own seats Mine, others "occupied" without names.
        var cut = Render(Map(Seat(1, SeatStates.Leased, 20, 11, "Alpha", mine: true), Seat(2, SeatStates.Occupied, 44), Seat(3, SeatStates.Free, 68)));

        Assert.Equal(SeatMap.MineColour, Fill(cut, 1));
        Assert.Equal("3", cut.Find("rect[data-seat-id='1']").GetAttribute("stroke-width"));
        Assert.Equal(SeatMap.OccupiedColour, Fill(cut, 2));
        Assert.Empty(cut.FindAll("[data-legend^='tenant-']"));
        Assert.Contains("Your seats (1)", cut.Find("[data-legend='mine']").TextContent, StringComparison.Ordinal);
        Assert.Contains("Occupied (1)", cut.Find("[data-legend='occupied']").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("L-", cut.Find("rect[data-seat-id='2']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ClickingSeats_TogglesThemAndShowsTheCount()
    {
        IReadOnlySet<long> selected = new HashSet<long>();
        var cut = _ctx.Render<SeatMap>(p => p.Add(m => m.Map, Map(Seat(1, SeatStates.Free, 20), Seat(2, SeatStates.Free, 44), Seat(3, SeatStates.Free, 68)))
            .Add(m => m.SelectedChanged, s => selected = s));

        cut.Find("rect[data-seat-id='1']").Click();
        cut.Find("rect[data-seat-id='3']").Click();
        cut.Find("rect[data-seat-id='1']").Click();

        Assert.Equal([3L], selected);
        Assert.Contains("1 selected", cut.Find("[data-testid='selection-count']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void DraggingARectangle_SelectsTheSeatsInside()
    {
        IReadOnlySet<long> selected = new HashSet<long>();
        var cut = _ctx.Render<SeatMap>(p => p.Add(m => m.Map, Map(Seat(1, SeatStates.Free, 20), Seat(2, SeatStates.Free, 44), Seat(3, SeatStates.Free, 300)))
            .Add(m => m.SelectedChanged, s => selected = s));
        var svg = cut.Find("[data-testid='seat-map-svg']");

        // Without a browser the map takes one screen pixel per plan unit, offset by the margin (18 = 3% of 600).
        svg.MouseDown(new Microsoft.AspNetCore.Components.Web.MouseEventArgs { ClientX = 18 + 0, ClientY = 18 + 0 });
        svg.MouseMove(new Microsoft.AspNetCore.Components.Web.MouseEventArgs { ClientX = 18 + 100, ClientY = 18 + 100, Buttons = 1 });
        svg.MouseUp(new Microsoft.AspNetCore.Components.Web.MouseEventArgs { ClientX = 18 + 100, ClientY = 18 + 100 });

        Assert.Equal([1L, 2L], selected.Order());
        Assert.Contains("2 selected", cut.Find("[data-testid='selection-count']").TextContent, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await _ctx.DisposeAsync();
}
