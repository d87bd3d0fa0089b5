using Coolify.Core.Security;

namespace Coolify.Core.Persistence;

/// <summary>
/// The protector of a context built only to describe the schema (migrations tooling, model-diff tests): the
/// model needs a converter instance, but reading or writing a secret there is a bug, so it fails loudly.
/// </summary>
public sealed class UnavailableSecretProtector : ISecretProtector
{
    public static readonly UnavailableSecretProtector Instance = new();

    public string Protect(string plaintext) => throw new InvalidOperationException("This context has no secret protector; it can only describe the schema.");

    public string Unprotect(string stored) => throw new InvalidOperationException("This context has no secret protector; it can only describe the schema.");
}
