namespace Coolify.Core.Security;

/// <summary>Encrypts secrets stored in the database (private keys, passwords, tokens, env values).</summary>
public interface ISecretProtector
{
    /// <summary>Encrypts <paramref name="plaintext"/>. Already protected input is returned unchanged.</summary>
    string Protect(string plaintext);

    /// <summary>Decrypts a value produced by <see cref="Protect"/>; other values are returned unchanged.</summary>
    string Unprotect(string stored);
}
