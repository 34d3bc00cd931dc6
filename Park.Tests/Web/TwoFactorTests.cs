using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Park.Domain.Access;

namespace Park.Tests.Web;

public sealed class TwoFactorTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private async Task<string> EnableAsync(string email)
    {
        await shared.CreateUserAsync(email, "a passphrase with two steps", Roles.ParkAdmin);
        await using var scope = shared.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ParkUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.ResetAuthenticatorKeyAsync(user);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        Assert.True(await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, Totp.Code(key, DateTimeOffset.UtcNow)));
        await users.SetTwoFactorEnabledAsync(user, true);
        return key;
    }

    [Fact]
    public async Task WithTwoFactor_ThePasswordAloneDoesNotSignIn_TheCodeDoes()
    {
        var key = await EnableAsync("twostep@park.demo");
        var (client, response) = await shared.App.SignInAsync("twostep@park.demo", "a passphrase with two steps");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin/code", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode); // not signed in yet

        var verified = await ParkAppFactory.PostSignInCodeAsync(client, Totp.Code(key, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task AWrongCode_IsRefused_AndCountsTowardsLockout()
    {
        await EnableAsync("wrongcode@park.demo");
        var (client, _) = await shared.App.SignInAsync("wrongcode@park.demo", "a passphrase with two steps");

        var response = await ParkAppFactory.PostSignInCodeAsync(client, "000000");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("动态码错误或已过期", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(1, await shared.ScalarAsync<long>("SELECT access_failed_count FROM users WHERE email = 'wrongcode@park.demo'"));
    }

    [Fact]
    public async Task TheCodePage_WithoutAPasswordStep_SignsNobodyIn()
    {
        var client = shared.App.CreateBrowserLikeClient();
        var response = await ParkAppFactory.PostSignInCodeAsync(client, "123456");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }
}
