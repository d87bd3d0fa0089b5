using Coolify.Core.Common;
using Coolify.Core.Servers;
using Coolify.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Projects;

/// <summary>Where a new resource goes (project environment and destination), found in the team's scope as Coolify's API names them.</summary>
public static class ResourcePlaces
{
    /// <summary>The environment (by uuid, else name) and the destination (given, else the server's first); what is not found is a rule broken.</summary>
    public static async Task<(int EnvironmentId, Destination? Destination)> FindAsync(
        TeamScope scope, ResourcePlace place, InputRules rules, CancellationToken cancellationToken)
    {
        var (projectUuid, serverUuid, environmentName, environmentUuid, destinationUuid) = place;
        var environmentKey = string.IsNullOrWhiteSpace(environmentUuid) ? environmentName : environmentUuid;
        var environmentId = await scope.Environments
            .Where(e => e.Project!.Uuid == projectUuid && (e.Uuid == environmentKey || e.Name == environmentKey))
            .Select(e => (int?)e.Id).SingleOrDefaultAsync(cancellationToken);
        if (environmentId is null)
        {
            rules.Add(string.IsNullOrWhiteSpace(projectUuid) ? "project_uuid" : "environment_name", "Project or environment not found.");
        }

        var destinations = scope.Destinations.Where(d => d.Server!.Uuid == serverUuid);
        var destination = string.IsNullOrWhiteSpace(destinationUuid)
            ? await destinations.OrderBy(d => d.Id).FirstOrDefaultAsync(cancellationToken)
            : await destinations.SingleOrDefaultAsync(d => d.Uuid == destinationUuid, cancellationToken);
        if (destination is null)
        {
            rules.Add(string.IsNullOrWhiteSpace(destinationUuid) ? "server_uuid" : "destination_uuid", "Server or destination not found.");
        }

        return (environmentId ?? 0, destination);
    }
}

/// <summary>Where a new resource goes: a project's environment (by uuid or name) and a server's destination.</summary>
public sealed record ResourcePlace(
    string? ProjectUuid, string? ServerUuid, string? EnvironmentName, string? EnvironmentUuid, string? DestinationUuid = null);
