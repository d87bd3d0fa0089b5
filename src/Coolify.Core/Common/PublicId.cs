using System.Security.Cryptography;

namespace Coolify.Core.Common;

/// <summary>
/// The public identifier of every entity: 24 random lowercase alphanumerics starting with a letter, the shape
/// of Coolify's cuid2 identifiers, so URLs and API clients written for Coolify keep working.
/// </summary>
public static class PublicId
{
    public const int Length = 24;

    private const string Letters = "abcdefghijklmnopqrstuvwxyz";
    private const string Alphanumerics = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string New() =>
        string.Create(Length, 0, static (span, _) =>
        {
            span[0] = Letters[RandomNumberGenerator.GetInt32(Letters.Length)];
            RandomNumberGenerator.GetItems(Alphanumerics.AsSpan(), span[1..]);
        });

    public static bool IsValid(string? value) =>
        value is { Length: Length } && char.IsAsciiLetterLower(value[0]) && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c));
}
