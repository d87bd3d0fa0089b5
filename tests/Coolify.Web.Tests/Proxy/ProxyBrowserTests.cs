using Coolify.Web.Tests.Browser;
using Coolify.Web.Tests.Support;
using Microsoft.Playwright;

namespace Coolify.Web.Tests.Proxy;

/// <summary>The server's Proxy section in headless Chromium: start, a refused configuration explained, stop.</summary>
[Collection(ProxyCollection.Name)]
public sealed class ProxyBrowserTests : BrowserTestBase
{
    private static readonly string? CaddyImage = TestPlace.Image("COOLIFY_TEST_CADDY_IMAGE");

    protected override IReadOnlyDictionary<string, string?> HostSettings =>
        new Dictionary<string, string?> { ["COOLIFY_PROXY_IMAGE_CADDY"] = CaddyImage };

    [Fact]
    public async Task ProxySection_StartsTheProxy_ExplainsARefusedConfiguration_AndStopsIt()
    {
        Assert.SkipWhen(CaddyImage is null, "no test image (run scripts/test.sh)");
        var page = await SignedInPageAsync("/servers");
        await page.GetByRole(AriaRole.Link, new() { Name = "localhost" }).First.ClickAsync();
        await page.Locator(".shell[data-interactive=true]").WaitForAsync();
        var proxy = page.GetByTestId("server-proxy");
        try
        {
            await proxy.GetByRole(AriaRole.Button, new() { Name = "Start proxy", Exact = true }).ClickAsync();
            await Assertions.Expect(proxy.GetByTestId("proxy-message")).ToHaveTextAsync("Proxy started.", new() { Timeout = 60_000 });
            await Assertions.Expect(proxy.GetByTestId("proxy-status")).ToHaveTextAsync("running");
            await Assertions.Expect(proxy.GetByTestId("proxy-applied")).ToContainTextAsync("No application is served at this address.");

            // Caddy's own validator explains what is wrong, at the field; nothing changes.
            var configuration = proxy.GetByTestId("proxy-configuration");
            await configuration.GetByLabel("Additional configuration").FillAsync("http://extra.coolify.test {\n\treverse_proxy\n");
            await configuration.GetByRole(AriaRole.Button, new() { Name = "Check and save configuration" }).ClickAsync();
            await Assertions.Expect(configuration.Locator(".field-error[data-field=configuration]")).ToContainTextAsync("refused", new() { Timeout = 30_000 });
            await Assertions.Expect(proxy.GetByTestId("proxy-applied")).Not.ToContainTextAsync("extra.coolify.test");
            await Assertions.Expect(configuration.GetByLabel("Additional configuration")).ToHaveValueAsync("http://extra.coolify.test {\n\treverse_proxy\n");
            await page.ScreenshotAsync(new() { Path = Support.Browser.ScreenshotPath("server-proxy.png"), FullPage = true });

            await proxy.GetByRole(AriaRole.Button, new() { Name = "Stop proxy", Exact = true }).ClickAsync();
            await Assertions.Expect(proxy.GetByTestId("proxy-status")).ToHaveTextAsync("exited", new() { Timeout = 30_000 });

            // The type switch: none takes the proxy off this server (its actions go with it), caddy brings them back.
            var settings = proxy.GetByTestId("proxy-settings");
            await settings.GetByLabel("Proxy type").SelectOptionAsync("none");
            await settings.GetByRole(AriaRole.Button, new() { Name = "Save proxy settings" }).ClickAsync();
            await Assertions.Expect(proxy.GetByRole(AriaRole.Button, new() { Name = "Start proxy", Exact = true })).ToHaveCountAsync(0);
            await settings.GetByLabel("Proxy type").SelectOptionAsync("caddy");
            await settings.GetByRole(AriaRole.Button, new() { Name = "Save proxy settings" }).ClickAsync();
            await Assertions.Expect(proxy.GetByRole(AriaRole.Button, new() { Name = "Start proxy", Exact = true })).ToBeVisibleAsync();

            // Ports are checked at the field.
            await settings.GetByLabel("HTTPS port").FillAsync("80");
            await settings.GetByRole(AriaRole.Button, new() { Name = "Save proxy settings" }).ClickAsync();
            await Assertions.Expect(settings.Locator(".field-error[data-field=https_port]")).ToContainTextAsync("two different ports");

            // Custom certificates: a broken one is explained at its field, a good one is listed by the names it covers, then deleted.
            var certificates = page.GetByTestId("proxy-certificates");
            var upload = certificates.GetByTestId("certificate-upload");
            await upload.GetByLabel("Certificate (PEM").FillAsync("not a certificate");
            await upload.GetByLabel("Private key (PEM)").FillAsync("not a key");
            await upload.GetByRole(AriaRole.Button, new() { Name = "Upload certificate" }).ClickAsync();
            await Assertions.Expect(upload.Locator(".field-error[data-field=certificate]")).ToContainTextAsync("PEM form");

            var (certificate, key) = ProxyScenario.SelfSignedCertificate("browser-upload.coolify.test");
            await upload.GetByLabel("Certificate (PEM").FillAsync(certificate);
            await upload.GetByLabel("Private key (PEM)").FillAsync(key);
            await upload.GetByRole(AriaRole.Button, new() { Name = "Upload certificate" }).ClickAsync();
            await Assertions.Expect(certificates.GetByTestId("certificate-list")).ToContainTextAsync("browser-upload.coolify.test");
            await Assertions.Expect(upload.GetByLabel("Private key (PEM)")).ToHaveValueAsync(string.Empty);
            await certificates.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
            await Assertions.Expect(certificates.GetByTestId("certificate-list")).ToHaveTextAsync("None uploaded.");
        }
        finally
        {
            await new Coolify.Infrastructure.Servers.LocalServerShell().RunAsync(
                Coolify.Core.Commands.ShellCommand.Of("docker", "rm", "-f", "coolify-proxy"), cancellationToken: CancellationToken.None);
        }
    }
}
