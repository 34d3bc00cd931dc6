using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Park.Bench;

/// <summary>
/// Starts the real app (Park.Web, Development) on a free 127.0.0.1 port against the national
/// database, signs in as the bench admin, and drives pages and APIs with 1 and 50 concurrent
/// clients, bounded in requests and time. Returns the app's RSS (kB) after the run.
/// </summary>
public static partial class HttpDriver
{
    private const int SingleRequests = 30;
    private const int ConcurrentRequests = 300;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    public static async Task<long?> RunAsync(string root, string dbPath, BenchIds ids, List<Measure> measures, IReadOnlyList<string>? only = null)
    {
        var port = FreePort();
        var webDir = Path.Combine(root, "Park.Web");
        var dll = Path.Combine(AppContext.BaseDirectory, "Park.Web.dll");
        var release = Path.Combine(webDir, "bin", "Release", "net10.0", "linux-x64", "Park.Web.dll");
        var info = new ProcessStartInfo("dotnet", [File.Exists(release) ? release : dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = webDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Park__DatabasePath"] = dbPath;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        // The driver measures latency, not the abuse limits: lift them for the app it starts.
        info.Environment["Park__RateLimits__HeavyPerMinute"] = "1000000";
        info.Environment["Park__RateLimits__SignInPerMinute"] = "1000000";
        using var app = Process.Start(info) ?? throw new InvalidOperationException("Could not start Park.Web.");
        app.OutputDataReceived += (_, _) => { };
        app.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"  app: {e.Data}"); } };
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        try
        {
            var baseUri = new Uri($"http://127.0.0.1:{port}");
            using var handler = new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = 64 };
            using var client = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
            await WaitHealthyAsync(client);
            await SignInAsync(client, ids.Email, ids.Password);

            const string group = "HTTP loopback (real app: Release build, Development environment for package static assets, signed-in platform admin)";
            var endpoints = new (string Name, string Path, Target? Target)[]
            {
                ("Seat map page, 1,000-seat floor (prerendered HTML)", $"/parks/{ids.ParkId}/map?floor={ids.FloorId}&date=2026-11-23", new Target(150)),
                ("Seat list API, page of 100 of a 15,000-seat park", $"/api/v1/parks/{ids.ParkId}/seats?date=2026-11-23&page=1&pageSize=100", new Target(150)),
                ("Availability API, 50 seats, one park", $"/api/v1/parks/{ids.ParkId}/availability?count=50&from=2027-01-01&to=2028-01-01", new Target(20)),
                ("Park list API (page of 50)", "/api/v1/parks?pageSize=50", new Target(100)),
                ("Lease list API (page of 50, stage active, of 15,000)", "/api/v1/leases?stage=active&page=1&pageSize=50", new Target(100)),
                ("Tenant list API (page of 50, search, of 5,000)", "/api/v1/tenants?search=%E6%81%92%E4%BF%A1&page=1&pageSize=50", new Target(100)),
                ("Lease list page (prerendered HTML with its first 25 rows)", "/leases", new Target(100)),
                ("Tenant list page (prerendered HTML with its first 25 rows)", "/tenants", new Target(100)),
                ("Contract PDF API, 120 seats (the issued file)", $"/api/v1/leases/{ids.Lease120}/contract.pdf", new Target(300)),
            };
            var selected = endpoints.Concat(NationalLineBench.HttpEndpoints(dbPath))
                .Where(e => only is null || only.Any(o => e.Name.Contains(o, StringComparison.OrdinalIgnoreCase))).ToArray();
            await WarmUpAppAsync(client, selected.Select(e => e.Path).ToArray());
            foreach (var (name, path, target) in selected)
            {
                foreach (var clients in new[] { 1, 50 })
                {
                    var total = clients == 1 ? SingleRequests : ConcurrentRequests;
                    Stats stats;
                    try
                    {
                        stats = await DriveAsync(client, path, clients, total);
                    }
                    catch (HttpRequestException e)
                    {
                        // Report what happened instead of losing the whole run.
                        var why = app.HasExited ? $"the app exited with code {app.ExitCode}" : e.Message;
                        Console.Error.WriteLine($"  {name} x{clients}: {why}");
                        measures.Add(new Measure(group, $"{name} — {clients} clients", Stats.Of([]), null, target, $"failed: {why}"));
                        if (app.HasExited)
                        {
                            return null;
                        }

                        continue;
                    }

                    var targetHere = clients == 50 && (name.StartsWith("Park list", StringComparison.Ordinal) || name.Contains("ease list", StringComparison.Ordinal)
                                                       || name.Contains("enant list", StringComparison.Ordinal)) ? target
                        : clients == 1 ? target : null;
                    var limited = Interlocked.Exchange(ref _rateLimited, 0);
                    var note = (clients == 50 ? "latency per request under load" : "") + (limited > 0 ? $"; {limited} refused with 429 by the rate limiter" : "");
                    measures.Add(new Measure(group, $"{name} — {clients} client{(clients == 1 ? "" : "s")}", stats, null, targetHere, note.TrimStart(';', ' ')));
                    Console.WriteLine($"  {name} x{clients}: median {stats.Median:F1} ms");
                }
            }

            return Rss(app.Id);
        }
        finally
        {
            if (!app.HasExited)
            {
                app.Kill(entireProcessTree: true);
                await app.WaitForExitAsync();
            }
        }
    }

    private static int _rateLimited;

    /// <summary>
    /// Warms the endpoint as a long-running server is warm, then times <paramref name="total"/> requests from
    /// <paramref name="clients"/> concurrent clients. The warm-up runs the same load unmeasured: sequential calls
    /// as the in-process harness does, and for concurrent clients a further <see cref="ConcurrentWarmUp"/> at that
    /// concurrency, so tiered JIT (with its PGO tier) and the pooled connections' page caches are in their steady
    /// state for that load when the timing starts.
    /// </summary>
    private static async Task<Stats> DriveAsync(HttpClient client, string path, int clients, int total)
    {
        var warming = Stopwatch.StartNew();
        for (var i = 0; Harness.KeepWarming(i, 2, warming.Elapsed); i++)
        {
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
        }

        if (clients > 1)
        {
            await LoadAsync(client, path, clients, int.MaxValue, ConcurrentWarmUp, null);
            Interlocked.Exchange(ref _rateLimited, 0);
        }

        var samples = new System.Collections.Concurrent.ConcurrentBag<double>();
        await LoadAsync(client, path, clients, total, Budget, samples);
        return Stats.Of(samples.ToArray());
    }

    private static readonly TimeSpan ConcurrentWarmUp = TimeSpan.FromSeconds(4);

    /// <summary>
    /// A server that has run for a while has its hot framework code re-jitted at tier 1 with dynamic PGO; a fresh
    /// process takes a minute or more of traffic to get there (a list page costs about three times as much CPU in its
    /// first seconds). So the fresh app first serves the whole endpoint mix, round-robin from 8 clients, for
    /// <see cref="AppWarmUp"/>, unmeasured.
    /// </summary>
    private static async Task WarmUpAppAsync(HttpClient client, IReadOnlyList<string> paths)
    {
        Console.WriteLine($"  warming the app: {paths.Count} endpoints round-robin, 8 clients, {AppWarmUp.TotalSeconds:F0} s");
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            while (watch.Elapsed < AppWarmUp)
            {
                var path = paths[(Interlocked.Increment(ref next) & int.MaxValue) % paths.Count];
                using var response = await client.GetAsync(path);
                await response.Content.ReadAsByteArrayAsync();
            }
        }));
        Interlocked.Exchange(ref _rateLimited, 0);
    }

    private static readonly TimeSpan AppWarmUp = TimeSpan.FromSeconds(90);

    private static async Task LoadAsync(HttpClient client, string path, int clients, int total, TimeSpan budget,
        System.Collections.Concurrent.ConcurrentBag<double>? samples)
    {
        var remaining = total;
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0 && watch.Elapsed < budget)
            {
                var one = Stopwatch.StartNew();
                using var response = await client.GetAsync(path);
                await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    // The app's rate limiter refused it: counted, not timed.
                    Interlocked.Increment(ref _rateLimited);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}.");
                }

                samples?.Add(one.Elapsed.TotalMilliseconds);
            }
        });
        await Task.WhenAll(workers);
    }

    private static async Task WaitHealthyAsync(HttpClient client)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(90))
        {
            try
            {
                if ((await client.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("Park.Web did not become healthy in 90 s.");
    }

    private static async Task SignInAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/account/signin");
        var token = Antiforgery().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        var response = await client.PostAsync("/account/signin", form);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in answered {(int)response.StatusCode}.");
        }
    }

    private static long? Rss(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
