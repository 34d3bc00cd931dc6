using Microsoft.Playwright;
using Park.Domain.Seeding;

namespace Park.Tests.Browser;

/// <summary>
/// One real app on a loopback port and one headless Debian Chromium, shared by every browser test
/// (they run one after another in the "Browser" collection to keep CI within two cores).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public ParkAppFactory App { get; } = new();

    public Uri BaseAddress { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>Where screenshots go: <c>TestResults/screenshots</c> beside the test binaries.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Browser tests need Debian's chromium at {ChromiumPath}: apt-get install chromium");
        }

        BaseAddress = App.StartKestrel();
        // CI shares two cores with the app under test: give assertions room before calling a failure.
        Assertions.SetDefaultExpectTimeout(30_000);
        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>A fresh browser context (own cookies) whose browser language is <paramref name="locale"/>.</summary>
    public async Task<IPage> NewPageAsync(string locale = "zh-CN", int width = 1366, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = locale,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(45_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in form and waits for the interactive home page.</summary>
    public async Task<DemoAccount> SignInAsync(IPage page, string role, int index = 0)
    {
        var account = await App.AccountAsync(role, index);
        await page.GotoAsync("/account/signin");
        await page.Locator("#email").FillAsync(account.Email);
        await page.Locator("#password").FillAsync(account.Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/signin", StringComparison.Ordinal));
        // A user's remembered language beats the browser's; tests want the language their page was opened with.
        var locale = await page.EvaluateAsync<string>("navigator.language");
        await page.GotoAsync($"/culture/set?culture={Uri.EscapeDataString(locale)}&returnUrl=%2F");
        await WaitInteractiveAsync(page);
        return account;
    }

    /// <summary>Waits until the Blazor circuit is live: clicks made before that are lost.</summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("#interactive[data-ready='1']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
