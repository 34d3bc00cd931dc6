using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Park.Domain.Access;
using Park.Domain.Data;
using Park.Domain.Seeding;
using Park.Tests.Browser;

namespace Park.Tests.Leasing;

[Collection(BrowserCollection.Name)]
public sealed class LeaseRequestJourneyTests(BrowserFixture browser)
{
    // Two cores shared with the rest of the suite: the circuit can take longer than Playwright's 5 s default.
    private static readonly LocatorAssertionsToHaveTextOptions Slow = new() { Timeout = 20_000 };

    [Fact]
    public async Task TenantRequestsSeats_AdminAccepts_BothSeeAcceptedAndAnAmendmentAwaitsApproval()
    {
        await browser.App.AccountsAsync();
        long leaseId;
        await using (var c = await browser.App.Services.GetRequiredService<ParkDatabase>().OpenAsync(TestContext.Current.CancellationToken))
        {
            leaseId = await c.ExecuteScalarAsync<long>("""
                SELECT l.id FROM leases l JOIN tenants t ON t.id = l.tenant_id
                WHERE t.uscc = @Uscc AND l.status = 'signed' AND l.stage IN ('active', 'up_for_renewal')
                  AND NOT EXISTS (SELECT 1 FROM lease_versions v WHERE v.lease_id = l.id AND v.status IN ('draft', 'approved'))
                ORDER BY l.id LIMIT 1
                """, new { Uscc = DemoSeed.TenantUscc(0) });
        }

        var reason = "browser journey " + Guid.NewGuid().ToString("N")[..8];
        var tenant = await browser.NewPageAsync("zh-CN");
        try
        {
            await browser.SignInAsync(tenant, Roles.TenantUser, 0);
            await Assertions.Expect(tenant.GetByTestId("leasing-reminders")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await BrowserFixture.ScreenshotAsync(tenant, "leasing-tenant-home");
            await tenant.GotoAsync($"/leases/{leaseId}");
            await BrowserFixture.WaitInteractiveAsync(tenant);
            await tenant.GetByTestId("new-request").ClickAsync();
            await tenant.GetByTestId("request-reason").FillAsync(reason);
            await tenant.GetByTestId("request-send").ClickAsync();
            await Assertions.Expect(tenant.GetByTestId("request-send")).ToBeHiddenAsync(new() { Timeout = 20_000 });
            await tenant.ReloadAsync();
            await BrowserFixture.WaitInteractiveAsync(tenant);
            var row = tenant.Locator("tr", new() { HasText = reason });
            await Assertions.Expect(row.GetByTestId("request-status")).ToHaveTextAsync("待处理", Slow);
            await BrowserFixture.ScreenshotAsync(tenant, "lease-request-tenant-sent");

            var admin = await browser.NewPageAsync("zh-CN");
            try
            {
                await browser.SignInAsync(admin, Roles.ParkAdmin);
                await Assertions.Expect(admin.GetByTestId("renewal-reminder").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
                await BrowserFixture.ScreenshotAsync(admin, "leasing-admin-home");
                await admin.GotoAsync($"/leases/{leaseId}");
                await BrowserFixture.WaitInteractiveAsync(admin);
                var adminRow = admin.Locator("tr", new() { HasText = reason });
                await adminRow.GetByTestId("request-accept").ClickAsync();
                await Assertions.Expect(adminRow.GetByTestId("request-status")).ToHaveTextAsync("已接受", Slow);
                await Assertions.Expect(admin.GetByTestId("approve")).ToBeVisibleAsync(new() { Timeout = 20_000 });
                await BrowserFixture.ScreenshotAsync(admin, "lease-request-admin-accepted");
            }
            finally
            {
                await admin.Context.CloseAsync();
            }

            await tenant.ReloadAsync();
            await BrowserFixture.WaitInteractiveAsync(tenant);
            await Assertions.Expect(tenant.Locator("tr", new() { HasText = reason }).GetByTestId("request-status")).ToHaveTextAsync("已接受", Slow);
        }
        finally
        {
            await tenant.Context.CloseAsync();
        }
    }
}
