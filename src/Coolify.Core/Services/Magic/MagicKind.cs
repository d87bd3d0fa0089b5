namespace Coolify.Core.Services.Magic;

public enum MagicKind
{
    /// <summary><c>SERVICE_URL_*</c>: <c>scheme://host[/path]</c>, with <c>:port</c> in the port form.</summary>
    Url,

    /// <summary><c>SERVICE_FQDN_*</c>: <c>host[/path]</c>, with <c>:port</c> in the port form.</summary>
    Fqdn,

    Generated,

    /// <summary><c>SERVICE_NAME_*</c>: a compose service's name.</summary>
    ServiceName,

    Unknown,
}
