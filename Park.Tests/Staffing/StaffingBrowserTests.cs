using Microsoft.Playwright;
using Park.Domain.Access;
using Park.Domain.Seeding;
using Park.Tests.Browser;

namespace Park.Tests.Staffing;

/// <summary>
/// Staffing in Chromium: a tenant goes from its service line to a new what-if scenario and its
/// seats (a seat request is offered only beyond the leased seats), and
/// a reviewer reads the park's demand. Screenshots go to TestResults/screenshots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffingBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Tenant_CreatesAScenarioAndSeesItsSeats()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, Roles.TenantUser);
        await page.GotoAsync("/staffing");
        await BrowserFixture.WaitInteractiveAsync(page);
        await page.GetByText(StaffingDemo.LineName).ClickAsync();
        await page.WaitForSelectorAsync("[data-testid='accuracy'] table");
        await BrowserFixture.ScreenshotAsync(page, "staffing-line");

        await page.ClickAsync("[data-testid='new-scenario']");
        await page.FillAsync("input[data-testid='scenario-name-field'], [data-testid='scenario-name-field'] input", "双十一 +40%");
        await page.FillAsync("input[data-testid='growth-field'], [data-testid='growth-field'] input", "40");
        await page.ClickAsync("[data-testid='save-scenario']");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "双十一 +40%" }).ClickAsync();
        await page.WaitForSelectorAsync("[data-testid='seats-needed']");
        var seats = await page.TextContentAsync("[data-testid='seats-needed'] .figure-value");
        Assert.True(int.Parse(seats!.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) > 0);
        // +40% stays within the demo tenant's leased seats: no seat request is offered (IntegrationJourneyTests raises one).
        var leased = await page.TextContentAsync("[data-testid='seats-leased'] .figure-value");
        if (int.Parse(seats.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)
            <= int.Parse(leased!.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture))
        {
            Assert.Equal(0, await page.Locator("[data-testid='request-seats']").CountAsync());
        }
        await BrowserFixture.ScreenshotAsync(page, "staffing-scenario");
    }

    [Fact]
    public async Task Reviewer_SeesParkDemandWithTheTenantsPlan()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, Roles.GovReviewer);
        await page.GotoAsync("/staffing/demand");
        await page.WaitForSelectorAsync("[data-testid='demand-HZ-SV'] table");
        Assert.Contains("杭州恒信通客户服务有限公司", await page.TextContentAsync("[data-testid='demand-HZ-SV']"), StringComparison.Ordinal);
        Assert.Contains("杭州恒信通客户服务有限公司", await page.TextContentAsync("[data-testid='demand-HZ-SV'] [data-testid='plan-forecasts']"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "staffing-demand");
    }
}
