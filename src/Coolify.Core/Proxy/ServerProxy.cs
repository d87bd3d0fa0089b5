using System.Text.Json;

namespace Coolify.Core.Proxy;

/// <summary>
/// A server's proxy settings and last known state, kept as JSON in <see cref="Servers.Server.Proxy"/> (Coolify's
/// <c>proxy</c> column holds the same kind of object).
/// </summary>
public sealed class ServerProxy
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The container's state when last seen (<c>running</c>, <c>exited</c>, <c>missing</c>), or null before any.</summary>
    public string? Status { get; set; }

    /// <summary>Started by a user and not stopped since: deployments then keep it running.</summary>
    public bool ShouldRun { get; set; }

    /// <summary>Unknown hosts are redirected to <see cref="RedirectUrl"/> instead of answered 503.</summary>
    public bool RedirectEnabled { get; set; }

    public string? RedirectUrl { get; set; }

    /// <summary>Coolify's Traefik option, kept for API compatibility; our Caddy configuration is always exact.</summary>
    public bool GenerateExactLabels { get; set; }

    /// <summary>The server's own configuration, appended to the generated one (validated with it).</summary>
    public string? CustomConfiguration { get; set; }

    /// <summary>The configuration the proxy runs now (the last one that passed validation and loaded).</summary>
    public string? AppliedConfiguration { get; set; }

    public DateTime? AppliedAt { get; set; }

    /// <summary>Why the last configuration was refused, until one is applied again.</summary>
    public string? LastError { get; set; }

    public int HttpPort { get; set; } = 80;

    public int HttpsPort { get; set; } = 443;

    public static ServerProxy Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new ServerProxy();
        }

        try
        {
            return JsonSerializer.Deserialize<ServerProxy>(json, Json) ?? new ServerProxy();
        }
        catch (JsonException)
        {
            // A value written by something else (an import from Coolify, say): start from the defaults.
            return new ServerProxy();
        }
    }

    public string Write() => JsonSerializer.Serialize(this, Json);
}
