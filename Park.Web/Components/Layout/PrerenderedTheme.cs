using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Park.Web.Components.Layout;

/// <summary>
/// The theme's CSS for prerendered pages, rendered once per mode. <see cref="MudThemeProvider"/> builds a fresh
/// default theme, parses its colours and writes some 12 KB of CSS variables on every render, then tries JS interop
/// when the prerender disposes it: about half of a list page's prerender on the national data set. Prerendered
/// pages emit this same CSS instead; the interactive render carries the real provider.
/// </summary>
public sealed class PrerenderedTheme(IServiceScopeFactory scopes, ILoggerFactory logs)
{
    private readonly ConcurrentDictionary<bool, Lazy<Task<MarkupString>>> _styles = new();

    public Task<MarkupString> StyleAsync(bool dark) =>
        _styles.GetOrAdd(dark, mode => new Lazy<Task<MarkupString>>(() => RenderAsync(mode))).Value;

    private async Task<MarkupString> RenderAsync(bool dark)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, logs);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = ParkTheme.Theme,
                [nameof(MudThemeProvider.IsDarkMode)] = dark,
            }));
            return output.ToHtmlString();
        });
        return new MarkupString(html);
    }
}
