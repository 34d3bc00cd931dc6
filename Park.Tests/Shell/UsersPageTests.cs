using System.Security.Claims;
using Bunit;
using Dapper;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Park.Domain.Access;
using Park.Domain.Seeding;
using Park.Web.Access;
using Park.Web.Features.Admin;

namespace Park.Tests.Shell;

/// <summary>The users page on a real demo database: the role-change action is a platform administrator's alone.</summary>
public sealed class UsersPageTests() : ComponentTestBase("en-US"), IAsyncLifetime
{
    private TestDatabase _db = default!;
    private AsyncServiceScope _scope;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.WithDemoAsync();
        _scope = _db.Scope();
        Services.AddSingleton(_scope.ServiceProvider.GetRequiredService<UserAdmin>());
        Services.AddSingleton(_db.Get<TimeProvider>());
        Services.AddHttpContextAccessor();
        Services.AddScoped<ScopeProvider>();
    }

    private async Task SignInAsAsync(string email)
    {
        var scope = await _db.ScopeOfAsync(email);
        var claims = new List<Claim> { new(ClaimTypes.Name, email), new(ClaimTypes.NameIdentifier, scope.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        claims.AddRange(scope.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        Auth.Principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private IRenderedComponent<CascadingAuthenticationState> RenderPage() =>
        Render<CascadingAuthenticationState>(p => p.AddChildContent(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<MudSnackbarProvider>(2);
            builder.CloseComponent();
            builder.OpenComponent<Users>(3);
            builder.CloseComponent();
        }));

    [Fact]
    public async Task ParkAdmin_SeesTheUsers_ButNoRoleChange()
    {
        await SignInAsAsync("parkadmin@park.demo");
        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Contains("ops@yunsheng.demo", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=change-role]"));
    }

    [Fact]
    public async Task PlatformAdmin_ChangesARole_ThroughTheDialog()
    {
        await SignInAsAsync("admin@park.demo");
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=change-role]")));

        var row = page.FindAll("tr").First(r => r.TextContent.Contains("ops@yunsheng.demo", StringComparison.Ordinal));
        row.QuerySelector("[data-testid=change-role]")!.Click();
        page.WaitForAssertion(() => Assert.Equal("ops@yunsheng.demo", page.Find("[data-testid=change-role-user]").TextContent.Trim()));
        // Prefilled from the row: the tenant's USCC; the reason is the administrator's.
        Assert.Equal(DemoSeed.TenantUscc(1), Field(page, "change-role-tenant").GetAttribute("value"));
        page.Find("[data-testid=change-role-save]").Click();
        page.WaitForAssertion(() => Assert.Contains("Say why the role changes", page.Markup, StringComparison.Ordinal));

        Field(page, "change-role-tenant").Change(DemoSeed.TenantUscc(0));
        Field(page, "change-role-reason").Change("joins Hengxintong");
        page.Find("[data-testid=change-role-save]").Click();

        await using var connection = await _db.Db.OpenAsync();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=change-role-user]")));
        var tenant = await connection.ExecuteScalarAsync<string>(
            "SELECT t.uscc FROM users u JOIN tenants t ON t.id = u.tenant_id WHERE u.email = 'ops@yunsheng.demo'");
        Assert.Equal(DemoSeed.TenantUscc(0), tenant);
        Assert.Equal("joins Hengxintong", await connection.ExecuteScalarAsync<string>(
            "SELECT reason FROM audit_events WHERE action = 'user.role.change' AND actor_email = 'admin@park.demo'"));
    }

    // MudBlazor puts a text field's attributes on the input itself (or its wrapper, depending on version).
    private static AngleSharp.Dom.IElement Field(IRenderedComponent<CascadingAuthenticationState> page, string id) =>
        page.Find($"input[data-testid={id}], textarea[data-testid={id}], [data-testid={id}] input, [data-testid={id}] textarea");

    public new async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _db.DisposeAsync();
        await base.DisposeAsync();
    }
}
