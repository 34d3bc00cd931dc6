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
}
