using System.Security.Cryptography;
using System.Text;
using Coolify.Core.Common;
using Coolify.Core.Security;
using Org.BouncyCastle.Crypto;
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
                ? "This private key is protected by a passphrase; enter the passphrase to import it."
                : "This is not a valid OpenSSH or PEM private key.");
        }
    }

    public string RemovePassphrase(string privateKey, string passphrase)
    {
        PrivateKeyFile file;
        try
        {
            file = new PrivateKeyFile(new MemoryStream(Encoding.UTF8.GetBytes(privateKey)), passphrase);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            // SSH.NET cannot tell a wrong passphrase from a damaged key for every format; the message covers both.
            throw ValidationException.For("passphrase", "The passphrase does not open this private key (or the key is damaged).");
        }

        using (file)
        {
            // Written back in the formats Generate makes (and SSH.NET reads), so every stored key has one shape.
            return file.Key switch
            {
                ED25519Key ed25519 => EncodeEd25519(new Ed25519PrivateKeyParameters(ed25519.PrivateKey, 0)),
                RsaKey rsa => RsaPem(rsa),
                EcdsaKey ecdsa => ecdsa.Ecdsa.ExportECPrivateKeyPem() + "\n",
                _ => throw ValidationException.For("private_key", "Only ed25519, RSA and ECDSA keys can be imported with a passphrase."),
            };
        }
    }

    // Without a comment (BouncyCastle writes none): the key's name in Coolify says what it is for.
    public string Generate(SshKeyAlgorithm algorithm) => algorithm switch
    {
        SshKeyAlgorithm.Ed25519 => GenerateEd25519(),
        SshKeyAlgorithm.Rsa4096 => GenerateRsa(),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    private static string GenerateEd25519()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        return EncodeEd25519(generator.GenerateKeyPair().Private);
    }

    private static string EncodeEd25519(AsymmetricKeyParameter privateKey)
    {
        var blob = OpenSshPrivateKeyUtilities.EncodePrivateKey(privateKey);
        return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + Wrap(Convert.ToBase64String(blob)) + "-----END OPENSSH PRIVATE KEY-----\n";
    }

    private static string RsaPem(RsaKey key)
    {
        var modulus = key.Modulus.ToByteArray(isUnsigned: true, isBigEndian: true);
        var half = (modulus.Length + 1) / 2;
        using var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters
        {
            Modulus = modulus,
            Exponent = key.Exponent.ToByteArray(isUnsigned: true, isBigEndian: true),
            D = Padded(key.D, modulus.Length),
            P = Padded(key.P, half),
            Q = Padded(key.Q, half),
            DP = Padded(key.DP, half),
            DQ = Padded(key.DQ, half),
            InverseQ = Padded(key.InverseQ, half),
        });
        return rsa.ExportRSAPrivateKeyPem() + "\n";
    }

    // RSAParameters wants each private value exactly as long as the modulus (D) or half of it (the rest), big-endian.
    private static byte[] Padded(System.Numerics.BigInteger value, int length)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (bytes.Length >= length)
        {
            return bytes;
        }

        var padded = new byte[length];
        bytes.CopyTo(padded, length - bytes.Length);
        return padded;
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
