using Microsoft.Playwright;

namespace Coolify.Web.Tests.Support;

/// <summary>Debian's headless Chromium driven by Playwright; no browser download.</summary>
public static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            if (Environment.GetEnvironmentVariable("COOLIFY_TEST_STRICT") == "1")
            {
                throw new InvalidOperationException($"{ChromiumPath} is missing: scripts/test.sh installs Debian's chromium package.");
            }

            Assert.Skip($"{ChromiumPath} is not installed; scripts/test.sh installs it.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
        return (playwright, browser);
    }

    /// <summary>Where screenshots go, for people to look at what the tests saw.</summary>
    public static string ScreenshotPath(string name)
    {
        var directory = Environment.GetEnvironmentVariable("COOLIFY_TEST_ARTIFACTS") ?? Path.Combine(Path.GetTempPath(), "coolify-test-artifacts");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }
}
