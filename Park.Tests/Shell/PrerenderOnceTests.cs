using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.Localization;
using Park.Web.Components;
using Park.Web.Resources;

namespace Park.Tests.Shell;

/// <summary>
/// Content that is the same on every prerender is built once per key and culture, and live once interactive.
/// </summary>
public sealed class PrerenderOnceTests : ComponentTestBase
{
    private int _builds;

    /// <summary>Content that counts how often it is built and carries a string in the current language.</summary>
    private RenderFragment Counted => builder =>
    {
        _builds++;
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", "counted");
        builder.AddContent(2, Services.GetRequiredService<IStringLocalizer<Shared>>()["Search"].Value);
        builder.CloseElement();
    };

    private IRenderedComponent<PrerenderOnce> RenderOnce(string key) =>
        Render<PrerenderOnce>(p => p.Add(c => c.Key, key).AddChildContent(Counted));

    [Fact]
    public void Prerendered_IsBuiltOncePerCulture_AndServedAfterwards()
    {
        Renderer.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var first = RenderOnce("test:counted");
        var second = RenderOnce("test:counted");
        Assert.Equal(1, _builds);
        Assert.Equal("搜索", first.Find("span.counted").TextContent);
        Assert.Equal(first.Markup, second.Markup);

        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        var english = RenderOnce("test:counted");
        Assert.Equal(2, _builds);
        Assert.Equal("Search", english.Find("span.counted").TextContent);

        RenderOnce("test:other");
        Assert.Equal(3, _builds);
    }

    [Fact]
    public void Interactive_BuildsTheContentLive_EveryTime()
    {
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var first = RenderOnce("test:live");
        RenderOnce("test:live");
        Assert.Equal(2, _builds);
        Assert.Equal("搜索", first.Find("span.counted").TextContent);
    }

    [Fact]
    public async Task FailedRender_IsNotRemembered()
    {
        var markup = Services.GetRequiredService<PrerenderedMarkup>();
        var fail = true;
        RenderFragment flaky = builder =>
        {
            if (fail)
            {
                throw new InvalidOperationException("first render fails");
            }

            builder.AddContent(0, "ok");
        };

        await Assert.ThrowsAsync<InvalidOperationException>(() => markup.GetAsync("test:flaky", flaky));
        fail = false;
        Assert.Equal("ok", (await markup.GetAsync("test:flaky", flaky)).Value);
    }
}
