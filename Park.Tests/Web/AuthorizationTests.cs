using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Park.Domain.Access;
using Park.Domain.Seeding;

namespace Park.Tests.Web;

public sealed partial class AuthorizationTests(SharedApp shared) : IClassFixture<SharedApp>
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

    /// <summary>
    /// The spec: for every page of the app, the roles that may open it (<see cref="Anonymous"/> marks the
    /// pages open to everyone, signed in or not). Written out by hand, not derived from the attributes,
    /// so a page whose policy changes, or a new page nobody listed, fails here.
    /// </summary>
    private static readonly Dictionary<string, string[]> Expected = new(StringComparer.Ordinal)
    {
        ["/"] = [PA, PkA, TU, GR],
        ["/error"] = [Anonymous],
        ["/not-found"] = [Anonymous],
        ["/verify"] = [Anonymous],
        ["/account/denied"] = [Anonymous],
        ["/account/signin"] = [Anonymous],
        ["/account/signin/code"] = [Anonymous],
        ["/account/profile"] = [PA, PkA, TU, GR],
        ["/admin/audit"] = [PA, PkA],
        ["/admin/users"] = [PA, PkA],
        ["/my/colleagues"] = [TU],
        ["/contracts/batch"] = [PA, PkA],
        ["/contracts/templates"] = [PA, PkA],
        ["/contracts/{LeaseId:long}"] = [PA, PkA, TU, GR],
        ["/parks"] = [PA, PkA, GR],
        ["/parks/{ParkId:long}"] = [PA, PkA, GR],
        ["/parks/{ParkId:long}/availability"] = [PA, PkA, GR],
        ["/parks/{ParkId:long}/capacity"] = [PA, PkA, GR],
        ["/parks/{ParkId:long}/seats/import"] = [PA, PkA],
        ["/parks/{ParkId:long}/map"] = [PA, PkA, TU, GR],
        ["/seatmap"] = [PA, PkA, TU, GR],
        ["/leases"] = [PA, PkA, TU, GR],
        ["/leases/new"] = [PA, PkA],
        ["/leases/{Id:long}"] = [PA, PkA, TU, GR],
        ["/lease-requests"] = [PA, PkA, TU, GR],
        ["/tenants"] = [PA, PkA, GR],
        ["/tenants/{Id:long}"] = [PA, PkA, TU, GR],
        ["/staffing"] = [TU],
        ["/staffing/demand"] = [PA, PkA, GR],
        ["/staffing/lines/{Id:long}"] = [TU],
        ["/staffing/scenarios/{Id:long}"] = [TU],
    };

    private const string Anonymous = "(anonymous)";
    private const string PA = Roles.PlatformAdmin;
    private const string PkA = Roles.ParkAdmin;
    private const string TU = Roles.TenantUser;
    private const string GR = Roles.GovReviewer;

    /// <summary>Every route template of every routable component in the app, found by reflection.</summary>
    private static string[] RouteTemplates() => typeof(Park.Web.Program).Assembly.GetTypes()
        .Where(t => typeof(IComponent).IsAssignableFrom(t))
        .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
        .Select(r => r.Template)
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public void TheExpectedTable_ListsExactlyTheAppsRoutes()
    {
        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), RouteTemplates());
    }

    /// <summary>Every route × every role, and anonymous; the route list comes from the app itself.</summary>
    public static TheoryData<string, string> Matrix()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in RouteTemplates())
        {
            foreach (var who in Roles.All.Append(Anonymous))
            {
                data.Add(route, who);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EveryPage_IsOpenExactlyToTheRolesInTheTable(string route, string who)
    {
        Assert.True(Expected.TryGetValue(route, out var allowed), $"{route} is missing from the expected table.");
        var open = allowed.Contains(Anonymous) || allowed.Contains(who);
        var client = who == Anonymous ? shared.App.CreateBrowserLikeClient() : await shared.App.SignedInAsync(who);

        var response = await client.GetAsync(await FillAsync(route));

        var location = response.Headers.Location is { } to ? (to.IsAbsoluteUri ? to.PathAndQuery : to.OriginalString) : "";
        if (open)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{who} on {route}: {(int)response.StatusCode} {location}");
        }
        else if (who == Anonymous)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/signin?", location, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/denied", location, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Fills a route's parameters with demo ids the first tenant user (恒信通) owns, in the demo park
    /// every demo administrator and reviewer is bound to: an allowed role sees the page, not a not-found.
    /// </summary>
    private async Task<string> FillAsync(string route)
    {
        var tenantId = await shared.ScalarAsync<long>("SELECT id FROM tenants WHERE uscc = @Uscc", new { Uscc = DemoSeed.TenantUscc(0) });
        var value = route switch
        {
            _ when route.StartsWith("/parks/", StringComparison.Ordinal) =>
                await shared.ScalarAsync<long>("SELECT id FROM parks WHERE code = @Code", new { Code = DemoSeed.ParkCode }),
            _ when route.StartsWith("/leases/", StringComparison.Ordinal) || route.StartsWith("/contracts/", StringComparison.Ordinal) =>
                await shared.ScalarAsync<long>("SELECT min(id) FROM leases WHERE tenant_id = @TenantId", new { TenantId = tenantId }),
            _ when route.StartsWith("/tenants/", StringComparison.Ordinal) => tenantId,
            _ when route.StartsWith("/staffing/lines/", StringComparison.Ordinal) =>
                await shared.ScalarAsync<long>("SELECT min(id) FROM staffing_service_lines WHERE tenant_id = @TenantId", new { TenantId = tenantId }),
            _ when route.StartsWith("/staffing/scenarios/", StringComparison.Ordinal) =>
                await shared.ScalarAsync<long>("SELECT min(id) FROM staffing_scenarios WHERE tenant_id = @TenantId", new { TenantId = tenantId }),
            _ => 0L,
        };
        var filled = RouteParameter().Replace(route, value.ToString(CultureInfo.InvariantCulture));
        Assert.DoesNotContain("{", filled, StringComparison.Ordinal);
        return filled;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    [Fact]
    public async Task ParksApi_ListsOnlyTheCallersParks_ForScopedAdminsAndReviewers()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var other = "OT-" + suffix;
        await shared.ExecuteAsync("""
            INSERT INTO parks (code, name_zh, name_en, city, address, operator_name, operator_uscc, opened_on, created_at)
            VALUES (@Code, '另一园区', 'Another park', '宁波 Ningbo', '宁波市', '宁波运营', @Uscc, '2020-01-01', '2026-01-01T00:00:00+00:00')
            """, new { Code = other, Uscc = Park.Domain.Tenants.Uscc.ForCompany("330205", 11223344) });
        var otherAdmin = await CreateBoundAsync($"admin-{suffix}@other.demo", Roles.ParkAdmin, other);
        var otherReviewer = await CreateBoundAsync($"reviewer-{suffix}@other.demo", Roles.GovReviewer, other);

        Assert.Equal([DemoSeed.ParkCode], await ParkCodesAsync("parkadmin@park.demo"));
        Assert.Equal([DemoSeed.ParkCode], await ParkCodesAsync("reviewer@gov.demo"));
        Assert.Equal([other], await ParkCodesAsync(otherAdmin));
        Assert.Equal([other], await ParkCodesAsync(otherReviewer));
        Assert.Contains(other, await ParkCodesAsync("admin@park.demo"));
        Assert.Contains(DemoSeed.ParkCode, await ParkCodesAsync("admin@park.demo"));

        // A park outside the caller's scope reads as missing.
        var otherId = await shared.ScalarAsync<long>("SELECT id FROM parks WHERE code = @Code", new { Code = other });
        var seats = await WithTokenAsync("reviewer@gov.demo");
        Assert.Equal(HttpStatusCode.NotFound, (await seats.GetAsync($"/api/v1/parks/{otherId}/seats")).StatusCode);
    }

    private async Task<string> CreateBoundAsync(string email, string role, string parkCode)
    {
        await using var scope = shared.App.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<UserAdmin>().CreateAsync(
            new NewUser(email, role, [parkCode], null, null), AccessScope.System, Park.Domain.Audit.AuditActor.Cli);
        Assert.True(created.Succeeded);
        return email;
    }

    private async Task<HttpClient> WithTokenAsync(string email)
    {
        await using var scope = shared.App.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ParkUser>>().FindByEmailAsync(email);
        var token = (await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueAsync(user!.Id, "test", 1)).Token;
        var client = shared.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<string[]> ParkCodesAsync(string email)
    {
        var body = await (await WithTokenAsync(email)).GetFromJsonAsync<JsonElement>("/api/v1/parks?pageSize=100");
        var codes = body.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("code").GetString()!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(codes.Length, body.GetProperty("total").GetInt32());
        return codes;
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
