using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Coolify.Core.Common;
using Coolify.Core.Proxy;

namespace Coolify.Core.Tests.Proxy;

/// <summary>What an upload must be before a proxy sees it: readable, its key its own, valid now, naming plain hosts.</summary>
public sealed class ProxyCertificatesTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Read_KeepsTheChainInOrder_TheNamesItCovers_AndTheFingerprint()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = new CertificateRequest("CN=Test CA", caKey, HashAlgorithmName.SHA256)
        {
            CertificateExtensions = { new X509BasicConstraintsExtension(true, false, 0, true) },
        }.CreateSelfSigned(Now.AddDays(-1), Now.AddYears(1));
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=example.com", leafKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(Names("example.com", "*.Example.com"));
        using var leaf = request.Create(ca, Now.AddDays(-1), Now.AddDays(90), [1, 2, 3]);

        var read = ProxyCertificates.Read(leaf.ExportCertificatePem() + "\n" + ca.ExportCertificatePem(), leafKey.ExportPkcs8PrivateKeyPem(), Now);

        Assert.Equal(["example.com", "*.example.com"], read.HostList);
        Assert.Equal("CN=Test CA", read.Issuer);
        Assert.True(read.CertificatePem.IndexOf(Base64Body(leaf), StringComparison.Ordinal) < read.CertificatePem.IndexOf(Base64Body(ca), StringComparison.Ordinal));
        Assert.Equal(leaf.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant(), read.Fingerprint);
        Assert.True(new ProxyCertificateFile(read.Uuid, read.HostList).Covers("api.example.com"));
        Assert.False(new ProxyCertificateFile(read.Uuid, read.HostList).Covers("a.b.example.com"));
    }

    [Fact]
    public void Read_RefusesAKeyOfAnotherCertificate_Garbage_AndCertificatesNotValidNow()
    {
        var (certificate, _) = SelfSigned("app.example.com", Now.AddDays(-1), Now.AddDays(30));
        var (_, otherKey) = SelfSigned("app.example.com", Now.AddDays(-1), Now.AddDays(30));
        var (expired, expiredKey) = SelfSigned("app.example.com", Now.AddDays(-60), Now.AddDays(-1));
        var (future, futureKey) = SelfSigned("app.example.com", Now.AddDays(1), Now.AddDays(60));

        Assert.Contains("private_key", Assert.Throws<ValidationException>(() => ProxyCertificates.Read(certificate, otherKey, Now)).Errors.Keys);
        Assert.Contains("certificate", Assert.Throws<ValidationException>(() => ProxyCertificates.Read("not a certificate", otherKey, Now)).Errors.Keys);
        Assert.Contains("private_key", Assert.Throws<ValidationException>(() => ProxyCertificates.Read(certificate, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", Now)).Errors.Keys);
        Assert.Contains("not valid now", Assert.Throws<ValidationException>(() => ProxyCertificates.Read(expired, expiredKey, Now)).Errors["certificate"][0], StringComparison.Ordinal);
        Assert.Contains("not valid now", Assert.Throws<ValidationException>(() => ProxyCertificates.Read(future, futureKey, Now)).Errors["certificate"][0], StringComparison.Ordinal);
        var missing = Assert.Throws<ValidationException>(() => ProxyCertificates.Read(null, null, Now));
        Assert.Equal(["certificate", "private_key"], missing.Errors.Keys.Order());
    }

    [Fact]
    public void Read_RefusesNamesThatAreNotPlainHostNames()
    {
        var (ip, ipKey) = SelfSigned(null, Now.AddDays(-1), Now.AddDays(30), ip: true);
        Assert.Contains("names no DNS host", Assert.Throws<ValidationException>(() => ProxyCertificates.Read(ip, ipKey, Now)).Errors["certificate"][0], StringComparison.Ordinal);

        var (underscored, underscoredKey) = SelfSigned("bad_name.example.com", Now.AddDays(-1), Now.AddDays(30));
        Assert.Contains("'bad_name.example.com'", Assert.Throws<ValidationException>(() => ProxyCertificates.Read(underscored, underscoredKey, Now)).Errors["certificate"][0], StringComparison.Ordinal);
    }

    private static X509Extension Names(params string[] hosts)
    {
        var names = new SubjectAlternativeNameBuilder();
        foreach (var host in hosts)
        {
            names.AddDnsName(host);
        }

        return names.Build();
    }

    private static (string Certificate, string Key) SelfSigned(string? host, DateTime from, DateTime to, bool ip = false)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(ip ? "O=No host" : $"O=Test", key, HashAlgorithmName.SHA256);
        if (ip)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(System.Net.IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }
        else
        {
            request.CertificateExtensions.Add(Names(host!));
        }

        using var certificate = request.CreateSelfSigned(from, to);
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    private static string Base64Body(X509Certificate2 certificate) => Convert.ToBase64String(certificate.RawData)[..40];
}
