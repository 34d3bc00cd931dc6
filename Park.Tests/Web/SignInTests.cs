using System.Net;
using Park.Domain.Access;

namespace Park.Tests.Web;

public sealed class SignInTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private ParkAppFactory App => shared.App;

    [Fact]
    public async Task AnonymousPage_RedirectsToSignIn_WithReturnUrl()
    {
        var client = App.CreateBrowserLikeClient();
        var response = await client.GetAsync("/admin/audit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("ReturnUrl=%2Fadmin%2Faudit", response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorrectPassword_SignsIn_AndHomeShowsRealFigures()
    {
        var client = await App.SignedInAsync(Roles.ParkAdmin);
        var html = await client.GetStringAsync("/");

        // The park administrator's park, counted here independently of the home page's query.
        const string park = "(SELECT id FROM parks WHERE code = 'HZ-SV')";
        var seats = await shared.ScalarAsync<long>($"SELECT count(*) FROM seats WHERE park_id = {park} AND service_status <> 'retired'");
        var tenants = await shared.ScalarAsync<long>($"SELECT count(*) FROM tenants WHERE park_id = {park} AND status IN ('admitted', 'active')");
        Assert.InRange(seats, 1000, 1200);
        Assert.InRange(tenants, 1, 8);
        Assert.Equal(seats, Figure(html, "figure-seats"));
        Assert.Equal(tenants, Figure(html, "figure-tenants"));
        Assert.Equal(1, Figure(html, "figure-parks"));
    }

    private static long Figure(string html, string testId)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html,
            $"data-testid=\"{testId}\".*?figure-value[^>]*>([^<]+)<", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(match.Success, $"{testId} is not on the page");
        return long.Parse(match.Groups[1].Value.Trim(), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.GetCultureInfo("zh-CN"));
    }

    [Fact]
    public async Task WrongPassword_ShowsError_CountsTheFailure_AndIsAudited()
    {
        var account = await App.AccountAsync(Roles.GovReviewer);
        var (client, response) = await App.SignInAsync(account.Email, "definitely the wrong one");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("signin-error", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(1, await shared.ScalarAsync<long>("SELECT access_failed_count FROM users WHERE email = @E", new { E = account.Email }));
        Assert.True(await shared.ScalarAsync<long>(
            "SELECT count(*) FROM audit_events WHERE action = 'user.signin' AND outcome = 'failure' AND target_id = @E", new { E = account.Email }) >= 1);

        // A success resets the counter.
        await App.SignInAsync(account.Email, account.Password);
        Assert.Equal(0, await shared.ScalarAsync<long>("SELECT access_failed_count FROM users WHERE email = @E", new { E = account.Email }));
    }

    [Fact]
    public async Task EmptyCredentials_AskForThem()
    {
        var (_, response) = await App.SignInAsync("", "");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("请输入邮箱和密码", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveFailures_LockTheAccount_EvenTheRightPasswordIsRefused()
    {
        await shared.CreateUserAsync("lockme@park.demo", "a long enough passphrase");
        for (var i = 0; i < 5; i++)
        {
            await App.SignInAsync("lockme@park.demo", "wrong passphrase " + i);
        }

        var (client, response) = await App.SignInAsync("lockme@park.demo", "a long enough passphrase");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("账号已锁定", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        // The fifth failure locks (and says so); the sixth attempt is refused while locked.
        Assert.Equal(2, await shared.ScalarAsync<long>(
            "SELECT count(*) FROM audit_events WHERE target_id = 'lockme@park.demo' AND outcome = 'denied'"));
        Assert.Equal(4, await shared.ScalarAsync<long>(
            "SELECT count(*) FROM audit_events WHERE target_id = 'lockme@park.demo' AND outcome = 'failure'"));
    }

    [Fact]
    public async Task UnknownEmail_GetsTheSameAnswerAsAWrongPassword()
    {
        var (_, unknown) = await App.SignInAsync("nobody@park.demo", "whatever password");
        var html = await unknown.Content.ReadAsStringAsync();
        Assert.Contains("邮箱或密码错误", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecurityStampChange_SignsTheCookieOut()
    {
        await shared.CreateUserAsync("stamp@park.demo", "another long passphrase", Roles.PlatformAdmin);
        var (client, _) = await App.SignInAsync("stamp@park.demo", "another long passphrase");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        await shared.ExecuteAsync("UPDATE users SET security_stamp = 'rotated-elsewhere' WHERE email = 'stamp@park.demo'");

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignOut_RotatesTheStamp_SoAReplayedCookieIsRefused()
    {
        await shared.CreateUserAsync("replay@park.demo", "yet another passphrase", Roles.PlatformAdmin);
        var (client, _) = await App.SignInAsync("replay@park.demo", "yet another passphrase");
        var home = await client.GetAsync("/");
        var captured = home.RequestMessage!.Headers.TryGetValues("Cookie", out var values) ? string.Join("; ", values) : "";
        var html = await home.Content.ReadAsStringAsync();

        var signOut = await client.PostAsync("/account/signout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = ParkAppFactory.AntiforgeryFrom(html),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var attacker = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var replay = new HttpRequestMessage(HttpMethod.Get, "/");
        replay.Headers.Add("Cookie", captured);
        Assert.False(string.IsNullOrEmpty(captured));
        Assert.Equal(HttpStatusCode.Redirect, (await attacker.SendAsync(replay)).StatusCode);
    }

    [Fact]
    public async Task LanguageSwitch_IsRememberedForTheUser()
    {
        await shared.CreateUserAsync("lang@park.demo", "a passphrase for switching", Roles.ParkAdmin);
        var (client, _) = await App.SignInAsync("lang@park.demo", "a passphrase for switching");

        var switched = await client.GetAsync("/culture/set?culture=en-US&returnUrl=%2F");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("en-US", await shared.ScalarAsync<string>("SELECT culture FROM users WHERE email = 'lang@park.demo'"));
        Assert.Contains("Park administration", await client.GetStringAsync("/"), StringComparison.Ordinal);

        // A new browser (no culture cookie) gets the remembered language at sign-in.
        var (fresh, _) = await App.SignInAsync("lang@park.demo", "a passphrase for switching");
        Assert.Contains("Park administration", await fresh.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CultureSwitch_RefusesForeignReturnUrls()
    {
        var client = App.CreateBrowserLikeClient();
        var response = await client.GetAsync("/culture/set?culture=en-US&returnUrl=https%3A%2F%2Fevil.example%2F");
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
