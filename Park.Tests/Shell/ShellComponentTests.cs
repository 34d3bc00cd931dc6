using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Park.Domain.Access;
using Park.Web.Components.Layout;
using Park.Web.Features.Home;

namespace Park.Tests.Shell;

public sealed class NavMenuTests : ComponentTestBase
{
    // As in a live circuit unless a test says it is prerendering.
    public NavMenuTests() => Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    private string[] LinksFor(params string[] roles)
    {
        SignInAs("someone@park.demo", roles);
        var menu = RenderWithAuth<NavMenu>();
        return menu.FindAll("a").Select(a => a.GetAttribute("href") ?? "").ToArray();
    }

    [Fact]
    public void TenantUser_SeesOnlyItsOwnEntries() =>
        Assert.Equal(["/"], LinksFor(Roles.TenantUser).Where(h => h is "/" or "/parks" or "/admin/users" or "/admin/audit"));

    [Fact]
    public void Reviewer_SeesParks_ButNoAdministration()
    {
        var links = LinksFor(Roles.GovReviewer);
        Assert.Contains("/parks", links);
        Assert.DoesNotContain("/admin/users", links);
        Assert.DoesNotContain("/admin/audit", links);
    }

    [Fact]
    public void ParkAdmin_SeesAdministration()
    {
        var links = LinksFor(Roles.ParkAdmin);
        Assert.Contains("/parks", links);
        Assert.Contains("/admin/users", links);
        Assert.Contains("/admin/audit", links);
    }

    [Fact]
    public void CurrentPage_IsMarked_AndFollowsNavigation()
    {
        SignInAs("someone@park.demo", Roles.ParkAdmin);
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo("/leases/42");
        var menu = RenderWithAuth<NavMenu>();

        string[] Active() => menu.FindAll("a.active").Select(a => a.GetAttribute("href") ?? "").ToArray();
        Assert.Equal(["/leases"], Active());
        Assert.Equal("page", menu.Find("a.active").GetAttribute("aria-current"));

        navigation.NavigateTo("/lease-requests?status=pending");
        menu.WaitForAssertion(() => Assert.Equal(["/lease-requests"], Active()));

        // Home is marked on itself only, not on every page under it.
        navigation.NavigateTo("/");
        menu.WaitForAssertion(() => Assert.Equal(["/"], Active()));
        navigation.NavigateTo("/parks/3");
        menu.WaitForAssertion(() => Assert.Equal(["/parks"], Active()));
    }

    [Fact]
    public void AdministrationGroup_Collapses_AndExpands()
    {
        SignInAs("someone@park.demo", Roles.ParkAdmin);
        var menu = RenderWithAuth<NavMenu>();
        var toggle = menu.Find("[data-testid=nav-administration]");
        Assert.Equal("true", toggle.GetAttribute("aria-expanded"));
        Assert.Contains("mud-collapse-entered", menu.Find("#nav-administration").ParentElement!.ParentElement!.ParentElement!.ClassName, StringComparison.Ordinal);

        toggle.Click();
        var group = menu.Find("#nav-administration").ParentElement!.ParentElement!.ParentElement!;
        Assert.Equal("false", menu.Find("[data-testid=nav-administration]").GetAttribute("aria-expanded"));
        Assert.DoesNotContain("mud-collapse-entered", group.ClassName, StringComparison.Ordinal);
        Assert.True(group.HasAttribute("inert"));

        menu.Find("[data-testid=nav-administration]").Click();
        Assert.Equal("true", menu.Find("[data-testid=nav-administration]").GetAttribute("aria-expanded"));
    }

    /// <summary>
    /// Prerendered, the menu's HTML is rendered once per rights and current entry and then reused: a second user
    /// with other rights, or another page, must get its own, never the first one's.
    /// </summary>
    [Fact]
    public void Prerendered_EachRightsAndPage_GetTheirOwnMenu()
    {
        Renderer.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        string[] Links(IRenderedComponent<CascadingAuthenticationState> menu) => menu.FindAll("a").Select(a => a.GetAttribute("href") ?? "").ToArray();
        string[] Active(IRenderedComponent<CascadingAuthenticationState> menu) => menu.FindAll("a.active").Select(a => a.GetAttribute("href") ?? "").ToArray();

        navigation.NavigateTo("/leases/42");
        SignInAs("admin@park.demo", Roles.ParkAdmin);
        var admin = RenderWithAuth<NavMenu>();
        Assert.Contains("/admin/users", Links(admin));
        Assert.Equal(["/leases"], Active(admin));

        SignInAs("tenant@park.demo", Roles.TenantUser);
        var tenant = RenderWithAuth<NavMenu>();
        Assert.DoesNotContain("/admin/users", Links(tenant));
        Assert.Contains("/seatmap", Links(tenant));
        Assert.Equal(["/leases"], Active(tenant));

        navigation.NavigateTo("/parks/3");
        SignInAs("admin@park.demo", Roles.ParkAdmin);
        var again = RenderWithAuth<NavMenu>();
        Assert.Equal(["/parks"], Active(again));
        Assert.Equal("page", again.Find("a.active").GetAttribute("aria-current"));
        Assert.Equal(Links(admin), Links(again));
    }

    [Fact]
    public void Labels_AreInTheUsersLanguage()
    {
        SignInAs("someone@park.demo", Roles.PlatformAdmin);
        var menu = RenderWithAuth<NavMenu>();
        Assert.Contains("审计日志", menu.Markup, StringComparison.Ordinal);
        Assert.Contains("首页", menu.Markup, StringComparison.Ordinal);
    }
}

public sealed class NavMenuEnglishTests : ComponentTestBase
{
    public NavMenuEnglishTests()
        : base("en-US") => Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    [Fact]
    public void Labels_AreEnglish_ForEnglishUsers()
    {
        SignInAs("someone@park.demo", Roles.PlatformAdmin);
        var menu = RenderWithAuth<NavMenu>();
        Assert.Contains("Audit trail", menu.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("审计日志", menu.Markup, StringComparison.Ordinal);
    }
}

public sealed class HomeComponentTests : ComponentTestBase
{
    [Fact]
    public void FigureCard_ShowsTheCountGroupedAndItsLabel()
    {
        var card = Render<FigureCard>(p => p.Add(c => c.Label, "座席").Add(c => c.Value, 12345).Add(c => c.TestId, "figure-seats"));
        Assert.Equal("12,345", card.Find(".figure-value").TextContent.Trim());
        Assert.Contains("座席", card.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void TenantHome_WithoutATenant_SaysTheAccountIsNotLinked()
    {
        var view = Render<TenantHomeView>(p => p.Add(c => c.Tenant, null));
        Assert.Contains("未关联入驻企业", view.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void TenantHome_ShowsTheCompanyAndItsUscc()
    {
        var view = Render<TenantHomeView>(p => p.Add(c => c.Tenant, new Park.Domain.Home.TenantHome
        {
            TenantId = 3, NameZh = "杭州恒信通客户服务有限公司", NameEn = "Hengxintong", Uscc = "91330105321056718H", Status = "active",
            ParkCode = "HZ-SV", ParkNameZh = "杭州声谷呼叫中心产业园", ParkNameEn = "Hangzhou Sound Valley",
        }));
        Assert.Contains("杭州恒信通客户服务有限公司", view.Find("[data-testid=tenant-card]").TextContent, StringComparison.Ordinal);
        Assert.Contains("91330105321056718H", view.Markup, StringComparison.Ordinal);
        Assert.Contains("在园经营", view.Markup, StringComparison.Ordinal);
    }
}

public sealed class MudTextsTests
{
    [Fact]
    public void MudBlazorPagerTexts_AreChinese_ForChineseUsers_AndEnglishOtherwise()
    {
        // MudBlazor asks the custom localizer first and falls back to its built-in English texts.
        var interceptor = new MudBlazor.DefaultLocalizationInterceptor(
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, new Park.Web.Components.Layout.ParkMudLocalizer());
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
            Assert.Equal("每页行数：", interceptor.Handle("MudDataGridPager_RowsPerPage"));
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en-US");
            Assert.Equal("Rows per page:", interceptor.Handle("MudDataGridPager_RowsPerPage"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }
}

public sealed class PagerRenderTests : ComponentTestBase
{
    [Fact]
    public void ADataGridWithPager_RendersInChinese_WithoutFormatErrors()
    {
        Services.AddTransient<MudBlazor.MudLocalizer, Park.Web.Components.Layout.ParkMudLocalizer>();
        Render<MudBlazor.MudPopoverProvider>();
        var grid = Render<MudBlazor.MudDataGrid<string>>(p => p
            .Add(g => g.Items, ["a", "b", "c"])
            .Add(g => g.PagerContent, (Microsoft.AspNetCore.Components.RenderFragment)(b =>
            {
                b.OpenComponent<Park.Web.Components.GridPager<string>>(0);
                b.CloseComponent();
            })));
        Assert.Contains("每页行数", grid.Markup, StringComparison.Ordinal);
        Assert.Contains("第 1-3 条，共 3 条", grid.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(" of 3", grid.Markup, StringComparison.Ordinal);
    }
}
