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
}
