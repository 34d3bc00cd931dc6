using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Park.Domain.Access;

namespace Park.Tests.Web;

public sealed class ApiTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private async Task<string> IssueAsync(string email, int days = 30)
    {
        await using var scope = shared.App.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ParkUser>>().FindByEmailAsync(email);
        return (await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueAsync(user!.Id, "test", days)).Token;
    }

    private HttpClient WithToken(string token)
    {
        var client = shared.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task Me_WithoutCredentials_Is401ProblemJson_NotARedirect()
    {
        var response = await shared.App.CreateBrowserLikeClient().GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Me_WithToken_SaysWhoAndScope()
    {
        var me = await WithToken(await IssueAsync("ops@yunsheng.demo")).GetFromJsonAsync<JsonElement>("/api/v1/me");

        Assert.Equal("ops@yunsheng.demo", me.GetProperty("email").GetString());
        Assert.Equal(["TenantUser"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.False(me.GetProperty("scope").GetProperty("allParks").GetBoolean());
        Assert.Equal(["HZ-SV"], me.GetProperty("scope").GetProperty("parks").EnumerateArray().Select(r => r.GetString()));
        Assert.True(me.GetProperty("scope").GetProperty("tenantId").GetInt64() > 0);
    }

    [Fact]
    public async Task Me_WithCookie_Works()
    {
        var client = await shared.App.SignedInAsync(Roles.GovReviewer);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("reviewer@gov.demo", me.GetProperty("email").GetString());
    }

    [Fact]
    public async Task RevokedToken_Is401_SayingRevoked()
    {
        var token = await IssueAsync("parkadmin@park.demo");
        await using (var scope = shared.App.Services.CreateAsyncScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<ParkUser>>().FindByEmailAsync("parkadmin@park.demo");
            await scope.ServiceProvider.GetRequiredService<ApiTokens>().RevokeAllAsync(user!.Id);
        }

        var response = await WithToken(token).GetAsync("/api/v1/me");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("revoked", problem.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task ExpiredToken_Is401_SayingExpired()
    {
        var token = await IssueAsync("admin@park.demo", days: 1);
        await shared.ExecuteAsync("UPDATE api_tokens SET expires_at = '2020-01-01T00:00:00.000Z' WHERE revoked_at IS NULL AND user_id = (SELECT id FROM users WHERE email = 'admin@park.demo')");

        var response = await WithToken(token).GetAsync("/api/v1/me");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("expired", problem.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("park_pat_forged")]
    [InlineData("not-even-a-token")]
    public async Task UnknownToken_Is401(string token) =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(token).GetAsync("/api/v1/me")).StatusCode);

    [Fact]
    public async Task OpenApiDocument_DescribesMe()
    {
        var doc = await shared.App.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/me", doc, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_ReportsDatabaseAndMigrations()
    {
        var health = await shared.App.CreateClient().GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal("reachable", health.GetProperty("database").GetString());
        Assert.Equal("current", health.GetProperty("migrations").GetString());
    }
}
