using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Park.Domain.Access;
using Park.Domain.Seeding;

namespace Park.Tests.Staffing;

/// <summary>
/// A tenant's journey in Chromium: service line → new what-if scenario → its charts. (The seat
/// request from a scenario waits for the leasing request flow; the page says so.) Screenshots go
/// to the test output folder. Replace the local browser set-up with the shared BrowserFixture once
/// it lands on main.
/// </summary>
public sealed class StaffingBrowserTests
{
    [Fact]
    public async Task Tenant_CreatesAScenarioAndSeesItsSeats()
    {
        await using var factory = new ParkAppFactory();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await SignInAsync(factory, browser, Roles.TenantUser);
        await page.GotoAsync("/staffing");
        await page.WaitForSelectorAsync("[data-ready='1']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        await page.GetByText(StaffingDemo.LineName).ClickAsync();
        await page.WaitForSelectorAsync("[data-testid='accuracy'] table");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("staffing-line.png"), FullPage = true });

        await page.ClickAsync("[data-testid='new-scenario']");
        await page.FillAsync("input[data-testid='scenario-name-field'], [data-testid='scenario-name-field'] input", "双十一 +40%");
        await page.FillAsync("input[data-testid='growth-field'], [data-testid='growth-field'] input", "40");
        await page.ClickAsync("[data-testid='save-scenario']");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "双十一 +40%" }).ClickAsync();
        await page.WaitForSelectorAsync("[data-testid='seats-needed']");
        var seats = await page.TextContentAsync("[data-testid='seats-needed'] .figure-value");
        Assert.True(int.Parse(seats!.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.True(await page.IsVisibleAsync("[data-testid='seat-request-later']"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("staffing-scenario.png"), FullPage = true });
    }

    [Fact]
    public async Task Reviewer_SeesParkDemandWithTheTenantsPlan()
    {
        await using var factory = new ParkAppFactory();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await SignInAsync(factory, browser, Roles.GovReviewer);
        await page.GotoAsync("/staffing/demand");
        await page.WaitForSelectorAsync("[data-testid='demand-HZ-SV'] table");
        Assert.Contains("杭州恒信通客户服务有限公司", await page.TextContentAsync("[data-testid='demand-HZ-SV']"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("staffing-demand.png"), FullPage = true });
    }

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });

    private static async Task<IPage> SignInAsync(ParkAppFactory factory, IBrowser browser, string role)
    {
        var baseAddress = factory.StartKestrel();
        // ParkAppFactory.AccountsAsync touches Server, which Kestrel mode refuses: read the demo accounts directly.
        await using var services = factory.Services.CreateAsyncScope();
        var account = (await services.ServiceProvider.GetRequiredService<DemoSeed>().AccountsAsync(TestContext.Current.CancellationToken)).First(a => a.Role == role);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = baseAddress.ToString(), Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        await page.GotoAsync("/account/signin");
        await page.FillAsync("#email", account.Email);
        await page.FillAsync("input[type=password]", account.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/account/signin", StringComparison.Ordinal));
        return page;
    }

    private static string Shot(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
