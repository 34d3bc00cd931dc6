using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Park.Domain.Access;
using Park.Domain.Seeding;

namespace Park.Tests.Web;

/// <summary>The API's 401 and 403 answers speak the caller's language (Accept-Language, or the culture cookie).</summary>
public sealed class LocalizedErrorTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private async Task<string> IssueAsync(string email)
    {
        await using var scope = shared.App.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ParkUser>>().FindByEmailAsync(email);
        return (await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueAsync(user!.Id, "test", 30)).Token;
    }

    private HttpClient Client(string language, string? token = null)
    {
        var client = shared.App.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private static async Task<(string Title, string Detail, string? Reason)> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (problem.GetProperty("title").GetString()!, problem.GetProperty("detail").GetString()!,
            problem.TryGetProperty("reason", out var reason) ? reason.GetString() : null);
    }

    [Theory]
    [InlineData("zh-CN", "访问令牌已过期", "未通过身份验证")]
    [InlineData("en-US", "The access token has expired", "Unauthorized")]
    public async Task ExpiredToken_IsExplainedInTheCallersLanguage(string language, string detail, string title)
    {
        var token = await IssueAsync("admin@park.demo");
        await shared.ExecuteAsync("UPDATE api_tokens SET expires_at = '2020-01-01T00:00:00.000Z' WHERE revoked_at IS NULL AND user_id = (SELECT id FROM users WHERE email = 'admin@park.demo')");

        var problem = await ProblemAsync(await Client(language, token).GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);

        Assert.Equal("expired", problem.Reason);
        Assert.Contains(detail, problem.Detail, StringComparison.Ordinal);
        Assert.Equal(title, problem.Title);
    }

    [Theory]
    [InlineData("zh-CN", "访问令牌已被吊销")]
    [InlineData("en-US", "The access token was revoked")]
    public async Task RevokedToken_IsExplainedInTheCallersLanguage(string language, string detail)
    {
        var token = await IssueAsync("reviewer@gov.demo");
        await shared.ExecuteAsync("UPDATE api_tokens SET revoked_at = '2026-01-01T00:00:00.000Z' WHERE revoked_at IS NULL AND user_id = (SELECT id FROM users WHERE email = 'reviewer@gov.demo')");

        var problem = await ProblemAsync(await Client(language, token).GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);

        Assert.Equal("revoked", problem.Reason);
        Assert.Contains(detail, problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "请先登录")]
    [InlineData("en-US", "Sign in or send a personal access token")]
    public async Task NoCredentials_On401_AreExplainedInTheCallersLanguage(string language, string detail)
    {
        var problem = await ProblemAsync(await Client(language).GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);
        Assert.Contains(detail, problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "您的角色无权执行此操作", "无权访问")]
    [InlineData("en-US", "Your role does not allow this", "Forbidden")]
    public async Task AForbiddenCall_IsExplainedInTheCallersLanguage(string language, string detail, string title)
    {
        var client = await shared.App.SignedInAsync(Roles.TenantUser);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        var parkId = await shared.ScalarAsync<long>("SELECT id FROM parks WHERE code = @Code", new { Code = DemoSeed.ParkCode });

        var problem = await ProblemAsync(await client.GetAsync($"/api/v1/parks/{parkId}/seats/export"), HttpStatusCode.Forbidden);

        Assert.Contains(detail, problem.Detail, StringComparison.Ordinal);
        Assert.Equal(title, problem.Title);
    }

    [Fact]
    public async Task TheCultureCookie_WinsOverAcceptLanguage()
    {
        var client = Client("en-US");
        await client.GetAsync("/culture/set?culture=zh-CN&returnUrl=/account/signin");

        var problem = await ProblemAsync(await client.GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);

        Assert.Contains("请先登录", problem.Detail, StringComparison.Ordinal);
    }
}
