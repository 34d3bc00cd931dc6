using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Park.Domain.Access;
using Park.Domain.Contracts;
using Park.Domain.Data;
using Park.Tests.Browser;

namespace Park.Tests.Contracts;

[Collection(BrowserCollection.Name)]
public sealed class ContractBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task ParkAdmin_GeneratesPreviewsAndDownloads_ThenVerifyPageRecognisesTheFile()
    {
        var db = browser.App.Services.GetRequiredService<ParkDatabase>();
        var leaseId = await new ContractTestData(db) { SeatCount = 30, SeatOffset = 900, TenantIndex = 2, Number = "HZSV-BROWSER-1" }.InsertAsync();
        var page = await browser.NewPageAsync("zh-CN", 1400, 1000);
        try
        {
            await browser.SignInAsync(page, Roles.ParkAdmin);
            await page.GotoAsync($"/contracts/{leaseId}");
            await BrowserFixture.WaitInteractiveAsync(page);
            await page.GetByTestId("generate-zh").ClickAsync();
            var download = page.GetByTestId("download").First;
            // Rendering runs on a shared two-core machine: allow more than the default 20 s here.
            await download.WaitForAsync(new() { Timeout = 60_000 });
            await page.Locator("iframe").WaitForAsync(new() { Timeout = 60_000 });
            await BrowserFixture.ScreenshotAsync(page, "contract-versions-zh-CN");

            var file = await page.RunAndWaitForDownloadAsync(() => download.ClickAsync());
            var path = Path.Combine(Path.GetTempPath(), $"contract-{Guid.NewGuid():N}.pdf");
            await file.SaveAsAsync(path);
            var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
            var stored = (await browser.App.Services.GetRequiredService<ContractService>().ListAsync(AccessScope.System, leaseId, TestContext.Current.CancellationToken))[0];
            Assert.Equal(stored.Sha256, ContractService.Sha256Of(bytes));

            await page.GotoAsync("/verify");
            await BrowserFixture.WaitInteractiveAsync(page);
            await page.GetByTestId("verify-file").SetInputFilesAsync(path);
            await Assertions.Expect(page.GetByTestId("verify-result")).ToContainTextAsync("HZSV-BROWSER-1", new() { Timeout = 60_000 });
            await BrowserFixture.ScreenshotAsync(page, "contract-verify-zh-CN");
            File.Delete(path);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task ParkAdmin_StartsABatch_LeavesAndComesBack_SeesItCompleted()
    {
        var page = await browser.NewPageAsync("en-US", 1400, 900);
        try
        {
            await browser.SignInAsync(page, Roles.ParkAdmin);
            await page.GotoAsync("/contracts/batch");
            await BrowserFixture.WaitInteractiveAsync(page);
            await page.GetByTestId("batch-start").ClickAsync();
            await page.GetByTestId("batch-progress").WaitForAsync(new() { Timeout = 30_000 });

            // Leave while it runs (the circuit goes), then come back.
            await page.GotoAsync("/");
            await BrowserFixture.WaitInteractiveAsync(page);
            await page.GotoAsync("/contracts/batch");
            await BrowserFixture.WaitInteractiveAsync(page);
            await Assertions.Expect(page.Locator("[data-testid='batch-progress'][data-state='completed']")).ToBeVisibleAsync(new() { Timeout = 120_000 });
            await Assertions.Expect(page.GetByTestId("batch-progress")).ToContainTextAsync("0 failed");
            await BrowserFixture.ScreenshotAsync(page, "contract-batch-en-US");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
