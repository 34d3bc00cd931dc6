using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Park.Domain.Access;
using Park.Domain.Seeding;

namespace Park.Tests.Staffing;

public sealed class StaffingIsolationTests(StaffingWorld world) : IClassFixture<StaffingWorld>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> HtmlAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

    private static void AssertNotFound(string html) =>
        Assert.True(html.Contains("未找到", StringComparison.Ordinal) || html.Contains("Not found", StringComparison.Ordinal), html[..Math.Min(html.Length, 400)]);

    private async Task<(HttpClient Owner, HttpClient Other, long LineId, long ScenarioId)> SetUpAsync()
    {
        var owner = await world.Factory.SignedInAsync(Roles.TenantUser, 0);
        var other = await world.Factory.SignedInAsync(Roles.TenantUser, 1);
        var lines = await owner.GetFromJsonAsync<JsonElement>("/api/v1/staffing/lines", Ct);
        var lineId = lines.GetProperty("items")[0].GetProperty("id").GetInt64();
        var line = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/staffing/lines/{lineId}", Ct);
        var scenarioId = line.GetProperty("scenarios")[0].GetProperty("id").GetInt64();
        return (owner, other, lineId, scenarioId);
    }

    [Fact]
    public async Task Owner_SeesLineAndScenarioOnPagesAndApi()
    {
        var (owner, _, lineId, scenarioId) = await SetUpAsync();
        var page = await owner.GetAsync($"/staffing/lines/{lineId}", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(StaffingDemo.LineName, await HtmlAsync(page), StringComparison.Ordinal);
        var scenario = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/staffing/scenarios/{scenarioId}", Ct);
        Assert.Equal(56, scenario.GetProperty("days").GetArrayLength());
        Assert.True(scenario.GetProperty("scenario").GetProperty("seatsNeeded").GetInt64() > 0);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/staffing/scenarios/{scenarioId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task OtherTenant_GetsNotFoundForLineAndScenario_OnPagesAndApi()
    {
        var (_, other, lineId, scenarioId) = await SetUpAsync();
        foreach (var id in new[] { lineId, lineId + 1, 0, -1, long.MaxValue })
        {
            var page = await other.GetAsync($"/staffing/lines/{id}", Ct);
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            var html = await HtmlAsync(page);
            AssertNotFound(html);
            Assert.DoesNotContain(StaffingDemo.LineName, html, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/staffing/lines/{id}", Ct)).StatusCode);
        }

        foreach (var id in new[] { scenarioId, scenarioId + 1, 0, -1 })
        {
            var page = await other.GetAsync($"/staffing/scenarios/{id}", Ct);
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            AssertNotFound(await HtmlAsync(page));
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/staffing/scenarios/{id}", Ct)).StatusCode);
        }

        var list = await other.GetFromJsonAsync<JsonElement>("/api/v1/staffing/lines", Ct);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), l => l.GetProperty("id").GetInt64() == lineId);
    }

    [Fact]
    public async Task ParkDemand_IsForAdminsAndReviewersNotTenants()
    {
        var reviewer = await world.Factory.SignedInAsync(Roles.GovReviewer);
        var page = await reviewer.GetAsync("/staffing/demand", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await HtmlAsync(page);
        Assert.Contains("data-testid=\"demand-HZ-SV\"", html, StringComparison.Ordinal);
        Assert.Contains("杭州恒信通客户服务有限公司 (+", html, StringComparison.Ordinal);

        var tenant = await world.Factory.SignedInAsync(Roles.TenantUser, 0);
        var refused = await tenant.GetAsync("/staffing/demand", Ct);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }
}
