using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Coolify.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Proxy;

/// <summary>
/// Certificates users upload for a server's proxy (a company CA, a wildcard bought elsewhere): checked whole
/// before they are kept — the key belongs to the certificate, it is valid now, every name it covers is a plain
/// host name — then served for the hosts it names at the next apply, which follows at once.
/// </summary>
public sealed class ProxyCertificates(CoolifyDbContext db, ProxyService proxies, Audit.AuditLog audit, TimeProvider clock)
{
    private const int MaxPemLength = 100_000;

    public async Task<IReadOnlyList<ProxyCertificate>> ListAsync(TeamScope scope, string? serverUuid, CancellationToken cancellationToken)
    {
        var server = await scope.Servers.AsNoTracking().SingleOrDefaultAsync(s => s.Uuid == serverUuid, cancellationToken) ?? throw new NotFoundException();
        return await db.ProxyCertificates.AsNoTracking().Where(c => c.ServerId == server.Id).OrderBy(c => c.Id).ToListAsync(cancellationToken);
    }

    /// <exception cref="ValidationException">The certificate or key is unreadable, they do not match, or it is not valid now.</exception>
    public async Task<ProxyCertificate> UploadAsync(TeamScope scope, string? serverUuid, string? certificatePem, string? privateKeyPem, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var server = await scope.Servers.SingleOrDefaultAsync(s => s.Uuid == serverUuid, cancellationToken) ?? throw new NotFoundException();
        var certificate = Read(certificatePem, privateKeyPem, clock.GetUtcNow().UtcDateTime);
        certificate.ServerId = server.Id;
        db.ProxyCertificates.Add(certificate);
        audit.Add("proxy.certificate_uploaded", scope.Access.UserId, scope.Access.TeamId, $"{server.Name}: {certificate.Hosts} ({certificate.Fingerprint[..16]})");
        await db.SaveChangesAsync(cancellationToken);
        await proxies.ApplyAsync(server.Id, cancellationToken);
        return certificate;
    }

    public async Task DeleteAsync(TeamScope scope, string? serverUuid, string? certificateUuid, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var certificate = await scope.ProxyCertificates.Include(c => c.Server)
            .SingleOrDefaultAsync(c => c.Uuid == certificateUuid && c.Server!.Uuid == serverUuid, cancellationToken) ?? throw new NotFoundException();
        db.ProxyCertificates.Remove(certificate);
        audit.Add("proxy.certificate_deleted", scope.Access.UserId, scope.Access.TeamId, $"{certificate.Server!.Name}: {certificate.Hosts}");
        await db.SaveChangesAsync(cancellationToken);
        await proxies.ApplyAsync(certificate.ServerId, cancellationToken);
    }

    /// <summary>Reads and checks an upload: the leaf (first certificate), its chain, and the matching private key.</summary>
    internal static ProxyCertificate Read(string? certificatePem, string? privateKeyPem, DateTime now)
    {
        var rules = new InputRules();
        var chain = rules.Text("certificate", certificatePem, MaxPemLength)?.Trim();
        var key = rules.Text("private_key", privateKeyPem, MaxPemLength)?.Trim();
        if (string.IsNullOrEmpty(chain))
        {
            rules.Add("certificate", "The certificate is required (PEM, the server's certificate first, then its chain).");
        }

        if (string.IsNullOrEmpty(key))
        {
            rules.Add("private_key", "The private key is required (PEM).");
        }

        rules.ThrowIfInvalid();
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPem(chain);
        }
        catch (CryptographicException)
        {
            // An empty collection below says so.
        }

        if (certificates.Count == 0)
        {
            throw ValidationException.For("certificate", "The certificate must be in PEM form (-----BEGIN CERTIFICATE-----).");
        }

        X509Certificate2 leaf;
        try
        {
            leaf = X509Certificate2.CreateFromPem(certificates[0].ExportCertificatePem(), key);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            throw ValidationException.For("private_key", "The private key must be in PEM form and belong to the (first) certificate.");
        }

        using (leaf)
        {
            if (leaf.NotAfter.ToUniversalTime() <= now || leaf.NotBefore.ToUniversalTime() > now)
            {
                throw ValidationException.For("certificate", $"The certificate is not valid now (valid from {leaf.NotBefore.ToUniversalTime():u} to {leaf.NotAfter.ToUniversalTime():u}).");
            }

            var hosts = HostsOf(leaf);
            var bad = hosts.FirstOrDefault(h => !IsPlainHost(h));
            if (hosts.Count == 0 || bad is not null)
            {
                throw ValidationException.For("certificate", bad is null
                    ? "The certificate names no DNS host (subject alternative name)."
                    : $"The certificate names '{bad}', which is not a host name the proxy can serve.");
            }

            return new ProxyCertificate
            {
                Hosts = string.Join(',', hosts),
                CertificatePem = string.Concat(certificates.Select(c => c.ExportCertificatePem() + "\n")),
                PrivateKeyPem = key! + "\n",
                Issuer = leaf.Issuer,
                Subject = leaf.Subject,
                NotBefore = leaf.NotBefore.ToUniversalTime(),
                NotAfter = leaf.NotAfter.ToUniversalTime(),
                Fingerprint = leaf.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant(),
            };
        }
    }

    // DNS names from the subject alternative names, else the common name (older certificates).
    private static List<string> HostsOf(X509Certificate2 certificate)
    {
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(e => e.EnumerateDnsNames()).ToList();
        if (names.Count == 0 && certificate.GetNameInfo(X509NameType.DnsName, forIssuer: false) is { Length: > 0 } commonName)
        {
            names.Add(commonName);
        }

        return [.. names.Select(n => n.ToLowerInvariant()).Distinct(StringComparer.Ordinal)];
    }

    // The same rule as domains entered on resources; a wildcard covers one label.
    private static bool IsPlainHost(string host)
    {
        var name = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host;
        return ProxyDomain.TryParse("https://" + name, out var domain, out _) && domain.Host == name && CaddyConfig.IsToken(host);
    }
}
