using System.Security.Claims;
using Bunit;
using Dapper;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Park.Domain.Access;
using Park.Web.Access;
using Park.Web.Components.Layout;

namespace Park.Tests.Shell;

/// <summary>The shell remembers the user's light/dark choice, and offers the language switch in the user menu.</summary>
public sealed class ShellPreferencesTests() : ComponentTestBase("en-US"), IAsyncLifetime
{
    private TestDatabase _db = default!;
    private AsyncServiceScope _scope;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.WithDemoAsync();
        _scope = _db.Scope();
        Services.AddSingleton(_scope.ServiceProvider.GetRequiredService<UserAdmin>());
        Services.AddSingleton(_db.Get<UserPreferences>());
        Services.AddHttpContextAccessor();
        Services.AddScoped<ScopeProvider>();
        // The layout tells tests whether it is interactive yet: here it is, as in a live circuit.
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private async Task SignInAsAsync(string email)
    {
        var scope = await _db.ScopeOfAsync(email);
        var claims = new List<Claim> { new(ClaimTypes.Name, email), new(ClaimTypes.NameIdentifier, scope.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        claims.AddRange(scope.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        Auth.Principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private IRenderedComponent<CascadingAuthenticationState> RenderLayout() =>
        Render<CascadingAuthenticationState>(p => p.AddChildContent<MainLayout>(l => l.Add(c => c.Body, (RenderFragment)(b => b.AddContent(0, "page")))));

    // The toggle carries the theme provider's state (MudBlazor forbids reading its parameter from outside).
    private static bool IsDark(IRenderedComponent<CascadingAuthenticationState> layout) =>
        layout.Find("[data-testid=theme-toggle]").GetAttribute("data-dark") == "1";

    private async Task<long> StoredAsync(string email)
    {
        await using var connection = await _db.Db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT dark_mode FROM users WHERE email = @Email", new { Email = email });
    }

    [Fact]
    public async Task DarkMode_IsRememberedForTheUser_AcrossAReload()
    {
        await SignInAsAsync("parkadmin@park.demo");
        var first = RenderLayout();
        first.WaitForAssertion(() => Assert.False(IsDark(first)));

        first.Find("[data-testid=theme-toggle]").Click();
        first.WaitForAssertion(() => Assert.True(IsDark(first)));
        Assert.Equal(1, await StoredAsync("parkadmin@park.demo"));

        // A reload (the language switch is one: it loads the page again) renders a new layout.
        await DisposeComponentsAsync();
        var reloaded = RenderLayout();
        reloaded.WaitForAssertion(() => Assert.True(IsDark(reloaded)));

        reloaded.Find("[data-testid=theme-toggle]").Click();
        reloaded.WaitForAssertion(() => Assert.False(IsDark(reloaded)));
        Assert.Equal(0, await StoredAsync("parkadmin@park.demo"));
    }

    [Fact]
    public async Task DarkMode_IsPerUser()
    {
        await _db.Get<UserPreferences>().SetDarkModeAsync((await _db.ScopeOfAsync("admin@park.demo")).UserId, true);

        await SignInAsAsync("reviewer@gov.demo");
        var reviewer = RenderLayout();
        reviewer.WaitForAssertion(() => Assert.False(IsDark(reviewer)));

        await DisposeComponentsAsync();
        await SignInAsAsync("admin@park.demo");
        var admin = RenderLayout();
        admin.WaitForAssertion(() => Assert.True(IsDark(admin)));
    }

    [Fact]
    public async Task TheUserMenu_OffersBothLanguages_ComingBackToThisPage()
    {
        await SignInAsAsync("ops@yunsheng.demo");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/leases?tenant=3");
        var layout = RenderLayout();

        var menu = layout.FindComponent<UserMenu>().FindComponent<MudBlazor.MudMenu>();
        await menu.InvokeAsync(() => menu.Instance.OpenMenuAsync(EventArgs.Empty));

        layout.WaitForAssertion(() =>
        {
            var english = layout.Find("[data-testid=user-menu-en-US]");
            Assert.Contains("English", english.TextContent, StringComparison.Ordinal);
            Assert.Equal("/culture/set?culture=en-US&returnUrl=%2Fleases%3Ftenant%3D3", english.GetAttribute("href"));
            Assert.Equal("/culture/set?culture=zh-CN&returnUrl=%2Fleases%3Ftenant%3D3", layout.Find("[data-testid=user-menu-zh-CN]").GetAttribute("href"));
        });
    }

    public new async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _db.DisposeAsync();
        await base.DisposeAsync();
    }
}
