using Microsoft.Playwright;
using Park.Domain.Access;
using Park.Tests.Browser;

namespace Park.Tests.Leasing;

/// <summary>The lease and tenant lists in Chromium: rows arrive prerendered, the live grid then searches on the server.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LeaseListBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public async Task ParkAdmin_SearchesTheLeaseList_AndSeesTheTenantList(string locale)
    {
        var page = await browser.NewPageAsync(locale, 1400, 900);
        try
        {
            await browser.SignInAsync(page, Roles.ParkAdmin);
            await page.GotoAsync("/leases");
            await BrowserFixture.WaitInteractiveAsync(page);
            var rows = page.GetByTestId("leases-grid").Locator("tbody tr");
            // The live grid replaces the prerendered rows and loads its own: wait for a second row of it.
            await Assertions.Expect(rows.Nth(1).Locator("a")).ToBeVisibleAsync();
            var number = (await rows.First.Locator("a").First.InnerTextAsync()).Trim();
            await BrowserFixture.ScreenshotAsync(page, $"lease-list-{locale}");

            await page.Locator("[data-testid=lease-search] input, input[data-testid=lease-search]").FillAsync(number);
            await Assertions.Expect(rows).ToHaveCountAsync(1);
            await Assertions.Expect(rows.First).ToContainTextAsync(number);

            await page.GotoAsync("/tenants");
            await BrowserFixture.WaitInteractiveAsync(page);
            var tenants = page.GetByTestId("tenants-grid").Locator("tbody tr");
            await Assertions.Expect(tenants.Nth(7).Locator("a")).ToBeVisibleAsync(); // the demo's eight (and any a test in this app added)
            await BrowserFixture.ScreenshotAsync(page, $"tenant-list-{locale}");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
