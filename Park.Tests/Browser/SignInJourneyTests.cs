using Microsoft.Playwright;
using Park.Domain.Access;

namespace Park.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SignInJourneyTests(BrowserFixture browser)
{
    public static TheoryData<string, int, string> Roles_ => new()
    {
        { Roles.PlatformAdmin, 0, "平台概览" },
        { Roles.ParkAdmin, 0, "园区管理" },
        { Roles.TenantUser, 0, "企业自助服务" },
        { Roles.GovReviewer, 0, "政府审核" },
    };

    [Theory]
    [MemberData(nameof(Roles_))]
    public async Task EachRole_SignsIn_SeesItsHome_AndSwitchesToEnglish(string role, int index, string chineseTitle)
    {
        var page = await browser.NewPageAsync("zh-CN");
        try
        {
            await browser.SignInAsync(page, role, index);
            var title = page.GetByTestId("home-title");
            await Assertions.Expect(title).ToHaveTextAsync(chineseTitle);
            await BrowserFixture.ScreenshotAsync(page, $"home-{role}-zh-CN");

            await page.GetByTestId("language-menu").ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "English" }).ClickAsync();
            await page.WaitForURLAsync("**/");
            await BrowserFixture.WaitInteractiveAsync(page);
            await Assertions.Expect(title).Not.ToHaveTextAsync(chineseTitle);
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Home" })).ToBeVisibleAsync();
            await BrowserFixture.ScreenshotAsync(page, $"home-{role}-en-US");

            // The choice is remembered per user; switch back so the shared demo users stay Chinese for other tests.
            await page.GetByTestId("language-menu").ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "中文" }).ClickAsync();
            await BrowserFixture.WaitInteractiveAsync(page);
            await Assertions.Expect(title).ToHaveTextAsync(chineseTitle);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task WrongPassword_ShowsLocalizedError_AndStaysOnSignIn()
    {
        var page = await browser.NewPageAsync("en-US");
        try
        {
            await page.GotoAsync("/account/signin");
            await page.Locator("#email").FillAsync("parkadmin@park.demo");
            await page.Locator("#password").FillAsync("not-the-password-at-all");
            await page.Locator("button[type=submit]").ClickAsync();
            await Assertions.Expect(page.GetByTestId("signin-error")).ToHaveTextAsync("E-mail or password is wrong.");
            Assert.Contains("/account/signin", page.Url, StringComparison.Ordinal);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
