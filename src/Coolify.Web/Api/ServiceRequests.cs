using System.Text;
using Coolify.Core.Common;
using Coolify.Core.Projects;
using Coolify.Core.Services;

namespace Coolify.Web.Api;

/// <summary>
/// Coolify's service create and update body: a template (<c>type</c>) or a compose file (<c>docker_compose_raw</c>,
/// base64), the place, the domains per compose service (<c>urls</c>), and our <c>allow_risky_options</c>.
/// </summary>
public sealed record ServiceRequest
{
    public string? Type { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? ProjectUuid { get; init; }

    public string? EnvironmentName { get; init; }

    public string? EnvironmentUuid { get; init; }

    public string? ServerUuid { get; init; }

    public string? DestinationUuid { get; init; }

    public bool? InstantDeploy { get; init; }

    public string? DockerComposeRaw { get; init; }

    public IReadOnlyList<ServiceUrlRequest>? Urls { get; init; }

    public bool? ForceDomainOverride { get; init; }

    public bool? ConnectToDockerNetwork { get; init; }

    public bool? IsContainerLabelEscapeEnabled { get; init; }

    public bool? AllowRiskyOptions { get; init; }

    public ResourcePlace Place => new(ProjectUuid, ServerUuid, EnvironmentName, EnvironmentUuid, DestinationUuid);

    /// <summary>The change, with the compose file decoded (null when not given).</summary>
    /// <exception cref="ValidationException">The compose file is not base64 of UTF-8 text.</exception>
    public ServiceChange ToChange() => new(
        Name, Description, DecodedCompose(), ConnectToDockerNetwork, IsContainerLabelEscapeEnabled, AllowRiskyOptions,
        Urls?.Select(u => new ServiceUrl(u.Name, u.Url)).ToList(), ForceDomainOverride == true);

    public string? DecodedCompose()
    {
        if (DockerComposeRaw is null)
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(DockerComposeRaw.Trim()));
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            throw ValidationException.For("docker_compose_raw", "The docker_compose_raw should be base64 encoded UTF-8 text.");
        }
    }
}

/// <summary>One <c>urls</c> item: the compose service's name and its comma-separated URLs.</summary>
public sealed record ServiceUrlRequest(string? Name, string? Url);

/// <summary>Coolify's service application PATCH body (<c>url</c> is stored as its domains).</summary>
public sealed record ServiceApplicationRequest(
    string? Url, IReadOnlyList<string>? NoindexDomains, string? HumanName, string? Description, bool? ExcludeFromStatus, bool? IsGzipEnabled, bool? IsStripprefixEnabled);
