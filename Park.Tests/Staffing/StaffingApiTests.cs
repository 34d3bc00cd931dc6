using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Park.Domain.Access;

namespace Park.Tests.Staffing;

public sealed class StaffingApiTests : IAsyncLifetime
{
    private readonly ParkAppFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static object Interval(string start, object volume, double sl = 0.8, double shrinkage = 0.3, double? patience = null) => new
    {
        intervalStart = start, intervalSeconds = 1800, volume, ahtSeconds = 180, slTarget = sl, slSeconds = 20,
        shrinkage, maxOccupancy = 0.85, patienceSeconds = patience,
    };

    [Fact]
    public async Task Calculate_ReturnsOneResultPerIntervalInOrder()
    {
        var client = await _factory.SignedInAsync(Roles.TenantUser);
        var response = await client.PostAsJsonAsync("/api/v1/staffing/calculate", new
        {
            intervals = new[] { Interval("2026-03-02T09:30", 0), Interval("2026-03-02T09:00", 100), Interval("2026-03-02T10:00", 100, patience: 300) },
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(3, body.GetProperty("total").GetInt32());
        var items = body.GetProperty("items");
        Assert.Equal("2026-03-02T09:30", items[0].GetProperty("intervalStart").GetString());
        Assert.Equal(0, items[0].GetProperty("agents").GetInt32());
        Assert.Equal(14, items[1].GetProperty("agents").GetInt32());
        Assert.Equal(20, items[1].GetProperty("positions").GetInt32());
        Assert.Equal(0.88835, items[1].GetProperty("serviceLevel").GetDouble(), 5);
        Assert.Equal(JsonValueKind.Null, items[1].GetProperty("abandonRate").ValueKind);
        Assert.Equal(13, items[2].GetProperty("agents").GetInt32());
        Assert.True(items[2].GetProperty("abandonRate").GetDouble() > 0);
    }

    [Fact]
    public async Task Calculate_BadFields_Answer400NamingIntervalAndField()
    {
        var client = await _factory.SignedInAsync(Roles.TenantUser);
        var response = await client.PostAsJsonAsync("/api/v1/staffing/calculate", new
        {
            intervals = new[] { Interval("2026-03-02T09:00", 100), Interval("2026-03-02T09:00", -5, sl: 1.5), Interval("2026-03-02T10:00", 1, shrinkage: 1) },
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
        var keys = errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["intervals[1].intervalStart", "intervals[1].slTarget", "intervals[1].volume", "intervals[2].shrinkage"], keys);
    }

    [Fact]
    public async Task Calculate_TextInANumber_Answers400NamingThePath()
    {
        var client = await _factory.SignedInAsync(Roles.TenantUser);
        using var content = new StringContent("""{"intervals":[{"intervalStart":"2026-03-02T09:00","intervalSeconds":1800,"volume":"lots"}]}""",
            System.Text.Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/v1/staffing/calculate", content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("intervals[0].volume", out _), errors.ToString());
    }

    [Fact]
    public async Task Calculate_Anonymous_IsRefused()
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync("/api/v1/staffing/calculate", new { intervals = new[] { Interval("2026-03-02T09:00", 100) } },
            TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect or HttpStatusCode.Forbidden, response.StatusCode.ToString());
    }

    [Fact]
    public async Task Calculate_NonJsonBody_IsRefusedSoCrossSiteFormsCannotPost()
    {
        var client = await _factory.SignedInAsync(Roles.TenantUser);
        using var content = new StringContent("""{"intervals":[]}""", System.Text.Encoding.UTF8, "text/plain");
        var response = await client.PostAsync("/api/v1/staffing/calculate", content, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode is HttpStatusCode.UnsupportedMediaType or HttpStatusCode.BadRequest, response.StatusCode.ToString());
    }

    private static async Task<JsonElement> PostRawAsync(HttpClient client, string json, string language, HttpStatusCode expected)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/staffing/calculate") { Content = content };
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Calculate_MissingFields_Answer400NamingEach_InTheCallersLanguage()
    {
        var client = await _factory.SignedInAsync(Roles.TenantUser);
        const string json = """
            {"intervals":[
              {"intervalStart":"2026-03-02T09:00","intervalSeconds":1800,"volume":100,"ahtSeconds":180,"slTarget":0.8,"slSeconds":20,"shrinkage":0.3,"maxOccupancy":0.85},
              {"intervalStart":"2026-03-02T09:30","intervalSeconds":1800,"ahtSeconds":180,"slSeconds":20,"shrinkage":0.3},
              {"intervalSeconds":1800,"volume":-1,"ahtSeconds":180,"slTarget":0.8,"slSeconds":20,"shrinkage":0.3,"maxOccupancy":0.85},
              null
            ]}
            """;
        var body = await PostRawAsync(client, json, "en-US", HttpStatusCode.BadRequest);
        Assert.False(body.TryGetProperty("items", out _)); // nothing computed
        var errors = body.GetProperty("errors");
        var keys = errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["intervals[1].maxOccupancy", "intervals[1].slTarget", "intervals[1].volume", "intervals[2].intervalStart",
            "intervals[2].volume", "intervals[3]"], keys);
        Assert.Equal("A value is required.", errors.GetProperty("intervals[1].volume")[0].GetString());
        Assert.Equal("A value is required.", errors.GetProperty("intervals[2].intervalStart")[0].GetString());
        Assert.Equal("Volume cannot be negative.", errors.GetProperty("intervals[2].volume")[0].GetString());

        var zh = (await PostRawAsync(client, json, "zh-CN", HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal("必须填写。", zh.GetProperty("intervals[1].slTarget")[0].GetString());
    }

    [Fact]
    public async Task Calculate_TooMuchWork_Answers400BeforeComputing()
    {
        var client = await _factory.SignedInAsync(Roles.TenantUser);
        // Each interval has a load of 1,000,000 Erlangs, so each searches up to the engine's 100,000-agent limit.
        var rows = IntervalsOfLoad(count: (int)(Park.Domain.Staffing.IntervalBatch.MaxWork / Park.Domain.Staffing.StaffingEngine.AgentLimit) + 1);
        var body = await PostRawAsync(client, JsonSerializer.Serialize(new { intervals = rows }), "en-US", HttpStatusCode.BadRequest);
        var message = body.GetProperty("errors").GetProperty("intervals")[0].GetString()!;
        Assert.Contains("10,100,000", message, StringComparison.Ordinal);
        Assert.Contains("10,000,000", message, StringComparison.Ordinal);
        Assert.Contains("split", message, StringComparison.Ordinal);
    }

    private static object[] IntervalsOfLoad(int count) => Enumerable.Range(0, count).Select(i => (object)new
    {
        intervalStart = new DateTime(2026, 3, 2).AddMinutes(30 * i).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        intervalSeconds = 1800, volume = 1_000_000, ahtSeconds = 1800, slTarget = 0.8, slSeconds = 20, shrinkage = 0, maxOccupancy = 1,
    }).ToArray();

    [Fact]
    public async Task Calculate_IsRateLimitedAsHeavy()
    {
        await using var app = new ParkAppFactory(s => s["Park:RateLimits:HeavyPerMinute"] = "2");
        var client = await app.SignedInAsync(Roles.TenantUser);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/staffing/calculate", new { intervals = new[] { Interval("2026-03-02T09:00", 100) } },
                TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Calculate_EchoesTheInputColumnsBeforeTheResults_AndTheLargestServableLoad()
    {
        var client = await _factory.SignedInAsync(Roles.TenantUser);
        var response = await client.PostAsJsonAsync("/api/v1/staffing/calculate", new
        {
            intervals = new object[]
            {
                Interval("2026-03-02T09:00", 100),
                new
                {
                    intervalStart = "2026-03-02T09:30", intervalSeconds = 1800, volume = 100.5, ahtSeconds = 180, slTarget = 0.8, slSeconds = 20,
                    shrinkage = 0.3, maxOccupancy = 0.85, maxAgents = 12,
                },
            },
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("items");
        var names = items[0].EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["intervalStart", "intervalSeconds", "volume", "ahtSeconds", "slTarget", "slSeconds", "shrinkage", "maxOccupancy",
            "patienceSeconds", "maxAbandon", "maxAsaSeconds", "maxAgents", "agents"], names.Take(13));
        Assert.Equal((1800, 100m, 180m, 0.8, 20.0, 0.3m, 0.85m), (items[0].GetProperty("intervalSeconds").GetInt32(), items[0].GetProperty("volume").GetDecimal(),
            items[0].GetProperty("ahtSeconds").GetDecimal(), items[0].GetProperty("slTarget").GetDouble(), items[0].GetProperty("slSeconds").GetDouble(),
            items[0].GetProperty("shrinkage").GetDecimal(), items[0].GetProperty("maxOccupancy").GetDecimal()));
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("maxServableLoad").ValueKind);

        var capped = items[1];
        Assert.Equal((100.5m, 12), (capped.GetProperty("volume").GetDecimal(), capped.GetProperty("maxAgents").GetInt32()));
        Assert.Equal("unreachable_agent_limit", capped.GetProperty("status").GetString());
        var volume = capped.GetProperty("maxServableVolume").GetDouble();
        var load = capped.GetProperty("maxServableLoad").GetDouble();
        Assert.Equal(volume * 180 / 1800, load, 9);
        // The load is what 12 agents serve: a little more is not.
        var request = new Park.Domain.Staffing.StaffingRequest((decimal)volume, 1800, 180m, 0.8, 20, 0.3m, 0.85m);
        Assert.True(Park.Domain.Staffing.StaffingEngine.Calculate(request).Agents <= 12);
        Assert.True(Park.Domain.Staffing.StaffingEngine.Calculate(request with { Volume = request.Volume + 0.05m }).Agents > 12);
    }
}
