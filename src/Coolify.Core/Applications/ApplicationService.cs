using Coolify.Core.Common;
using Coolify.Core.Docker;
using Coolify.Core.Persistence;
using Coolify.Core.Servers;
using Coolify.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Applications;

/// <summary>A team's applications: created in an environment, bound to a destination (a network on a server).</summary>
public sealed class ApplicationService(CoolifyDbContext db, IServerShells shells, Audit.AuditLog audit)
{
    public const string DockerImageBuildPack = "dockerimage";
    public const string DockerfileBuildPack = "dockerfile";

    public Task<List<Application>> ListAsync(TeamScope scope, CancellationToken cancellationToken) =>
        WithPlace(scope.Applications.AsNoTracking()).OrderBy(a => a.Name).ToListAsync(cancellationToken);

    /// <exception cref="NotFoundException">No such application in the team.</exception>
    public async Task<Application> GetAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken) =>
        await WithPlace(scope.Applications.AsNoTracking()).SingleOrDefaultAsync(a => a.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();

    public Task<List<Application>> ListInEnvironmentAsync(TeamScope scope, int environmentId, CancellationToken cancellationToken) =>
        WithPlace(scope.Applications.AsNoTracking()).Where(a => a.EnvironmentId == environmentId).OrderBy(a => a.Name).ToListAsync(cancellationToken);

    /// <exception cref="ValidationException">A missing or malformed field; an unknown project, environment, server or destination.</exception>
    public async Task<Application> CreateDockerImageAsync(TeamScope scope, NewDockerImageApplication request, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var rules = new InputRules();
        var image = rules.DockerImage("docker_registry_image_name", request.DockerRegistryImageName);
        var tag = rules.DockerTag("docker_registry_image_tag", string.IsNullOrWhiteSpace(request.DockerRegistryImageTag) ? "latest" : request.DockerRegistryImageTag);
        var ports = rules.Ports("ports_exposes", request.PortsExposes ?? "80");
        var name = request.Name is null ? null : rules.Name("name", request.Name);
        var description = rules.Text("description", request.Description);
        var (environmentId, destination) = await FindPlaceAsync(
            scope, request.ProjectUuid, request.EnvironmentName, request.EnvironmentUuid, request.ServerUuid, request.DestinationUuid, rules, cancellationToken);
        rules.ThrowIfInvalid();

        var application = new Application
        {
            Name = name ?? $"{image.Split('/')[^1]}-{PublicId.New()[..6]}",
            Description = description,
            EnvironmentId = environmentId,
            DestinationId = destination!.Id,
            BuildPack = DockerImageBuildPack,
            DockerRegistryImageName = image,
            DockerRegistryImageTag = tag,
            PortsExposes = ports,
            Settings = new ApplicationSettings(),
        };
        return await AddAsync(scope, application, cancellationToken);
    }

    /// <summary>An application built from a public git repository (so far with its own Dockerfile).</summary>
    /// <exception cref="ValidationException">A missing or malformed field, or a build pack not supported yet.</exception>
    public async Task<Application> CreateGitAsync(TeamScope scope, NewGitApplication request, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var rules = new InputRules();
        var repository = rules.GitRepository("git_repository", request.GitRepository);
        var branch = rules.GitBranch("git_branch", string.IsNullOrWhiteSpace(request.GitBranch) ? "main" : request.GitBranch);
        var buildPack = (request.BuildPack ?? string.Empty).Trim();
        if (buildPack != DockerfileBuildPack)
        {
            rules.Add("build_pack", buildPack is "nixpacks" or "static" or "dockercompose" or "auto"
                ? $"The {buildPack} build pack is not supported yet; use dockerfile."
                : "The build pack must be dockerfile (nixpacks, static and dockercompose come later).");
        }

        var ports = rules.Ports("ports_exposes", request.PortsExposes);
        var baseDirectory = rules.RepositoryPath("base_directory", request.BaseDirectory ?? "/");
        var dockerfile = rules.RepositoryPath("dockerfile_location", request.DockerfileLocation ?? "/Dockerfile");
        var name = request.Name is null ? null : rules.Name("name", request.Name);
        var description = rules.Text("description", request.Description);
        var (environmentId, destination) = await FindPlaceAsync(
            scope, request.ProjectUuid, request.EnvironmentName, request.EnvironmentUuid, request.ServerUuid, request.DestinationUuid, rules, cancellationToken);
        rules.ThrowIfInvalid();

        var application = new Application
        {
            Name = name ?? $"{repository.TrimEnd('/').Split('/', ':')[^1].Replace(".git", string.Empty, StringComparison.Ordinal)}-{PublicId.New()[..6]}",
            Description = description,
            EnvironmentId = environmentId,
            DestinationId = destination!.Id,
            BuildPack = DockerfileBuildPack,
            GitRepository = repository,
            GitBranch = branch,
            BaseDirectory = baseDirectory,
            DockerfileLocation = dockerfile,
            PortsExposes = ports,
            Settings = new ApplicationSettings(),
        };
        return await AddAsync(scope, application, cancellationToken);
    }

    /// <summary>Changes an application's fields; absent values stay. Takes effect with the next deployment.</summary>
    /// <exception cref="ValidationException">A malformed field; nothing changes then.</exception>
    public async Task<Application> UpdateAsync(TeamScope scope, string? uuid, ApplicationChange change, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var application = await scope.Applications.SingleOrDefaultAsync(a => a.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();
        var rules = new InputRules();
        application.Name = change.Name is null ? application.Name : rules.Name("name", change.Name);
        application.Description = change.Description is null ? application.Description : rules.Text("description", change.Description);
        application.DockerRegistryImageName = change.DockerRegistryImageName is null
            ? application.DockerRegistryImageName : rules.DockerImage("docker_registry_image_name", change.DockerRegistryImageName);
        application.DockerRegistryImageTag = change.DockerRegistryImageTag is null
            ? application.DockerRegistryImageTag : rules.DockerTag("docker_registry_image_tag", change.DockerRegistryImageTag);
        application.PortsExposes = change.PortsExposes is null ? application.PortsExposes : rules.Ports("ports_exposes", change.PortsExposes);
        application.HealthCheckStartPeriod = change.HealthCheckStartPeriod is { } start ? rules.Range("health_check_start_period", start, 0, 3600) : application.HealthCheckStartPeriod;
        application.HealthCheckInterval = change.HealthCheckInterval is { } interval ? rules.Range("health_check_interval", interval, 1, 3600) : application.HealthCheckInterval;
        application.HealthCheckRetries = change.HealthCheckRetries is { } retries ? rules.Range("health_check_retries", retries, 1, 100) : application.HealthCheckRetries;
        rules.ThrowIfInvalid();

        audit.Add("application.updated", scope.Access.UserId, scope.Access.TeamId, application.Name);
        await db.SaveChangesAsync(cancellationToken);
        return application;
    }

    /// <summary>Stops and removes the application's containers (and its volumes when asked), then deletes it.</summary>
    public async Task DeleteAsync(TeamScope scope, string? uuid, bool deleteVolumes, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var application = await scope.Applications.Include(a => a.Destination).ThenInclude(d => d!.Server).ThenInclude(s => s!.PrivateKey)
            .Include(a => a.Destination).ThenInclude(d => d!.Server).ThenInclude(s => s!.Settings)
            .SingleOrDefaultAsync(a => a.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();
        var docker = new DockerCli(shells.For(application.Destination!.Server!));
        foreach (var container in await docker.PsAsync(ResourceLabel(application.Uuid), cancellationToken))
        {
            await docker.RemoveContainerAsync(container.Name, cancellationToken);
        }

        if (deleteVolumes)
        {
            foreach (var volume in await docker.ListVolumesAsync(ResourceLabel(application.Uuid), cancellationToken))
            {
                await docker.RemoveVolumeAsync(volume, cancellationToken);
            }
        }

        application.DeletedAt = db.GetUtcNow();
        audit.Add("application.deleted", scope.Access.UserId, scope.Access.TeamId, application.Name);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The application's kept images to roll back to (tags: commits), newest first, and the one running now.
    /// Empty when the server cannot be asked (Coolify's behaviour).
    /// </summary>
    public async Task<(string? Current, IReadOnlyList<(string Tag, DateTimeOffset CreatedAt)> Images)> RollbackImagesAsync(
        TeamScope scope, string? uuid, CancellationToken cancellationToken)
    {
        var application = await scope.Applications.AsNoTracking().Include(a => a.Destination).ThenInclude(d => d!.Server).ThenInclude(s => s!.PrivateKey)
            .Include(a => a.Destination).ThenInclude(d => d!.Server).ThenInclude(s => s!.Settings)
            .SingleOrDefaultAsync(a => a.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();
        try
        {
            var docker = new DockerCli(shells.For(application.Destination!.Server!));
            var running = (await docker.PsAsync(ResourceLabel(application.Uuid), cancellationToken)).FirstOrDefault(c => c.State == "running")?.Image;
            var images = (await docker.ImagesWithLabelAsync(ResourceLabel(application.Uuid), cancellationToken))
                .Where(i => i.Reference.StartsWith(application.Uuid + ":", StringComparison.Ordinal))
                .Select(i => (i.Reference[(application.Uuid.Length + 1)..], i.CreatedAt)).ToList();
            return (running?.StartsWith(application.Uuid + ":", StringComparison.Ordinal) == true ? running[(application.Uuid.Length + 1)..] : null, images);
        }
        catch (Exception ex) when (ex is Commands.ServerConnectionException or Commands.CommandFailedException or Commands.CommandTimeoutException)
        {
            return (null, []);
        }
    }

    private async Task<Application> AddAsync(TeamScope scope, Application application, CancellationToken cancellationToken)
    {
        db.Applications.Add(application);
        audit.Add("application.created", scope.Access.UserId, scope.Access.TeamId, application.Name);
        await db.SaveChangesAsync(cancellationToken);
        return application;
    }

    /// <summary>The label every container, volume and image of the application carries.</summary>
    public static string ResourceLabel(string applicationUuid) => $"coolify.resource={applicationUuid}";

    private static IQueryable<Application> WithPlace(IQueryable<Application> applications) =>
        applications.Include(a => a.Environment).ThenInclude(e => e!.Project).Include(a => a.Destination).ThenInclude(d => d!.Server);

    // Project → environment (by uuid or name) and server → destination (given, or the server's first).
    private static async Task<(int EnvironmentId, Destination? Destination)> FindPlaceAsync(
        TeamScope scope, string? projectUuid, string? environmentName, string? environmentUuid, string? serverUuid, string? destinationUuid,
        InputRules rules, CancellationToken cancellationToken)
    {
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
