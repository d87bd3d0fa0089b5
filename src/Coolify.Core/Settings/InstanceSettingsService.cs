using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Coolify.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Settings;

/// <summary>The instance's settings: readable by everyone signed in, changed only by instance admins.</summary>
public sealed class InstanceSettingsService(CoolifyDbContext db, Audit.AuditLog audit, Proxy.ProxyService proxies)
{
    public Task<InstanceSettings> GetAsync(CancellationToken cancellationToken) =>
        db.InstanceSettings.AsNoTracking().SingleAsync(cancellationToken);

    /// <exception cref="ForbiddenException">The caller does not administer the instance.</exception>
    /// <exception cref="ValidationException">A value is invalid; nothing is saved.</exception>
    public async Task UpdateAsync(TeamAccess access, InstanceSettingsChange change, CancellationToken cancellationToken)
    {
        if (!access.IsInstanceAdmin)
        {
            throw new ForbiddenException("Only instance administrators (admins of the root team) can change instance settings.");
        }

        var rules = new InputRules();
        var name = string.IsNullOrWhiteSpace(change.InstanceName) ? null : rules.Name("instance_name", change.InstanceName);
        var fqdn = string.IsNullOrWhiteSpace(change.Fqdn) ? null : change.Fqdn.Trim();
        // The proxy of the host serves it (ControlPlaneEndpoint): the same strict rule as applications' domains, no path.
        if (fqdn is not null && !(Proxy.ProxyDomain.TryParse(fqdn, out var domain, out _) && domain is { Path: "/", Port: null }))
        {
            rules.Add("fqdn", "The instance's domain must be a URL like https://coolify.example.com (no path, no port).");
        }

        var allowedIps = NormalizeAllowedIps(change.AllowedIps, rules);
        var acmeDirectory = change.AcmeDirectoryUrl is null ? null : rules.HttpUrl("acme_directory_url", change.AcmeDirectoryUrl);
        if (acmeDirectory is not null && (!acmeDirectory.StartsWith("https://", StringComparison.Ordinal) || !Proxy.CaddyConfig.IsToken(acmeDirectory)))
        {
            rules.Add("acme_directory_url", "The ACME directory must be an https URL without spaces, quotes or braces.");
        }

        // Both go into every proxy's configuration: one plain token each, or refused here (never a broken proxy).
        var acmeEmail = string.IsNullOrWhiteSpace(change.AcmeEmail) ? null : rules.Email("acme_email", change.AcmeEmail);
        if (acmeEmail is not null && !Proxy.CaddyConfig.IsToken(acmeEmail))
        {
            rules.Add("acme_email", "The ACME e-mail must be a plain address, without spaces or quotes.");
        }

        var acmeCaRoot = string.IsNullOrWhiteSpace(change.AcmeCaRoot) ? null : CertificatePem(rules, change.AcmeCaRoot);
        rules.ThrowIfInvalid();

        var settings = await db.InstanceSettings.SingleAsync(cancellationToken);
        var proxied = (settings.Fqdn, settings.AcmeDirectoryUrl, settings.AcmeEmail, settings.AcmeCaRoot);
        settings.InstanceName = name;
        settings.Fqdn = fqdn;
        settings.IsRegistrationEnabled = change.IsRegistrationEnabled;
        settings.IsApiEnabled = change.IsApiEnabled;
        settings.AllowedIps = allowedIps;
        settings.DisableTwoStepConfirmation = change.DisableTwoStepConfirmation;
        settings.AcmeDirectoryUrl = change.AcmeDirectoryUrl is null ? settings.AcmeDirectoryUrl : acmeDirectory;
        settings.AcmeEmail = change.AcmeEmail is null ? settings.AcmeEmail : acmeEmail;
        settings.AcmeCaRoot = change.AcmeCaRoot is null ? settings.AcmeCaRoot : acmeCaRoot;
        audit.Add("settings.changed", access.UserId, access.TeamId,
            $"registration {(change.IsRegistrationEnabled ? "on" : "off")}, api {(change.IsApiEnabled ? "on" : "off")}, allowed ips {allowedIps ?? "any"}");
        await db.SaveChangesAsync(cancellationToken);
        if (proxied != (settings.Fqdn, settings.AcmeDirectoryUrl, settings.AcmeEmail, settings.AcmeCaRoot))
        {
            // The instance's domain and the ACME settings are in every proxy's configuration.
            await proxies.ApplyEveryServerAsync(cancellationToken);
        }
    }

    // One certificate in PEM, read back from its own bytes: anything else never reaches a proxy.
    private static string CertificatePem(InputRules rules, string value)
    {
        try
        {
            using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(value.Trim());
            return certificate.ExportCertificatePem() + "\n";
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            rules.Add("acme_ca_root", "The ACME CA certificate must be one certificate in PEM form (-----BEGIN CERTIFICATE-----).");
            return value;
        }
    }

    private static string? NormalizeAllowedIps(string? value, InputRules rules)
    {
        var entries = IpRanges.Entries(value);
        foreach (var entry in entries)
        {
            if (!IpRanges.TryParse(entry, out _))
            {
                rules.Add("allowed_ips", $"'{entry}' is neither an IP address nor a CIDR range.");
            }
        }

        return entries.Count == 0 ? null : string.Join(',', entries);
    }
}
