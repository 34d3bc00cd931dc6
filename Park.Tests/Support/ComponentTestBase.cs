using System.Globalization;
using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Park.Web.Access;

namespace Park.Tests.Support;

/// <summary>
/// bUnit with MudBlazor, the app's real resx strings and the app's real authorization policies
/// (not bUnit's fake ones), so a component test sees exactly what a role would see.
/// </summary>
public abstract class ComponentTestBase : BunitContext
{
    protected ComponentTestBase(string culture = "zh-CN")
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton<Park.Web.Components.PrerenderedMarkup>();
        var twoStep = new StaffTwoFactorRequirement(enforced: false);
        Services.AddSingleton(twoStep);
        Services.AddAuthorizationCore(o => Policies.Add(o, twoStep));
        // bUnit registers throwing placeholders; the real service and policy provider replace them.
        Services.AddSingleton<IAuthorizationService, DefaultAuthorizationService>();
        Services.AddSingleton<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>();
        Services.AddSingleton<AuthenticationStateProvider>(_ => Auth);
    }

    protected FixedAuthState Auth { get; } = new();

    /// <summary>Signs in a principal with the given roles for the components rendered next.</summary>
    protected void SignInAs(string email, params string[] roles)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, email), new(ClaimTypes.NameIdentifier, "1") };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        Auth.Principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    /// <summary>Renders inside a cascading authentication state, as the app's router does.</summary>
    protected IRenderedComponent<CascadingAuthenticationState> RenderWithAuth<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        Render<CascadingAuthenticationState>(p => p.AddChildContent<T>(parameters ?? (_ => { })));

    public sealed class FixedAuthState : AuthenticationStateProvider
    {
        public ClaimsPrincipal Principal { get; set; } = new(new ClaimsIdentity());

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(Principal));
    }
}
