using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Inventory;

namespace Park.Tests.Inventory;

/// <summary>The real app with the demo plus a second park that no demo user (except the platform admin) may see.</summary>
public sealed class InventoryAppFixture : IAsyncLifetime
{
    public ParkAppFactory App { get; } = new();

    public long DemoParkId { get; private set; }

    public long OtherParkId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var parks = App.Services.GetRequiredService<ParkStore>();
        var all = await parks.ListAsync(AccessScope.System, null, new Park.Domain.Data.PageRequest(), TestContext.Current.CancellationToken);
        DemoParkId = all.Items.Single().Id;
        OtherParkId = (await parks.CreateAsync(new NewPark("SZ-01", "深圳园区", "Shenzhen park", "深圳", "", "", "", null),
            AccessScope.System, AuditActor.Cli, TestContext.Current.CancellationToken)).Value;
        var inventory = App.Services.GetRequiredService<InventoryService>();
        var building = await inventory.SaveBuildingAsync(AccessScope.System, AuditActor.Cli, OtherParkId, null, new BuildingInput("S", "S"), ct: TestContext.Current.CancellationToken);
        var floor = await inventory.SaveFloorAsync(AccessScope.System, AuditActor.Cli, null, new FloorInput(building.Value, 1, "1F", 300, 300), ct: TestContext.Current.CancellationToken);
        var zone = await inventory.SaveZoneAsync(AccessScope.System, AuditActor.Cli, null, new ZoneInput(floor.Value, "Z1", "Z1"), ct: TestContext.Current.CancellationToken);
        await inventory.GenerateGridAsync(AccessScope.System, AuditActor.Cli, zone.Value, new GridSpec("S-{n:00}", 2, 5, 10, 10, 20, 20), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

public sealed class InventoryApiTests(InventoryAppFixture fixture) : IClassFixture<InventoryAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, int> Outsiders => new() { { Roles.TenantUser, 0 }, { Roles.GovReviewer, 0 }, { Roles.ParkAdmin, 0 } };

    [Fact]
    public async Task Parks_ForATenant_ListsOnlyItsOwnPark()
    {
        var client = await fixture.App.SignedInAsync(Roles.TenantUser, 0);

        var body = await client.GetFromJsonAsync<JsonElement>("/api/v1/parks", Ct);

        Assert.Equal(1, body.GetProperty("total").GetInt32());
        Assert.Equal("HZ-SV", body.GetProperty("items")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Parks_ForThePlatformAdmin_ListsEveryPark()
    {
        var client = await fixture.App.SignedInAsync(Roles.PlatformAdmin, 0);
        var body = await client.GetFromJsonAsync<JsonElement>("/api/v1/parks?pageSize=10", Ct);
        Assert.Equal(2, body.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Seats_ArePagedWithCodeAndStateOnTheDate()
    {
        var client = await fixture.App.SignedInAsync(Roles.ParkAdmin, 0);

        var body = await client.GetFromJsonAsync<JsonElement>($"/api/v1/parks/{fixture.DemoParkId}/seats?date=2027-01-15&page=2&pageSize=10", Ct);
        var outOfService = await client.GetFromJsonAsync<JsonElement>($"/api/v1/parks/{fixture.DemoParkId}/seats?date=2027-01-15&status=out_of_service", Ct);

        Assert.Equal(1200, body.GetProperty("total").GetInt32());
        var items = body.GetProperty("items");
        Assert.Equal(10, items.GetArrayLength());
        Assert.Equal("A-2F-Z1-011", items[0].GetProperty("code").GetString());
        Assert.Equal("free", items[0].GetProperty("state").GetString());
        Assert.True(outOfService.GetProperty("total").GetInt32() > 0);
        Assert.All(outOfService.GetProperty("items").EnumerateArray(), s => Assert.Equal("out_of_service", s.GetProperty("state").GetString()));
    }

    [Theory]
    [InlineData("date=2027-13-01")]
    [InlineData("status=sold")]
    public async Task Seats_WithBadFilters_AreRejected(string query)
    {
        var client = await fixture.App.SignedInAsync(Roles.ParkAdmin, 0);
        var response = await client.GetAsync($"/api/v1/parks/{fixture.DemoParkId}/seats?{query}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Availability_ReturnsRankedProposalsWithSeats()
    {
        var client = await fixture.App.SignedInAsync(Roles.GovReviewer, 0);

        var body = await client.GetFromJsonAsync<JsonElement>($"/api/v1/parks/{fixture.DemoParkId}/availability?count=12&from=2027-01-01&to=2028-01-01", Ct);

        var proposals = body.GetProperty("proposals");
        Assert.True(proposals.GetArrayLength() > 0);
        Assert.Equal(1, proposals[0].GetProperty("rank").GetInt32());
        Assert.Equal("SameZone", proposals[0].GetProperty("kind").GetString());
        Assert.Equal(12, proposals[0].GetProperty("seats").GetArrayLength());
    }

    [Fact]
    public async Task Availability_WithTheRangeReversed_SaysSoInTheCallersLanguage()
    {
        var client = await fixture.App.SignedInAsync(Roles.ParkAdmin, 0);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var response = await client.GetAsync($"/api/v1/parks/{fixture.DemoParkId}/availability?count=2&from=2027-06-01&to=2027-01-01", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("结束日期须晚于开始日期", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Availability_HonoursBuildingFloorTypeAndEquipmentParameters()
    {
        var client = await fixture.App.SignedInAsync(Roles.ParkAdmin, 0);
        var tree = (await fixture.App.Services.GetRequiredService<InventoryStore>().TreeAsync(AccessScope.System, fixture.DemoParkId, Ct))!;
        var b = tree.Buildings.Single(x => x.Code == "B").Id;
        var floor = tree.Floors.Single(f => f.BuildingCode == "A" && f.Level == 2).Id;
        async Task<JsonElement[]> SeatsAsync(string query) =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/v1/parks/{fixture.DemoParkId}/availability?from=2030-01-01&to=2030-02-01&{query}", Ct))
                .GetProperty("proposals").EnumerateArray().SelectMany(p => p.GetProperty("seats").EnumerateArray()).ToArray();

        var inB = await SeatsAsync($"count=3&buildingId={b}");
        var pci = await SeatsAsync("count=3&pciZone=true&pc=true&headset=1&phoneLine=true");
        var onFloor = await SeatsAsync($"count=4&floorId={floor}&seatType=team_lead&minMonitors=2");
        var none = await SeatsAsync("count=3&pc=false");

        Assert.NotEmpty(inB);
        Assert.All(inB, s => Assert.Equal("B", s.GetProperty("building").GetString()));
        Assert.NotEmpty(pci);
        Assert.All(pci, s => Assert.Equal(("B", "Z1"), (s.GetProperty("building").GetString(), s.GetProperty("zone").GetString()))); // the demo's PCI zones
        Assert.Equal(4, onFloor.Length); // the floor's four team-lead seats, one per zone
        Assert.All(onFloor, s => Assert.Equal(("A", "2F"), (s.GetProperty("building").GetString(), s.GetProperty("floor").GetString())));
        Assert.All(onFloor, s => Assert.EndsWith("-001", s.GetProperty("code").GetString(), StringComparison.Ordinal)); // team leads sit first in a zone
        Assert.Empty(none); // every demo seat has a PC
    }

    [Theory]
    [InlineData("en-US", "pc=maybe", "pc", "pc: use true or false.")]
    [InlineData("zh-CN", "headset=yes", "headset", "headset：须为 true 或 false。")]
    [InlineData("zh-CN", "buildingId=abc", "buildingId", "buildingId：须为正整数（编号）。")]
    [InlineData("en-US", "floorId=-3", "floorId", "floorId: use a positive whole number (an id).")]
    [InlineData("zh-CN", "minMonitors=many", "minMonitors", "minMonitors：须为整数。")]
    [InlineData("zh-CN", "minMonitors=9", "minMonitors", "显示器数量须为 0 至 4。")]
    [InlineData("en-US", "seatType=boss", "seatType", "\"boss\" is not a seat type.")]
    [InlineData("zh-CN", "count=ten", "count", "count：须为整数。")]
    public async Task Availability_WithABadParameter_IsRefusedInTheCallersLanguage(string language, string query, string field, string message)
    {
        var client = await fixture.App.SignedInAsync(Roles.ParkAdmin, 0);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var response = await client.GetAsync($"/api/v1/parks/{fixture.DemoParkId}/availability?from=2027-01-01&to=2027-06-01&{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(message, errors.GetProperty(field)[0].GetString());
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task OtherParksIds_ReadExactlyLikeMissingParks(string role, int index)
    {
        var client = await fixture.App.SignedInAsync(role, index);
        var ids = new[] { fixture.OtherParkId, fixture.DemoParkId - 1, fixture.DemoParkId + 1, 0, -1, long.MaxValue, 999_999_999 };
        foreach (var id in ids.Distinct())
        {
            foreach (var path in new[] { "seats", "availability?count=1&from=2027-01-01&to=2027-02-01" })
            {
                var response = await client.GetAsync($"/api/v1/parks/{id}/{path}", Ct);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{role} {id} {path}: {response.StatusCode}");
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/parks/{fixture.DemoParkId}/seats", Ct)).StatusCode);
    }

    [Fact]
    public async Task Export_ForATenant_IsForbidden_AndForAnAdminIsAnAttachment()
    {
        var tenant = await fixture.App.SignedInAsync(Roles.TenantUser, 0);
        var admin = await fixture.App.SignedInAsync(Roles.ParkAdmin, 0);

        var refused = await tenant.GetAsync($"/api/v1/parks/{fixture.DemoParkId}/seats/export", Ct);
        var other = await admin.GetAsync($"/api/v1/parks/{fixture.OtherParkId}/seats/export", Ct);
        var file = await admin.GetAsync($"/api/v1/parks/{fixture.DemoParkId}/seats/export", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(1201, (await file.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData(Roles.GovReviewer)]
    [InlineData(Roles.ParkAdmin)]
    public async Task ParkPages_OfAnotherPark_ShowNotFound(string role)
    {
        var client = await fixture.App.SignedInAsync(role, 0);
        foreach (var path in new[] { "", "/map", "/capacity", "/availability" })
        {
            var html = await client.GetStringAsync($"/parks/{fixture.OtherParkId}{path}", Ct);
            Assert.Contains("park-not-found", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("park-not-found", await client.GetStringAsync($"/parks/{fixture.DemoParkId}", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParkPage_ForAReviewer_OffersExportButNotImport()
    {
        var reviewer = await fixture.App.SignedInAsync(Roles.GovReviewer, 0);

        var html = await reviewer.GetStringAsync($"/parks/{fixture.DemoParkId}", Ct);
        var export = await reviewer.GetAsync($"/api/v1/parks/{fixture.DemoParkId}/seats/export", Ct);

        Assert.Contains("export-seats", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/seats/import", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
    }
}
