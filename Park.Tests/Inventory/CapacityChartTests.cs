using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Park.Domain.Inventory;
using Park.Web.Features.Inventory;

namespace Park.Tests.Inventory;

/// <summary>bUnit tests of the capacity chart: one line per series, the plan only where there is one.</summary>
public sealed class CapacityChartTests : IAsyncDisposable
{
    private readonly BunitContext _ctx = new();

    public CapacityChartTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("en-US");
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization();
    }

    private static CapacityPoint[] Points(int? planned) =>
        [.. Enumerable.Range(0, 49).Select(i => new CapacityPoint(new DateOnly(2024, 11, 1).AddMonths(i), planned, 100, i, 0, 0))];

    [Fact]
    public void Chart_OfThePark_DrawsPlannedBuiltLeasedFreeAndOccupancy()
    {
        var cut = _ctx.Render<CapacityChart>(p => p.Add(c => c.Points, Points(1200)));

        Assert.Equal(["planned", "built", "free", "leased", "occupancy"], cut.FindAll("polyline").Select(l => l.GetAttribute("data-series")));
        Assert.Equal(49, cut.FindAll("title").Count);
        Assert.Contains("2026-11 · Built 100 · Leased 24 · Free 76 · Occupancy 24.0% · Planned 1,200", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_OfAFloor_HasNoPlanLine()
    {
        var cut = _ctx.Render<CapacityChart>(p => p.Add(c => c.Points, Points(null)));

        Assert.DoesNotContain(cut.FindAll("polyline"), l => l.GetAttribute("data-series") == "planned");
        Assert.DoesNotContain("Planned", cut.Markup, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await _ctx.DisposeAsync();
}
