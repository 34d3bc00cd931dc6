using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Park.Domain.Access;

namespace Park.Tests.Web;

public sealed class AuthorizationTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Fact]
    public void EveryRoutableComponent_DeclaresAPolicyOrIsExplicitlyAnonymous()
    {
        var pages = typeof(Park.Web.Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && t.GetCustomAttributes<RouteAttribute>().Any())
            .ToArray();
        Assert.NotEmpty(pages);

        var missing = pages.Where(t => t.GetCustomAttribute<AuthorizeAttribute>() is null && t.GetCustomAttribute<AllowAnonymousAttribute>() is null)
            .Select(t => t.FullName).ToArray();
        Assert.Empty(missing);

        var anonymous = pages.Where(t => t.GetCustomAttribute<AllowAnonymousAttribute>() is not null).Select(t => t.Name).Order().ToArray();
        Assert.Subset(AnonymousPages, anonymous.ToHashSet());
    }

    // The explicit anonymous list: sign-in, not-authorized, errors, not-found, and the public contract verifier.
    private static readonly HashSet<string> AnonymousPages = ["Denied", "Error", "NotFoundPage", "SignIn", "SignInCode", "Verify"];

    [Fact]
    public void EveryEndpoint_HasAuthorizationMetadata()
    {
        var endpoints = shared.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            // Framework-owned endpoints (_blazor, _framework, static files) fall under the fallback policy.
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/') is var path
                        && !path.StartsWith('_') && !path.StartsWith('{') && !path.Contains('.', StringComparison.Ordinal))
            .ToArray();
        Assert.NotEmpty(endpoints);

        var missing = endpoints.Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.RoutePattern.RawText).ToArray();
        Assert.Empty(missing);
    }

    public static TheoryData<string, string, bool> Matrix => new()
    {
        { "/", Roles.PlatformAdmin, true }, { "/", Roles.ParkAdmin, true }, { "/", Roles.TenantUser, true }, { "/", Roles.GovReviewer, true },
        { "/parks", Roles.PlatformAdmin, true }, { "/parks", Roles.ParkAdmin, true }, { "/parks", Roles.TenantUser, false }, { "/parks", Roles.GovReviewer, true },
        { "/admin/users", Roles.PlatformAdmin, true }, { "/admin/users", Roles.ParkAdmin, true }, { "/admin/users", Roles.TenantUser, false }, { "/admin/users", Roles.GovReviewer, false },
        { "/my/colleagues", Roles.PlatformAdmin, false }, { "/my/colleagues", Roles.ParkAdmin, false }, { "/my/colleagues", Roles.TenantUser, true }, { "/my/colleagues", Roles.GovReviewer, false },
        { "/admin/audit", Roles.PlatformAdmin, true }, { "/admin/audit", Roles.ParkAdmin, true }, { "/admin/audit", Roles.TenantUser, false }, { "/admin/audit", Roles.GovReviewer, false },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Page_IsOpenOnlyToItsRoles(string path, string role, bool allowed)
    {
        var client = await shared.App.SignedInAsync(role);
        var response = await client.GetAsync(path);

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/parks")]
    [InlineData("/admin/users")]
    [InlineData("/admin/audit")]
    public async Task Anonymous_IsSentToSignIn(string path)
    {
        var response = await shared.App.CreateBrowserLikeClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_CarryTheSecurityHeaders()
    {
        var response = await shared.App.CreateBrowserLikeClient().GetAsync("/account/signin");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));

        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.False(response.Headers.Contains("Server"));
    }
}
