using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Park.Domain.Access;

namespace Park.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ProfileJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task ChangingThePassword_EndsTheSession_AndOnlyTheNewPasswordSignsIn()
    {
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ParkUser>>();
            var user = new ParkUser { UserName = "rotate@park.demo", Email = "rotate@park.demo", DisplayName = "Rotate" };
            Assert.True((await users.CreateAsync(user, "first passphrase here")).Succeeded);
            await users.AddToRoleAsync(user, Roles.PlatformAdmin);
        }

        var page = await browser.NewPageAsync("en-US");
        try
        {
            await SignInAsync(page, "first passphrase here");
            await page.GotoAsync("/account/profile");
            await BrowserFixture.WaitInteractiveAsync(page);

            await page.Locator("[data-testid=current-password] input, input[data-testid=current-password]").FillAsync("not my password");
            await page.Locator("[data-testid=new-password] input, input[data-testid=new-password]").FillAsync("second passphrase here");
            await page.GetByTestId("change-password").ClickAsync();
            await Assertions.Expect(page.GetByText("The current password is wrong.")).ToBeVisibleAsync();

            await page.Locator("[data-testid=current-password] input, input[data-testid=current-password]").FillAsync("first passphrase here");
            await page.GetByTestId("change-password").ClickAsync();
            await page.WaitForURLAsync("**/account/signin?changed=1");
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password was changed");

            await page.Locator("#email").FillAsync("rotate@park.demo");
            await page.Locator("#password").FillAsync("first passphrase here");
            await page.Locator("button[type=submit]").ClickAsync();
            await Assertions.Expect(page.GetByTestId("signin-error")).ToBeVisibleAsync();

            await SignInAsync(page, "second passphrase here");
            await Assertions.Expect(page.GetByTestId("home-title")).ToHaveTextAsync("Platform overview");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task SignInAsync(IPage page, string password)
    {
        await page.GotoAsync("/account/signin");
        await page.Locator("#email").FillAsync("rotate@park.demo");
        await page.Locator("#password").FillAsync(password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/signin", StringComparison.Ordinal));
        await BrowserFixture.WaitInteractiveAsync(page);
    }
}
