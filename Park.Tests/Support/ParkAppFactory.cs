using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Park.Domain.Seeding;
using Park.Web;

namespace Park.Tests.Support;

/// <summary>
/// The real app on a temp SQLite file, in Development (demo seeded on first start), reached through
/// the in-memory test server or, after <see cref="StartKestrel"/>, a real loopback port.
/// </summary>
public sealed partial class ParkAppFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "park-web-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings = [];
    private IReadOnlyList<DemoAccount>? _accounts;

    public ParkAppFactory(Action<Dictionary<string, string?>>? settings = null)
    {
        Directory.CreateDirectory(_folder);
        _settings["Park:DatabasePath"] = Path.Combine(_folder, "park.db");
        _settings["Park:SeedDemoOnEmptyDatabase"] = "true";
        _settings["Park:Auth:SecureCookies"] = "false";
        _settings["Park:RateLimits:SignInPerMinute"] = "1000";
        _settings["Park:RateLimits:HeavyPerMinute"] = "1000";
        settings?.Invoke(_settings);
    }

    public string DatabasePath => _settings["Park:DatabasePath"]!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
    }

    /// <summary>Serves on a free loopback port (for Chromium); returns the base address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress;
    }

    public async Task<IReadOnlyList<DemoAccount>> AccountsAsync()
    {
        if (_accounts is null)
        {
            // Reading Services starts the host: migrations and the demo seed run first.
            await using var scope = Services.CreateAsyncScope();
            _accounts = await scope.ServiceProvider.GetRequiredService<DemoSeed>().AccountsAsync();
        }

        return _accounts;
    }

    public async Task<DemoAccount> AccountAsync(string role, int index = 0) =>
        (await AccountsAsync()).Where(a => a.Role == role).ElementAt(index);

    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real sign-in form (antiforgery token included).</summary>
    public async Task<(HttpClient Client, HttpResponseMessage Response)> SignInAsync(string email, string password)
    {
        var client = CreateBrowserLikeClient();
        var response = await PostSignInAsync(client, email, password);
        return (client, response);
    }

    public async Task<HttpClient> SignedInAsync(string role, int index = 0)
    {
        var account = await AccountAsync(role, index);
        var (client, response) = await SignInAsync(account.Email, account.Password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {account.Email} answered {response.StatusCode}.");
        }

        return client;
    }

    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/account/signin");
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        return await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>The second sign-in step: posts an authenticator code through the real code form.</summary>
    public static async Task<HttpResponseMessage> PostSignInCodeAsync(HttpClient client, string code)
    {
        var page = await client.GetStringAsync("/account/signin/code");
        return await client.PostAsync("/account/signin/code", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin-code",
            ["__RequestVerificationToken"] = AntiforgeryFrom(page),
            ["Input.Code"] = code,
        }));
    }

    public static string AntiforgeryFrom(string html) => AntiforgeryToken().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
