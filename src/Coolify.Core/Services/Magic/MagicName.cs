namespace Coolify.Core.Services.Magic;

/// <summary>
/// One of Coolify's <c>SERVICE_*</c> variable names, read: a domain (<c>SERVICE_URL_&lt;NAME&gt;[_&lt;PORT&gt;]</c>,
/// <c>SERVICE_FQDN_...</c>), a generated value (<c>SERVICE_PASSWORD_64_&lt;NAME&gt;</c>, ...), the compose service names
/// (<c>SERVICE_NAME_&lt;NAME&gt;</c>), or an unknown kind (an empty value for the user to fill in).
/// </summary>
public sealed record MagicName(string Key, MagicKind Kind, string Name, string? Generator = null, int? Port = null)
{
    public const string Prefix = "SERVICE_";

    public static bool IsMagic(string key) => key.StartsWith(Prefix, StringComparison.Ordinal) && key.Length > Prefix.Length;

    /// <summary>
    /// The name's parts. Unlike Coolify (which reads only names of two or three underscores, so
    /// <c>SERVICE_PASSWORD_INFLUXDB_TOKEN</c> gets an empty value there), the longest known kind is taken and the
    /// rest is the name, so such templates get the password they ask for.
    /// </summary>
    public static MagicName? Parse(string key)
    {
        if (!IsMagic(key))
        {
            return null;
        }

        var rest = key[Prefix.Length..];
        foreach (var domain in new[] { "URL", "FQDN" })
        {
            if (rest.StartsWith(domain + "_", StringComparison.Ordinal) && rest.Length > domain.Length + 1)
            {
                var name = rest[(domain.Length + 1)..];
                var last = name.LastIndexOf('_');
                return last > 0 && name[(last + 1)..] is { Length: > 0 and <= 5 } digits && digits.All(char.IsAsciiDigit) && int.TryParse(digits, out var port) && port is > 0 and < 65536
                    ? new MagicName(key, domain == "URL" ? MagicKind.Url : MagicKind.Fqdn, name[..last], Port: port)
                    : new MagicName(key, domain == "URL" ? MagicKind.Url : MagicKind.Fqdn, name);
            }
        }

        if (rest.StartsWith("NAME_", StringComparison.Ordinal))
        {
            return new MagicName(key, MagicKind.ServiceName, rest[5..]);
        }

        var kind = MagicValues.Kinds.Where(k => rest.StartsWith(k + "_", StringComparison.Ordinal) && rest.Length > k.Length + 1).MaxBy(k => k.Length);
        return kind is null ? new MagicName(key, MagicKind.Unknown, rest) : new MagicName(key, MagicKind.Generated, rest[(kind.Length + 1)..], kind);
    }
}
