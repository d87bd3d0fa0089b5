using Coolify.Web.Tests.Support;
using Microsoft.Playwright;

namespace Coolify.Web.Tests.Browser;

/// <summary>The S3 Storages page in headless Chromium: a bad bucket explained at its field, a storage added and validated against s3rver.</summary>
public sealed class S3StoragesBrowserTests : BrowserTestBase
{
    private static readonly string? Endpoint = TestPlace.Image("COOLIFY_TEST_S3_ENDPOINT");

    [Fact]
    public async Task Storage_IsAdded_AndValidatedByARoundTrip()
    {
        Assert.SkipWhen(Endpoint is null, "no S3 server (run scripts/test.sh)");
        var page = await SignedInPageAsync("/storages");
        var form = page.GetByTestId("new-s3-storage");
        await form.GetByLabel("Name", new() { Exact = true }).FillAsync("backups");
        await form.GetByLabel("Endpoint", new() { Exact = true }).FillAsync(Endpoint!);
        await form.GetByLabel("Bucket", new() { Exact = true }).FillAsync("Bad_Bucket");
        await form.GetByLabel("Access key").FillAsync(Environment.GetEnvironmentVariable("COOLIFY_TEST_S3_KEY")!);
        await form.GetByLabel("Secret key").FillAsync(Environment.GetEnvironmentVariable("COOLIFY_TEST_S3_SECRET")!);
        await form.GetByRole(AriaRole.Button, new() { Name = "Add storage" }).ClickAsync();
        await Assertions.Expect(form.Locator(".field-error[data-field=bucket]")).ToBeVisibleAsync();

        await form.GetByLabel("Bucket", new() { Exact = true }).FillAsync(Environment.GetEnvironmentVariable("COOLIFY_TEST_S3_BUCKET")!);
        await form.GetByRole(AriaRole.Button, new() { Name = "Add storage" }).ClickAsync();
        var list = page.GetByTestId("s3-storages");
        await Assertions.Expect(list).ToContainTextAsync("not validated");

        await list.GetByRole(AriaRole.Button, new() { Name = "Validate backups" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("s3-message")).ToContainTextAsync("read back identical", new() { Timeout = 30_000 });
        await Assertions.Expect(list).ToContainTextAsync("usable");
        await page.ScreenshotAsync(new() { Path = Support.Browser.ScreenshotPath("s3-storages.png"), FullPage = true });
    }
}
