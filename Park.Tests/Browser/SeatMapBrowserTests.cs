using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;
using Park.Domain.Inventory;

namespace Park.Tests.Browser;

/// <summary>
/// The seat map in Chromium: clicking and dragging select seats and the count shows it; screenshots
/// in both languages. Uses its own park (seen by the platform admin) so no other test's seats move.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SeatMapBrowserTests(BrowserFixture browser)
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static (long Park, long Floor)? _arranged;

    [Theory]
    [InlineData("zh-CN", "已选 2 个", "已选 12 个")]
    [InlineData("en-US", "2 selected", "12 selected")]
    public async Task ClickingAndDraggingSeats_ShowsTheSelectionCount(string locale, string two, string twelve)
    {
        var (park, floor) = await ArrangeAsync();
        var page = await browser.NewPageAsync(locale, 1400, 1000);
        try
        {
            await browser.SignInAsync(page, Roles.PlatformAdmin);
            await page.GotoAsync($"/parks/{park}/map?floor={floor}");
            await BrowserFixture.WaitInteractiveAsync(page);
            var count = page.GetByTestId("selection-count");

            await page.Locator("rect[data-code='M-1F-Z1-015']").ClickAsync();
            await page.Locator("rect[data-code='M-1F-Z1-016']").ClickAsync();
            await Assertions.Expect(count).ToHaveTextAsync(two);
            await Assertions.Expect(page.GetByTestId("start-lease")).ToBeVisibleAsync();
            await BrowserFixture.ScreenshotAsync(page, $"seatmap-click-{locale}");

            // Drag a rectangle around the first two rows' first six seats (rows at y 30 and 62, columns 24 apart from x 40).
            var first = await page.Locator("rect[data-code='M-1F-Z1-001']").BoundingBoxAsync();
            var last = await page.Locator("rect[data-code='M-1F-Z1-016']").BoundingBoxAsync();
            await page.Mouse.MoveAsync(first!.X - 4, first.Y - 4);
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync((first.X + last!.X) / 2, (first.Y + last.Y) / 2, new() { Steps = 4 });
            await page.Mouse.MoveAsync(last.X + last.Width + 4, last.Y + last.Height + 4, new() { Steps = 4 });
            await page.Mouse.UpAsync();
            await Assertions.Expect(count).ToHaveTextAsync(twelve);
            await BrowserFixture.ScreenshotAsync(page, $"seatmap-{locale}");

            await page.GetByTestId("start-lease").ClickAsync();
            // The URL is the assertion; the draft page's own load is not (it may be slow on a loaded machine).
            await page.WaitForURLAsync(url => url.Contains("/leases/new?park=", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
            Assert.Contains($"park={park}&seats=", page.Url, StringComparison.Ordinal);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task ParkAdmin_SeesTheParkPages_AndAReviewerSeesCapacityReadOnly()
    {
        var page = await browser.NewPageAsync("zh-CN", 1400, 1000);
        try
        {
            await browser.SignInAsync(page, Roles.ParkAdmin);
            await page.GotoAsync("/parks");
            await BrowserFixture.WaitInteractiveAsync(page);
            await page.GetByTestId("park-link").First.ClickAsync();
            await Assertions.Expect(page.GetByTestId("building-A")).ToBeVisibleAsync();
            await BrowserFixture.ScreenshotAsync(page, "park-detail-zh-CN");
            var parkPath = new Uri(page.Url).AbsolutePath;

            await page.GotoAsync(parkPath + "/capacity");
            await Assertions.Expect(page.GetByTestId("capacity-chart")).ToBeVisibleAsync();
            await BrowserFixture.ScreenshotAsync(page, "capacity-zh-CN");

            await page.GotoAsync(parkPath + "/availability");
            await BrowserFixture.WaitInteractiveAsync(page);
            await page.GetByTestId("find").ClickAsync();
            await Assertions.Expect(page.GetByTestId("proposal").First).ToBeVisibleAsync();
            await BrowserFixture.ScreenshotAsync(page, "availability-zh-CN");
        }
        finally
        {
            await page.Context.CloseAsync();
        }

        var reviewer = await browser.NewPageAsync("en-US", 1400, 1000);
        try
        {
            await browser.SignInAsync(reviewer, Roles.GovReviewer);
            await reviewer.GotoAsync("/parks");
            await BrowserFixture.WaitInteractiveAsync(reviewer);
            await reviewer.GetByTestId("park-link").First.ClickAsync();
            await reviewer.WaitForURLAsync(url => url.Contains("/parks/", StringComparison.Ordinal));
            await reviewer.GotoAsync(new Uri(reviewer.Url).AbsolutePath + "/capacity");
            await Assertions.Expect(reviewer.GetByTestId("read-only")).ToBeVisibleAsync();
            await Assertions.Expect(reviewer.GetByTestId("add-phase")).ToHaveCountAsync(0);
            await BrowserFixture.ScreenshotAsync(reviewer, "capacity-reviewer-en-US");
        }
        finally
        {
            await reviewer.Context.CloseAsync();
        }
    }

    /// <summary>A 6 × 10 floor with three tenants' leases, a draft reservation and seats out of service.</summary>
    private async Task<(long Park, long Floor)> ArrangeAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_arranged is { } done)
            {
                return done;
            }

            var services = browser.App.Services;
            var s = AccessScope.System;
            var a = AuditActor.Cli;
            var park = (await services.GetRequiredService<ParkStore>().CreateAsync(new NewPark("BR-MAP", "座席图测试园区", "Seat map test park", "杭州", "", "", "", null), s, a)).Value;
            var inventory = services.GetRequiredService<InventoryService>();
            var building = (await inventory.SaveBuildingAsync(s, a, park, null, new BuildingInput("M", "M 座"))).Value;
            var floor = (await inventory.SaveFloorAsync(s, a, null, new FloorInput(building, 1, "1F", 300, 230))).Value;
            var zone = (await inventory.SaveZoneAsync(s, a, null, new ZoneInput(floor, "Z1", "1 区"))).Value;
            await inventory.GenerateGridAsync(s, a, zone, new GridSpec(SeatCodePattern.Default, 6, 10, 40, 30, 24, 32));
            await using var c = await services.GetRequiredService<ParkDatabase>().OpenAsync();
            var seats = (await c.QueryAsync<long>("SELECT id FROM seats WHERE park_id = @Park ORDER BY code", new { Park = park })).ToArray();
            string[] names = ["杭州恒星呼叫服务有限公司", "浙江海潮客服外包有限公司", "杭州远航数据服务有限公司"];
            for (var t = 0; t < names.Length; t++)
            {
                var tenant = await c.ExecuteScalarAsync<long>("""
                    INSERT INTO tenants (park_id, uscc, name_zh, name_en, created_at) VALUES (@Park, @Uscc, @Name, @Name, '2026-01-01') RETURNING id
                    """, new { Park = park, Uscc = $"91330105MA2{t:0}XXXXX{t}", Name = names[t] });
                await HoldAsync(c, park, tenant, $"BR-{t}", "held", seats.Skip(20 + (t * 12)).Take(10));
            }

            var draftTenant = await c.ExecuteScalarAsync<long>("SELECT id FROM tenants WHERE park_id = @Park ORDER BY id LIMIT 1", new { Park = park });
            await HoldAsync(c, park, draftTenant, "BR-DRAFT", "reserved", seats.Skip(56).Take(4));
            await inventory.SetStatusAsync(s, a, park, new StatusChange([seats[10], seats[11]], ServiceStatuses.Maintenance, new DateOnly(2026, 1, 1), null));
            _arranged = (park, floor);
            return (park, floor);
        }
        finally
        {
            Once.Release();
        }
    }

    private static async Task HoldAsync(Microsoft.Data.Sqlite.SqliteConnection c, long park, long tenant, string number, string kind, IEnumerable<long> seats)
    {
        var lease = await c.ExecuteScalarAsync<long>("""
            INSERT INTO leases (park_id, tenant_id, number, status, start_date, end_date, created_at, updated_at)
            VALUES (@Park, @Tenant, @Number, @Status, '2026-01-01', '2028-01-01', '2026-01-01', '2026-01-01') RETURNING id
            """, new { Park = park, Tenant = tenant, Number = number, Status = kind == "held" ? "signed" : "draft" });
        var version = await c.ExecuteScalarAsync<long>("""
            INSERT INTO lease_versions (lease_id, version_no, kind, status, effective_from, start_date, end_date, monthly_price_fen, created_at)
            VALUES (@Lease, 1, 'original', 'signed', '2026-01-01', '2026-01-01', '2028-01-01', 60000, '2026-01-01') RETURNING id
            """, new { Lease = lease });
        foreach (var seat in seats)
        {
            await c.ExecuteAsync("""
                INSERT INTO seat_holds (seat_id, park_id, tenant_id, lease_id, lease_version_id, kind, start_date, end_date)
                VALUES (@Seat, @Park, @Tenant, @Lease, @Version, @Kind, '2026-01-01', '2028-01-01')
                """, new { Seat = seat, Park = park, Tenant = tenant, Lease = lease, Version = version, Kind = kind });
        }
    }
}
