using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Park.Domain.Access;
using Park.Web.Access;

namespace Park.Tests.Web;

/// <summary>One app for the class with the production rule on: staff must sign in with a code.</summary>
public sealed class EnforcedTwoFactorApp : IAsyncLifetime
{
    public ParkAppFactory App { get; } = new(s => s[StaffTwoFactorRequirement.Setting] = "true");

    public async ValueTask InitializeAsync() => await App.AccountsAsync();

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

/// <summary>SECURITY.md: two-factor required for platform and park administrators and reviewers in production mode.</summary>
public sealed class StaffTwoFactorTests(EnforcedTwoFactorApp enforced) : IClassFixture<EnforcedTwoFactorApp>
{
    private ParkAppFactory App => enforced.App;

    [Theory]
    [InlineData(Roles.PlatformAdmin, "/parks")]
    [InlineData(Roles.ParkAdmin, "/parks")]
    [InlineData(Roles.GovReviewer, "/")]
    public async Task Staff_SignedInWithPasswordOnly_ReachOnlyTheirProfile(string role, string page)
    {
        var client = await App.SignedInAsync(role);

        var response = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var denied = await client.GetStringAsync(response.Headers.Location);
        Assert.Contains("data-testid=\"two-factor-needed\"", denied, StringComparison.Ordinal);
        Assert.Contains("需要两步验证", denied, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/me")).StatusCode);
        var profile = await client.GetAsync("/account/profile");
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Contains("data-testid=\"two-factor-required\"", await profile.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tenants_AreNotHeldToIt()
    {
        var client = await App.SignedInAsync(Roles.TenantUser);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Staff_SignedInWithACode_ReachTheirPages()
    {
        var account = await App.AccountAsync(Roles.ParkAdmin);
        string key;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ParkUser>>();
            var user = (await users.FindByEmailAsync(account.Email))!;
            if (!user.TwoFactorEnabled)
            {
                await users.ResetAuthenticatorKeyAsync(user);
                await users.SetTwoFactorEnabledAsync(user, true);
            }

            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }

        try
        {
            var (client, _) = await App.SignInAsync(account.Email, account.Password);
            var verified = await ParkAppFactory.PostSignInCodeAsync(client, Totp.Code(key, DateTimeOffset.UtcNow));
            Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/parks")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
            var profile = await client.GetStringAsync("/account/profile");
            // On, and required: the page offers no way to turn it off.
            Assert.Contains("data-testid=\"two-factor-required\"", profile, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"two-factor-confirm\"", profile, StringComparison.Ordinal);
        }
        finally
        {
            await using var scope = App.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ParkUser>>();
            await users.SetTwoFactorEnabledAsync((await users.FindByEmailAsync(account.Email))!, false);
        }
    }

    [Fact]
    public async Task Staff_WithAPersonalAccessToken_UseTheApi()
    {
        var account = await App.AccountAsync(Roles.GovReviewer);
        string token;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<ParkUser>>().FindByEmailAsync(account.Email);
            token = (await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueAsync(user!.Id, "test", 30)).Token;
        }

        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
    }
}

/// <summary>Development (what the README's run command uses) leaves the rule off, so the demo signs in with passwords.</summary>
public sealed class DevelopmentTwoFactorTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task InDevelopment_StaffSignInWithPasswordsAlone()
    {
        var client = await shared.App.SignedInAsync(Roles.ParkAdmin);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/parks")).StatusCode);
    }
}
