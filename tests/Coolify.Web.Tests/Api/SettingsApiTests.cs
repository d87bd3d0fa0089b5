using System.Net;
using System.Net.Http.Json;
using Coolify.Core.Teams;
using Coolify.Web.Tests.Support;

namespace Coolify.Web.Tests.Api;

/// <summary>The Settings page's API routes, as an instance admin's script would use them.</summary>
public sealed class SettingsApiTests(CoolifyWebFactory factory) : IClassFixture<CoolifyWebFactory>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Settings_ChangeInPart_AndRefuseBadInputWith422()
    {
        using var admin = await AdminClientAsync(Abilities.Root);

        using var changed = await admin.PatchAsJsonAsync("/api/v1/settings", new { is_registration_enabled = false, instance_name = "Prod Cloud" }, Token);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var body = await changed.Content.ReadAsStringAsync(Token);
        Assert.Contains("\"is_registration_enabled\":false", body, StringComparison.Ordinal);
        Assert.Contains("\"instance_name\":\"Prod Cloud\"", body, StringComparison.Ordinal);
        Assert.Contains("\"is_api_enabled\":true", body, StringComparison.Ordinal); // untouched

        using var bad = await admin.PatchAsJsonAsync("/api/v1/settings", new { allowed_ips = "not-an-ip" }, Token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("\"allowed_ips\"", await bad.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);

        // Values that end up in every proxy's configuration: refused whole when they could break out of it.
        using var hostileAcme = await admin.PatchAsJsonAsync("/api/v1/settings", new
        {
            acme_directory_url = "https://acme.example.com/{dir}", acme_email = "ops#x@example.com", acme_ca_root = "not a certificate",
        }, Token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, hostileAcme.StatusCode);
        var acmeErrors = await hostileAcme.Content.ReadAsStringAsync(Token);
        Assert.Contains("\"acme_directory_url\"", acmeErrors, StringComparison.Ordinal);
        Assert.Contains("\"acme_email\"", acmeErrors, StringComparison.Ordinal);
        Assert.Contains("\"acme_ca_root\"", acmeErrors, StringComparison.Ordinal);

        // The instance's domain goes into the host's proxy configuration too: the domain rule of applications, no path or port.
        foreach (var fqdn in new[] { "https://coolify.example.com/admin", "https://coolify.example.com:8443", "https://coo;lify.example.com", "https://cооlify.example.com", "ftp://coolify.example.com" })
        {
            using var hostileFqdn = await admin.PatchAsJsonAsync("/api/v1/settings", new { fqdn }, Token);
            Assert.True(hostileFqdn.StatusCode == HttpStatusCode.UnprocessableEntity, fqdn);
            Assert.Contains("\"fqdn\"", await hostileFqdn.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }

        // Put back what other tests of this host expect.
        (await admin.PatchAsJsonAsync("/api/v1/settings", new { is_registration_enabled = true }, Token)).Dispose();
    }

    [Fact]
    public async Task LoginProvider_SecretIsWriteOnly()
    {
        using var admin = await AdminClientAsync(Abilities.Root);

        using var response = await admin.PatchAsJsonAsync("/api/v1/settings/login-providers/gitlab",
            new { enabled = true, client_id = "app-id", client_secret = "write-only-s3cret" }, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.Contains("\"has_client_secret\":true", body, StringComparison.Ordinal);
        Assert.DoesNotContain("write-only-s3cret", body, StringComparison.Ordinal);
        Assert.DoesNotContain("write-only-s3cret", await admin.GetStringAsync("/api/v1/settings/login-providers", Token), StringComparison.Ordinal);
        using var unknown = await admin.PatchAsJsonAsync("/api/v1/settings/login-providers/myspace", new { enabled = true }, Token);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task AuditLog_NeedsReadSensitive()
    {
        using var reader = await AdminClientAsync(Abilities.Read);
        using var sensitive = await AdminClientAsync(Abilities.ReadSensitive);

        using var refused = await reader.GetAsync("/api/v1/audit-log", Token);
        var events = await sensitive.GetStringAsync("/api/v1/audit-log?limit=50", Token);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("\"action\":\"account.registered_admin\"", events, StringComparison.Ordinal);
    }

    private async Task<HttpClient> AdminClientAsync(params string[] abilities)
    {
        var admin = await factory.InstanceAdminAsync();
        return factory.CreateApiClient(await factory.CreateTokenAsync(admin, await factory.TeamIdOfAsync(admin), abilities));
    }
}
