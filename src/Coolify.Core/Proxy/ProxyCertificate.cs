using Coolify.Core.Common;
using Coolify.Core.Servers;

namespace Coolify.Core.Proxy;

/// <summary>
/// A certificate a user uploaded for a server's proxy: the HTTPS sites of the hosts it names are served with it
/// instead of one obtained over ACME.
/// </summary>
public class ProxyCertificate : Entity
{
    public int ServerId { get; set; }

    public Server? Server { get; set; }

    /// <summary>The DNS names the certificate is valid for, comma-separated (<c>*.example.com</c> covers one label).</summary>
    public required string Hosts { get; set; }

    /// <summary>The leaf certificate, then its chain, in PEM.</summary>
    public required string CertificatePem { get; set; }

    /// <summary>The private key in PEM; encrypted at rest, never returned by the API.</summary>
    [Encrypted]
    public required string PrivateKeyPem { get; set; }

    public required string Issuer { get; set; }

    public required string Subject { get; set; }

    public DateTime NotBefore { get; set; }

    public DateTime NotAfter { get; set; }

    /// <summary>SHA-256 of the leaf certificate, hex: what browsers show, to tell certificates apart.</summary>
    public required string Fingerprint { get; set; }

    public IReadOnlyList<string> HostList => Hosts.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
