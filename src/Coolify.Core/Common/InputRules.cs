using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Coolify.Core.Common;

/// <summary>
/// Validation shared by every feature, so the same field gets the same rule (and message) everywhere.
/// Each rule adds to an error list rather than throwing, so one response reports every bad field.
/// </summary>
public sealed partial class InputRules
{
    public const int NameMaxLength = 255;
    public const int DescriptionMaxLength = 2000;

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>A display name: letters, digits, spaces and common punctuation; no markup, no control characters.</summary>
    public string Name(string field, string? value, int min = 1, int max = NameMaxLength)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            Add(field, $"The {Label(field)} field is required.");
        }
        else if (trimmed.Length < min || trimmed.Length > max)
        {
            Add(field, $"The {Label(field)} must be between {min} and {max} characters.");
        }
        else if (!NamePattern().IsMatch(trimmed))
        {
            Add(field, $"The {Label(field)} may only contain letters, numbers, spaces and - _ . , : ' @ / & ( ) # +.");
        }

        return trimmed;
    }

    /// <summary>Free text (descriptions): any printable text, bounded, no control characters except newlines.</summary>
    public string? Text(string field, string? value, int max = DescriptionMaxLength)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > max)
        {
            Add(field, $"The {Label(field)} may not be longer than {max} characters.");
        }
        else if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            Add(field, $"The {Label(field)} contains control characters.");
        }

        return value;
    }

    public string Email(string field, string? value)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            Add(field, $"The {Label(field)} field is required.");
            return trimmed;
        }

        if (trimmed.Length > 254 || !MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed
            || !EmailPattern().IsMatch(trimmed))
        {
            Add(field, $"The {Label(field)} must be a valid email address.");
        }

        return trimmed.ToLowerInvariant();
    }

    /// <summary>An absolute http(s) address without query or fragment, returned without a trailing slash.</summary>
    public string? HttpUrl(string field, string? value)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > NameMaxLength || !Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            Add(field, $"The {Label(field)} must be an http or https URL like https://auth.example.com.");
            return trimmed;
        }

        return trimmed.TrimEnd('/');
    }

    /// <summary>A credential or identifier issued by another system: visible ASCII, no spaces, bounded.</summary>
    public string? Identifier(string field, string? value, int max = NameMaxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > max || trimmed.Any(c => c is < '!' or > '~'))
        {
            Add(field, $"The {Label(field)} may only contain visible ASCII characters without spaces (at most {max}).");
        }

        return trimmed;
    }

    /// <summary>A host to connect to: an IPv4/IPv6 address or a DNS name (never an option-looking or spaced string).</summary>
    public string Host(string field, string? value)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            Add(field, $"The {Label(field)} field is required.");
        }
        else if (!System.Net.IPAddress.TryParse(trimmed, out _) && !HostNamePattern().IsMatch(trimmed))
        {
            Add(field, $"The {Label(field)} must be an IP address or a host name like server.example.com.");
        }

        return trimmed;
    }

    /// <summary>A Docker object name (network, volume, container): what Docker itself accepts.</summary>
    public string DockerName(string field, string? value)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > 255 || !DockerNamePattern().IsMatch(trimmed))
        {
            Add(field, $"The {Label(field)} must start with a letter or digit and contain only letters, digits, '.', '_' and '-'.");
        }

        return trimmed;
    }

    /// <summary>A Docker image name without its tag (<c>nginx</c>, <c>ghcr.io/owner/app</c>, <c>host:5000/app</c>).</summary>
    public string DockerImage(string field, string? value)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > 255 || !DockerImagePattern().IsMatch(trimmed))
        {
            Add(field, $"The {Label(field)} must be an image name like nginx or ghcr.io/owner/app (lowercase, without the tag).");
        }

        return trimmed;
    }

    /// <summary>A whole image reference, the tag optional (<c>nginx:alpine</c>, <c>host:5000/owner/app</c>).</summary>
    public string DockerReference(string field, string? value)
    {
        var reference = value?.Trim() ?? string.Empty;
        var colon = reference.LastIndexOf(':');
        if (colon > reference.LastIndexOf('/'))
        {
            DockerTag(field, reference[(colon + 1)..]);
            DockerImage(field, reference[..colon]);
        }
        else
        {
            DockerImage(field, reference);
        }

        return reference;
    }

    /// <summary>A Docker image tag (<c>latest</c>, <c>1.2.3-alpine</c>).</summary>
    public string DockerTag(string field, string? value)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (!DockerTagPattern().IsMatch(trimmed))
        {
            Add(field, $"The {Label(field)} must be a tag like latest or 1.2.3 (letters, digits, '_', '.', '-'; at most 128).");
        }

        return trimmed;
    }

    /// <summary>Container ports, comma separated (<c>80</c>, <c>3000,9000</c>).</summary>
    public string Ports(string field, string? value)
    {
        var parts = (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts.Any(p => !int.TryParse(p, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535))
        {
            Add(field, $"The {Label(field)} must be port numbers separated by commas, like 80 or 3000,9000.");
        }

        return string.Join(',', parts);
    }

    /// <summary>A git remote: <c>https://</c>, <c>http://</c>, <c>git://</c>, <c>ssh://</c> or <c>user@host:path</c>.</summary>
    public string GitRepository(string field, string? value)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        // A host or user that starts with '-' would reach ssh as an option (CVE-2017-1000117).
        if (trimmed.Length is 0 or > 2048 || !GitRepositoryPattern().IsMatch(trimmed) || trimmed.StartsWith('-')
            || trimmed.Contains("://-", StringComparison.Ordinal) || trimmed.Contains("@-", StringComparison.Ordinal))
        {
            Add(field, $"The {Label(field)} must be a git URL like https://github.com/owner/repo.git or git@github.com:owner/repo.git.");
        }

        return trimmed;
    }

    /// <summary>A branch name as git accepts it (<c>git check-ref-format --branch</c>), and never an option.</summary>
    public string GitBranch(string field, string? value)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > 255 || !GitBranchPattern().IsMatch(trimmed) || trimmed.Contains("..", StringComparison.Ordinal)
            || trimmed.Contains("@{", StringComparison.Ordinal) || trimmed.Contains("//", StringComparison.Ordinal)
            || trimmed.EndsWith(".lock", StringComparison.Ordinal) || trimmed.EndsWith('/') || trimmed.EndsWith('.') || trimmed == "@")
        {
            Add(field, $"The {Label(field)} is not a valid branch name.");
        }

        return trimmed;
    }

    /// <summary>A path inside the repository (<c>/</c>, <c>/apps/web</c>, <c>/Dockerfile</c>): no <c>..</c>, plain characters.</summary>
    public string RepositoryPath(string field, string? value)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (!trimmed.StartsWith('/') || trimmed.Length > 255 || !RepositoryPathPattern().IsMatch(trimmed)
            || trimmed.Split('/').Any(part => part is ".." or "."))
        {
            Add(field, $"The {Label(field)} must be a path in the repository starting with '/', without '..' (letters, digits, '.', '_', '-', '/').");
        }

        return trimmed;
    }

    /// <summary>An absolute path on a server or in a container (<c>/data</c>, <c>/etc/app/config.yml</c>): no <c>..</c>, plain characters.</summary>
    public string AbsolutePath(string field, string? value)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (!trimmed.StartsWith('/') || trimmed.Length > 255 || !RepositoryPathPattern().IsMatch(trimmed)
            || trimmed.Split('/').Any(part => part is ".." or ".") || trimmed.Contains("//", StringComparison.Ordinal))
        {
            Add(field, $"The {Label(field)} must be an absolute path like /data, without '..' (letters, digits, '.', '_', '-', '/').");
        }

        return trimmed;
    }

    /// <summary>A POSIX login name (what <c>useradd</c> accepts).</summary>
    public string UserName(string field, string? value)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (!UserNamePattern().IsMatch(trimmed))
        {
            Add(field, $"The {Label(field)} must be a login name: lowercase letters, digits, '_' or '-', starting with a letter or '_' (at most 32).");
        }

        return trimmed;
    }

    public int Range(string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            Add(field, $"The {Label(field)} must be between {min} and {max}.");
        }

        return value;
    }

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    public bool IsValid => _errors.Count == 0;

    /// <exception cref="ValidationException">Any rule failed.</exception>
    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
        {
            throw new ValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }
    }

    private static string Label(string field) => field.Replace('_', ' ');

    [GeneratedRegex(@"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")]
    private static partial Regex HostNamePattern();

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9._-]*$")]
    private static partial Regex DockerNamePattern();

    // Docker's reference grammar: an optional registry host[:port], then lowercase path components.
    [GeneratedRegex(@"^(?:[a-zA-Z0-9](?:[a-zA-Z0-9.-]*[a-zA-Z0-9])?(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex DockerImagePattern();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex DockerTagPattern();

    [GeneratedRegex(@"^(?:(?:https?|git|ssh)://[A-Za-z0-9._~%!$&'()*+,;=:@\[\]/-]+|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[A-Za-z0-9._~/-]+)$")]
    private static partial Regex GitRepositoryPattern();

    // No control characters, spaces or ~^:?*[\, and no leading '-', '/' or '.'.
    [GeneratedRegex(@"^[^\x00-\x20\x7f~^:?*\[\\\-/.][^\x00-\x20\x7f~^:?*\[\\]*$")]
    private static partial Regex GitBranchPattern();

    [GeneratedRegex("^[A-Za-z0-9._/-]+$")]
    private static partial Regex RepositoryPathPattern();

    [GeneratedRegex("^[a-z_][a-z0-9_-]{0,31}$")]
    private static partial Regex UserNamePattern();

    [GeneratedRegex(@"^[\p{L}\p{M}\p{N} \-_.,:'@/&()#+]+$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[^@\s<>""'`;,()\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")]
    private static partial Regex EmailPattern();
}
