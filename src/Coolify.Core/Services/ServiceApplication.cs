using Coolify.Core.Common;

namespace Coolify.Core.Services;

/// <summary>A compose service of a <see cref="Service"/> that serves requests: routed by its domains through the proxy.</summary>
public class ServiceApplication : Entity
{
    public int ServiceId { get; set; }

    public Service? Service { get; set; }

    /// <summary>The compose service's name; its container is <c>&lt;Name&gt;-&lt;service uuid&gt;</c>.</summary>
    public required string Name { get; set; }

    public string? HumanName { get; set; }

    public string? Description { get; set; }

    /// <summary>Comma-separated URLs (<c>https://app.example.com</c>, with <c>:port</c> for the container port to route to).</summary>
    public string? Fqdn { get; set; }

    public string? NoindexDomains { get; set; }

    public string? Image { get; set; }

    public bool ExcludeFromStatus { get; set; }

    public bool IsLogDrainEnabled { get; set; }

    public bool IsGzipEnabled { get; set; } = true;

    public bool IsStripprefixEnabled { get; set; } = true;

    /// <summary>The container its domains are routed to: <c>&lt;name&gt;-&lt;service uuid&gt;</c>, or Compose's name for a service rolled out start-first.</summary>
    public string? ServingContainer { get; set; }

    public string Status { get; set; } = "exited";
}
