using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Park.Domain.Access;
using Park.Web.Features.Inventory;

namespace Park.Tests.Inventory;

/// <summary>bUnit tests of the park page's actions: import for those who manage the park, export only for reviewers.</summary>
public sealed class ParkActionsTests : IAsyncDisposable
{
    private readonly BunitContext _ctx = new();

    public ParkActionsTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("en-US");
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization();
    }

    private IRenderedComponent<ParkActions> Render(string role) =>
        _ctx.Render<ParkActions>(p => p.Add(c => c.ParkId, 5).Add(c => c.Scope, AccessScope.For(9, "someone@park.demo", [role], null)));

    [Fact]
    public void Reviewer_SeesExportOnly_PointingAtTheExportApi()
    {
        var cut = Render(Roles.GovReviewer);

        Assert.Empty(cut.FindAll("[data-testid='import-export']"));
        Assert.DoesNotContain(cut.FindAll("a"), a => a.GetAttribute("href") == "/parks/5/seats/import");
        var export = cut.Find("[data-testid='export-seats']");
        Assert.Equal("/api/v1/parks/5/seats/export", export.GetAttribute("href"));
        Assert.Contains("Export", export.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.ParkAdmin)]
    [InlineData(Roles.PlatformAdmin)]
    public void Administrator_SeesImportAndExport(string role)
    {
        var cut = Render(role);

        Assert.Equal("/parks/5/seats/import", cut.Find("[data-testid='import-export']").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid='export-seats']"));
        Assert.Equal(4, cut.FindAll("a").Count);
    }

    public async ValueTask DisposeAsync() => await _ctx.DisposeAsync();
}
