using Microsoft.AspNetCore.DataProtection;

namespace Coolify.Core.Security;

/// <summary>
/// <see cref="ISecretProtector"/> over ASP.NET Core Data Protection. Protected values carry a marker prefix so
/// protecting is idempotent and rows written before encryption (or imported) still read (bitwarden's approach).
/// </summary>
public sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    public const string Marker = "enc:v1:";

    private readonly IDataProtector _protector = provider.CreateProtector("Coolify.Secrets.v1");

    public string Protect(string plaintext) =>
        plaintext.StartsWith(Marker, StringComparison.Ordinal) ? plaintext : Marker + _protector.Protect(plaintext);

    public string Unprotect(string stored) =>
        stored.StartsWith(Marker, StringComparison.Ordinal) ? _protector.Unprotect(stored[Marker.Length..]) : stored;
}
