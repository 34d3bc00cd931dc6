using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MudBlazor;
using Park.Domain.Access;
using Park.Web.Components;
using Park.Web.Components.Layout;

namespace Park.Tests.Web;

/// <summary>Prerendered pages carry the theme's CSS, rendered once per mode, exactly as MudBlazor's provider writes it.</summary>
public sealed class PrerenderedMarkupTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private const string LightPrimary = "--mud-palette-primary: rgba(11,110,79,1);";
    private const string DarkPrimary = "--mud-palette-primary: rgba(76,195,138,1);";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CachedStyle_IsWhatTheProviderRenders(bool dark)
    {
        var cached = (await shared.App.Services.GetRequiredService<PrerenderedMarkup>().ThemeAsync(dark)).Value;

        await using var scope = shared.App.Services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        var direct = await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<MudThemeProvider>(
            ParameterView.FromDictionary(new Dictionary<string, object?> { ["Theme"] = ParkTheme.Theme, ["IsDarkMode"] = dark }))).ToHtmlString());

        Assert.Equal(direct, cached);
        Assert.Contains(dark ? DarkPrimary : LightPrimary, cached, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrerenderedPage_CarriesTheThemeOfTheUsersMode()
    {
        var account = await shared.App.AccountAsync(Roles.ParkAdmin);
        var client = await shared.App.SignedInAsync(Roles.ParkAdmin);
        await shared.ExecuteAsync("UPDATE users SET dark_mode = 0 WHERE email = @Email", new { account.Email });

        var light = await client.GetStringAsync("/leases", TestContext.Current.CancellationToken);
        Assert.Contains(LightPrimary, light, StringComparison.Ordinal);

        await shared.ExecuteAsync("UPDATE users SET dark_mode = 1 WHERE email = @Email", new { account.Email });
        var dark = await client.GetStringAsync("/tenants", TestContext.Current.CancellationToken);
        await shared.ExecuteAsync("UPDATE users SET dark_mode = 0 WHERE email = @Email", new { account.Email });
        Assert.Contains(DarkPrimary, dark, StringComparison.Ordinal);
        Assert.DoesNotContain(LightPrimary, dark, StringComparison.Ordinal);
    }

    /// <summary>
    /// The chrome's HTML (app bar, drawer, frame) is shared by every prerendered page in a language and theme, the menu
    /// of pages by everyone with the same rights on the same page: what is personal — the name on the user's menu, the
    /// entries one may see, the current page, the theme — must still be each request's own, whoever came first.
    /// </summary>
    [Fact]
    public async Task PrerenderedChrome_IsShared_ButNothingPersonalInItIs()
    {
        var ct = TestContext.Current.CancellationToken;
        var adminAccount = await shared.App.AccountAsync(Roles.ParkAdmin);
        var tenantAccount = await shared.App.AccountAsync(Roles.TenantUser);
        var admin = await shared.App.SignedInAsync(Roles.ParkAdmin);
        var tenant = await shared.App.SignedInAsync(Roles.TenantUser);
        await shared.ExecuteAsync("UPDATE users SET dark_mode = 1 WHERE email = @Email", new { tenantAccount.Email });
        try
        {
            var adminPage = await admin.GetStringAsync("/tenants", ct);
            var tenantPage = await tenant.GetStringAsync("/leases", ct);
            var adminAgain = await admin.GetStringAsync("/leases", ct);

            Assert.Contains($"<span class=\"mud-chip-content\">{adminAccount.Email}</span>", adminPage, StringComparison.Ordinal);
            Assert.Contains($"<span class=\"mud-chip-content\">{tenantAccount.Email}</span>", tenantPage, StringComparison.Ordinal);
            Assert.DoesNotContain(adminAccount.Email, tenantPage, StringComparison.Ordinal);

            Assert.Contains("href=\"/admin/users\"", adminPage, StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"/admin/users\"", tenantPage, StringComparison.Ordinal);
            Assert.Equal(["/tenants"], ActiveLinks(adminPage));
            Assert.Equal(["/leases"], ActiveLinks(tenantPage));
            Assert.Equal(["/leases"], ActiveLinks(adminAgain));

            Assert.Contains("data-testid=\"theme-toggle\" data-dark=\"1\"", tenantPage, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"theme-toggle\" data-dark=\"0\"", adminAgain, StringComparison.Ordinal);

            // The language links that lead back to the page are written only when a menu opens, never into shared HTML.
            Assert.DoesNotContain("returnUrl=", adminAgain, StringComparison.Ordinal);
        }
        finally
        {
            await shared.ExecuteAsync("UPDATE users SET dark_mode = 0 WHERE email = @Email", new { tenantAccount.Email });
        }
    }

    private static string[] ActiveLinks(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "<a href=\"([^\"]*)\" class=\"mud-nav-link mud-ripple active\" aria-current=\"page\"")
            .Select(m => m.Groups[1].Value)];
}
