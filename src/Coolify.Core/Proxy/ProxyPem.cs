using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Coolify.Core.Proxy;

/// <summary>Reading certificates a proxy keeps (PEM text from its files).</summary>
internal static class ProxyPem
{
    private const string Begin = "-----BEGIN CERTIFICATE-----";
    private const string End = "-----END CERTIFICATE-----";

    /// <summary>The first certificate in <paramref name="pem"/> (the leaf of a chain), or null when there is none readable.</summary>
    public static X509Certificate2? FirstCertificate(string pem)
    {
        var start = pem.IndexOf(Begin, StringComparison.Ordinal);
        var end = pem.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            return null;
        }

        try
        {
            return X509Certificate2.CreateFromPem(pem.AsSpan(start, end + End.Length - start));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
