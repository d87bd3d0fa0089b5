using System.Security.Cryptography;
using System.Text;

namespace Coolify.Core.Services.Magic;

/// <summary>
/// The values Coolify generates for <c>SERVICE_&lt;KIND&gt;_&lt;NAME&gt;</c> variables, kind for kind as its
/// <c>generateEnvValue</c>: the same lengths and alphabets, so templates get what they were written for (a
/// "BASE64" is 32 letters and digits there — not base64 — and stays so here).
/// </summary>
public static class MagicValues
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Digits = "0123456789";
    private const string Symbols = "~!#$%^&*()-_.,<>?/\\{}[]|:;";

    /// <summary>The kinds that generate a value (not the domain kinds, FQDN and URL).</summary>
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "PASSWORD", "PASSWORD_64", "PASSWORDWITHSYMBOLS", "PASSWORDWITHSYMBOLS_64", "BASE64", "BASE64_32", "BASE64_64", "BASE64_128",
        "REALBASE64", "REALBASE64_32", "REALBASE64_64", "REALBASE64_128", "HEX_32", "HEX_64", "HEX_128", "USER", "LOWERCASEUSER",
        "SUPABASEANON", "SUPABASESERVICE",
    };

    /// <summary>A new value of <paramref name="kind"/>; null for the Supabase keys until their signing key exists.</summary>
    /// <param name="jwtSecret">The value of <c>SERVICE_PASSWORD_JWT</c>, which signs the Supabase keys.</param>
    public static string? Generate(string kind, string? jwtSecret, TimeProvider time) => kind switch
    {
        "PASSWORD" => Password(32, symbols: false),
        "PASSWORD_64" => Password(64, symbols: false),
        "PASSWORDWITHSYMBOLS" => Password(32, symbols: true),
        "PASSWORDWITHSYMBOLS_64" => Password(64, symbols: true),
        "BASE64" or "BASE64_32" => Random(Letters + Digits, 32),
        "BASE64_64" => Random(Letters + Digits, 64),
        "BASE64_128" => Random(Letters + Digits, 128),
        "REALBASE64" or "REALBASE64_32" => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        "REALBASE64_64" => Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)),
        "REALBASE64_128" => Convert.ToBase64String(RandomNumberGenerator.GetBytes(128)),
        "HEX_32" => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        "HEX_64" => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
        "HEX_128" => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(64)),
        "USER" => Random(Letters + Digits, 16),
        "LOWERCASEUSER" => Random(Letters + Digits, 16).ToLowerInvariant(),
        "SUPABASEANON" => jwtSecret is null ? null : SupabaseKey("anon", jwtSecret, time),
        "SUPABASESERVICE" => jwtSecret is null ? null : SupabaseKey("service_role", jwtSecret, time),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a generated kind."),
    };

    // Laravel's Str::password: at least one of each chosen class, the rest from all of them, shuffled.
    private static string Password(int length, bool symbols)
    {
        var classes = symbols ? new[] { Letters, Digits, Symbols } : [Letters, Digits];
        var all = string.Concat(classes);
        var chars = classes.Select(c => c[RandomNumberGenerator.GetInt32(c.Length)])
            .Concat(Enumerable.Range(0, length - classes.Length).Select(_ => all[RandomNumberGenerator.GetInt32(all.Length)])).ToArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    private static string Random(string alphabet, int length) => RandomNumberGenerator.GetString(alphabet, length);

    // An HS256 JWT as Coolify signs Supabase's keys: issuer supabase, the role, issued now (to the minute), valid 100 years.
    private static string SupabaseKey(string role, string secret, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var issued = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        var header = Base64Url("""{"typ":"JWT","alg":"HS256"}"""u8.ToArray());
        var payload = Base64Url(Encoding.UTF8.GetBytes(
            $$"""{"iss":"supabase","iat":{{issued.ToUnixTimeSeconds()}},"exp":{{issued.AddYears(100).ToUnixTimeSeconds()}},"role":"{{role}}"}"""));
        var signature = Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes($"{header}.{payload}")));
        return $"{header}.{payload}.{signature}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
