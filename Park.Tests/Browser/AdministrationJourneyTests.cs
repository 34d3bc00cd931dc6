using Microsoft.Playwright;
using Park.Domain.Access;
using Park.Domain.Seeding;

namespace Park.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AdministrationJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task ParkAdmin_InvitesATenantUser_SeesTheGeneratedPassword_AndTheAuditTrailRecordsIt()
    {
        var page = await browser.NewPageAsync("en-US");
        try
        {
            await browser.SignInAsync(page, Roles.ParkAdmin);
            await page.GotoAsync("/admin/users");
            await BrowserFixture.WaitInteractiveAsync(page);
            await page.GetByTestId("add-user").ClickAsync();

            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.Locator("[data-testid=new-user-email] input, input[data-testid=new-user-email]").FillAsync("agent.lead@hengxintong.demo");
            await dialog.GetByLabel("Tenant USCC").FillAsync(DemoSeed.TenantUscc(0));
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

            var password = page.GetByTestId("generated-password");
            await Assertions.Expect(password).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$"));
            await BrowserFixture.ScreenshotAsync(page, "users-invite-en-US");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("users-grid")).ToContainTextAsync("agent.lead@hengxintong.demo");

            await page.GotoAsync("/admin/audit");
            await BrowserFixture.WaitInteractiveAsync(page);
            await Assertions.Expect(page.GetByTestId("audit-grid")).ToContainTextAsync("user.create");
            await Assertions.Expect(page.GetByTestId("audit-grid")).ToContainTextAsync("agent.lead@hengxintong.demo");
            await BrowserFixture.ScreenshotAsync(page, "audit-en-US");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task ParkAdmin_InvitingWithABadUscc_SeesTheFieldError_AndNobodyIsCreated()
    {
        var page = await browser.NewPageAsync("zh-CN");
        try
        {
            await browser.SignInAsync(page, Roles.ParkAdmin);
            await page.GotoAsync("/admin/users");
            await BrowserFixture.WaitInteractiveAsync(page);
            await page.GetByTestId("add-user").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.Locator("[data-testid=new-user-email] input, input[data-testid=new-user-email]").FillAsync("ghost@park.demo");
            await dialog.GetByLabel("企业统一社会信用代码").FillAsync("91350100M000100Y43");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

            await Assertions.Expect(dialog).ToContainTextAsync("您的园区内没有统一社会信用代码为 91350100M000100Y43 的企业");
            await BrowserFixture.ScreenshotAsync(page, "users-invite-error-zh-CN");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task TenantAdmin_InvitesAColleague_WhoJoinsTheSameCompany()
    {
        var page = await browser.NewPageAsync("zh-CN");
        try
        {
            await browser.SignInAsync(page, Roles.TenantUser, 0);
            await page.GotoAsync("/my/colleagues");
            await BrowserFixture.WaitInteractiveAsync(page);
            await page.GetByTestId("invite-colleague").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Assertions.Expect(dialog.GetByLabel("企业统一社会信用代码")).ToHaveCountAsync(0); // the tenant is implied
            await dialog.Locator("[data-testid=new-user-email] input, input[data-testid=new-user-email]").FillAsync("shift.lead@hengxintong.demo");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("generated-password")).ToBeVisibleAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "关闭" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("colleagues-grid")).ToContainTextAsync("shift.lead@hengxintong.demo");
            await BrowserFixture.ScreenshotAsync(page, "colleagues-zh-CN");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
