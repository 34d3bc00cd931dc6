using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Park.Web.Components.Layout;

namespace Park.Web.Components;

/// <summary>
/// HTML that a prerender would otherwise build again on every request, rendered once per key and culture.
/// Blazor builds a component tree for each prerendered page and throws it away; MudBlazor's inputs and theme
/// provider are the costly part of that tree on Park's list pages (a text field with two selects cost more than
/// the page's first 25 rows and its data together). What goes through here must depend on nothing but the culture:
/// no user, no address, no query, no cascading value from the page; the interactive render builds it live. What
/// does depend on more says so in its key (the menu of pages: the user's rights and the current entry), or is cut
/// out of the cached HTML and rendered per request into a hole (<see cref="PartsAsync"/>).
/// </summary>
public sealed class PrerenderedMarkup(IServiceScopeFactory scopes, ILoggerFactory logs)
{
    private const string HoleMarker = "<!--park:hole-->";
    private readonly ConcurrentDictionary<(string Key, string Culture, string UiCulture), Lazy<Task<MarkupString[]>>> _cache = new();

    /// <summary>
    /// Marks, in a fragment given to <see cref="PartsAsync"/>, where content rendered per request goes: the HTML is
    /// cut there, and the caller renders its live content between the parts.
    /// </summary>
    public static readonly RenderFragment Hole = builder => builder.AddMarkupContent(0, HoleMarker);

    /// <summary>
    /// The theme's CSS: <see cref="MudThemeProvider"/> builds a fresh default theme, parses its colours and writes
    /// some 12 KB of CSS variables on every render, then tries JS interop when the prerender disposes it.
    /// </summary>
    public Task<MarkupString> ThemeAsync(bool dark) => GetAsync(dark ? "theme:dark" : "theme:light", builder =>
    {
        builder.OpenComponent<MudThemeProvider>(0);
        builder.AddComponentParameter(1, nameof(MudThemeProvider.Theme), ParkTheme.Theme);
        builder.AddComponentParameter(2, nameof(MudThemeProvider.IsDarkMode), dark);
        builder.CloseComponent();
    });

    /// <summary>The fragment's HTML in the current culture, rendered the first time it is asked for.</summary>
    public async Task<MarkupString> GetAsync(string key, RenderFragment fragment)
    {
        var parts = await PartsAsync(key, fragment);
        return parts.Count == 1 ? parts[0] : throw new InvalidOperationException($"'{key}' has holes: ask for its parts.");
    }

    /// <summary>
    /// The fragment's HTML in the current culture cut at its <see cref="Hole"/>s (n holes, n + 1 parts), rendered the
    /// first time it is asked for. A part may open an element that a later part closes: it is written as text into a
    /// prerendered page, never diffed.
    /// </summary>
    public Task<IReadOnlyList<MarkupString>> PartsAsync(string key, RenderFragment fragment)
    {
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        var entry = (key, culture.Name, uiCulture.Name);
        var parts = _cache.GetOrAdd(entry, _ => new Lazy<Task<MarkupString[]>>(() => RenderAsync(entry, fragment, culture, uiCulture))).Value;
        return parts.IsCompletedSuccessfully ? Task.FromResult<IReadOnlyList<MarkupString>>(parts.Result) : AwaitAsync(parts);

        static async Task<IReadOnlyList<MarkupString>> AwaitAsync(Task<MarkupString[]> parts) => await parts;
    }

    private async Task<MarkupString[]> RenderAsync((string, string, string) entry, RenderFragment fragment, CultureInfo culture, CultureInfo uiCulture)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var renderer = new HtmlRenderer(scope.ServiceProvider, logs);
            var html = await renderer.Dispatcher.InvokeAsync(async () =>
            {
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = uiCulture;
                var output = await renderer.RenderComponentAsync<FragmentHost>(
                    ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(FragmentHost.Fragment)] = fragment }));
                return output.ToHtmlString();
            });
            return [.. html.Split(HoleMarker).Select(part => new MarkupString(part))];
        }
        catch
        {
            // A failed render is not remembered: the next request tries again.
            _cache.TryRemove(entry, out _);
            throw;
        }
    }

    private sealed class FragmentHost : ComponentBase
    {
        [Parameter]
        public RenderFragment? Fragment { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, Fragment);
    }
}
