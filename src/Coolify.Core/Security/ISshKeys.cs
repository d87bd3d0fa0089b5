namespace Coolify.Core.Security;

public enum SshKeyAlgorithm
{
    Ed25519,
    Rsa4096,
}

/// <summary>What a private key shows of itself: the OpenSSH public key line and its SHA256 fingerprint.</summary>
public sealed record SshKeyInfo(string PublicKey, string Fingerprint);

/// <summary>Reading and making SSH keys (the SSH library lives in Infrastructure).</summary>
public interface ISshKeys
{
    /// <exception cref="Common.ValidationException">Not an OpenSSH or PEM private key (field <c>private_key</c>).</exception>
    SshKeyInfo Inspect(string privateKey);

    /// <summary>
    /// The same key without its passphrase, so that nothing later needs the passphrase (the stored key is encrypted
    /// at rest by the database layer instead).
    /// </summary>
    /// <exception cref="Common.ValidationException">Not a key, or the passphrase does not open it (field <c>passphrase</c>).</exception>
    string RemovePassphrase(string privateKey, string passphrase);

    /// <summary>A new key in OpenSSH format, unencrypted (it is encrypted at rest by the database layer).</summary>
    string Generate(SshKeyAlgorithm algorithm);
}
