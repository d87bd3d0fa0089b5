using System.Security.Cryptography;
using System.Text;
using Coolify.Core.Common;
using Coolify.Core.Security;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Utilities;
using Org.BouncyCastle.Security;
using Renci.SshNet;
using Renci.SshNet.Security;

namespace Coolify.Infrastructure.Servers.Ssh;

/// <summary>Keys read with SSH.NET (what connects with them later) and made with BouncyCastle (ed25519) or .NET (RSA).</summary>
public sealed class SshKeys : ISshKeys
{
    public SshKeyInfo Inspect(string privateKey)
    {
        try
        {
            using var file = new PrivateKeyFile(new MemoryStream(Encoding.UTF8.GetBytes(privateKey)));
            var algorithm = file.HostKeyAlgorithms.OfType<KeyHostAlgorithm>().First();
            // The public key blob in SSH wire format: what authorized_keys holds and the fingerprint hashes.
            var blob = algorithm.Data;
            var name = algorithm.Key.ToString();
            return new SshKeyInfo($"{name} {Convert.ToBase64String(blob)}", "SHA256:" + Convert.ToBase64String(SHA256.HashData(blob)).TrimEnd('='));
        }
        // Parsing untrusted text: whatever the library throws about it means "not a usable key" (a 422, never a 500).
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            throw ValidationException.For("private_key", ex.Message.Contains("passphrase", StringComparison.OrdinalIgnoreCase)
                ? "This private key is protected by a passphrase; remove it first (ssh-keygen -p -N '' -f KEY)."
                : "This is not a valid OpenSSH or PEM private key.");
        }
    }

    public string Generate(SshKeyAlgorithm algorithm, string comment) => algorithm switch
    {
        SshKeyAlgorithm.Ed25519 => GenerateEd25519(comment),
        SshKeyAlgorithm.Rsa4096 => GenerateRsa(),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    private static string GenerateEd25519(string comment)
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        var blob = OpenSshPrivateKeyUtilities.EncodePrivateKey(pair.Private);
        _ = comment; // BouncyCastle writes an empty comment; the key's name in Coolify says what it is for.
        return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + Wrap(Convert.ToBase64String(blob)) + "-----END OPENSSH PRIVATE KEY-----\n";
    }

    private static string GenerateRsa()
    {
        using var rsa = RSA.Create(4096);
        return rsa.ExportRSAPrivateKeyPem() + "\n";
    }

    private static string Wrap(string base64)
    {
        var text = new StringBuilder();
        for (var i = 0; i < base64.Length; i += 70)
        {
            text.Append(base64.AsSpan(i, Math.Min(70, base64.Length - i))).Append('\n');
        }

        return text.ToString();
    }
}
