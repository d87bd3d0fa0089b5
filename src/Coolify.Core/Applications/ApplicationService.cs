using Coolify.Core.Common;
using Coolify.Core.Docker;
using Coolify.Core.Persistence;
using Coolify.Core.Servers;
using Coolify.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Applications;

/// <summary>A team's applications: created in an environment, bound to a destination (a network on a server).</summary>
public sealed class ApplicationService(CoolifyDbContext db, IServerShells shells, Audit.AuditLog audit, Proxy.ProxyService proxy)
{
    public const string DockerImageBuildPack = "dockerimage";
    public const string DockerfileBuildPack = "dockerfile";
    public const string AutoBuildPack = "auto";
    public const string StaticBuildPack = "static";

    public Task<List<Application>> ListAsync(TeamScope scope, CancellationToken cancellationToken) =>
        WithPlace(scope.Applications.AsNoTracking()).OrderBy(a => a.Name).ToListAsync(cancellationToken);

    /// <exception cref="NotFoundException">No such application in the team.</exception>
    public async Task<Application> GetAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken) =>
        await WithPlace(scope.Applications.AsNoTracking()).SingleOrDefaultAsync(a => a.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();

    public Task<List<Application>> ListInEnvironmentAsync(TeamScope scope, int environmentId, CancellationToken cancellationToken) =>
        WithPlace(scope.Applications.AsNoTracking()).Where(a => a.EnvironmentId == environmentId).OrderBy(a => a.Name).ToListAsync(cancellationToken);

    /// <summary>A new application from <paramref name="source"/>, configured by <paramref name="fields"/>.</summary>
    /// <param name="privateKeyUuid">The team's key that reads the repository (<see cref="ApplicationSource.DeployKey"/> only).</param>
    /// <exception cref="ValidationException">A missing or malformed field; an unknown project, environment, server, destination or key. Nothing is stored then.</exception>
    public async Task<Application> CreateAsync(
        TeamScope scope, ApplicationSource source, ApplicationPlace place, ApplicationChange fields, string? privateKeyUuid, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var rules = new InputRules();
        var settings = new ApplicationSettings();
        var application = new Application { Name = string.Empty, Settings = settings };
        var git = source is ApplicationSource.PublicGit or ApplicationSource.DeployKey;
        if (git)
        {
            Require(rules, "git_repository", fields.GitRepository);
            Require(rules, "build_pack", fields.BuildPack);
            Require(rules, "ports_exposes", fields.PortsExposes);
            if (fields.BuildPack?.Trim() == DockerImageBuildPack)
            {
                rules.Add("build_pack", "A repository is built with nixpacks (auto), static or dockerfile; dockerimage applications are created with /applications/dockerimage.");
            }
        }
        else if (source == ApplicationSource.Dockerfile)
        {
            Require(rules, "dockerfile", fields.Dockerfile);
            application.BuildPack = DockerfileBuildPack;
        }
        else
        {
            Require(rules, "docker_registry_image_name", fields.DockerRegistryImageName);
            application.BuildPack = DockerImageBuildPack;
            application.DockerRegistryImageTag = "latest";
        }

        // Only a repository's application chooses its build pack; the others are what their route says.
        ApplicationFields.Apply(application, settings, git ? fields : fields with { BuildPack = null, GitRepository = null }, rules);
        if (source == ApplicationSource.DeployKey)
        {
            application.PrivateKeyId = await FindKeyAsync(scope, privateKeyUuid, rules, cancellationToken);
            if (!string.IsNullOrEmpty(application.GitRepository) && !IsSshRepository(application.GitRepository))
            {
                rules.Add("git_repository", DeployKeyRepositoryMessage);
            }
        }

        var (environmentId, destination) = await FindPlaceAsync(scope, place, rules, cancellationToken);
        rules.ThrowIfInvalid();

        application.EnvironmentId = environmentId;
        application.DestinationId = destination!.Id;
        if (string.IsNullOrEmpty(application.Name))
        {
            var basis = source switch
            {
                ApplicationSource.DockerImage => application.DockerRegistryImageName!.Split('/')[^1],
                ApplicationSource.Dockerfile => "dockerfile",
                _ => application.GitRepository!.TrimEnd('/').Split('/', ':')[^1].Replace(".git", string.Empty, StringComparison.Ordinal),
            };
            application.Name = $"{basis}-{PublicId.New()[..6]}";
        }

        db.Applications.Add(application);
        audit.Add("application.created", scope.Access.UserId, scope.Access.TeamId, application.Name);
        await db.SaveChangesAsync(cancellationToken);
        return application;
    }

    /// <summary>Changes an application's fields; absent values stay. Takes effect with the next deployment.</summary>
    /// <exception cref="ValidationException">A malformed field; nothing changes then.</exception>
    public async Task<Application> UpdateAsync(TeamScope scope, string? uuid, ApplicationChange change, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var application = await scope.Applications.Include(a => a.Settings).SingleOrDefaultAsync(a => a.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();
        var rules = new InputRules();
        var settings = application.Settings ??= new ApplicationSettings();
        // The source's kind stays what it was created as: a repository does not become an image, nor an image a build.
        var pack = change.BuildPack?.Trim();
        var source = application.GitRepository is not null ? ApplicationSource.PublicGit
            : application.BuildPack == DockerImageBuildPack ? ApplicationSource.DockerImage : ApplicationSource.Dockerfile;
        if (pack is not null && source switch
            {
                ApplicationSource.DockerImage => pack != DockerImageBuildPack,
                ApplicationSource.Dockerfile => pack != DockerfileBuildPack,
                _ => pack == DockerImageBuildPack,
            })
        {
            rules.Add("build_pack", source switch
            {
                ApplicationSource.DockerImage => "This application runs an image: its build pack stays dockerimage.",
                ApplicationSource.Dockerfile => "This application is built from its own Dockerfile: its build pack stays dockerfile.",
                _ => "This application is built from a repository: choose nixpacks (auto), static or dockerfile.",
            });
        }

        if (change.GitRepository is not null && source != ApplicationSource.PublicGit)
        {
            rules.Add("git_repository", "This application is not built from a repository; create a new application for one.");
        }

        ApplicationFields.Apply(application, settings, change, rules);
        if (application.PrivateKeyId is not null && change.GitRepository is not null && !IsSshRepository(application.GitRepository))
        {
            rules.Add("git_repository", DeployKeyRepositoryMessage);
        }

        rules.ThrowIfInvalid();

        audit.Add("application.updated", scope.Access.UserId, scope.Access.TeamId, application.Name);
        await db.SaveChangesAsync(cancellationToken);
        if (application.ServingContainer is not null)
        {
            // Domains and routing options take effect at once; a refusal is recorded on the server's proxy.
            await proxy.ApplyAsync(application.DestinationId, cancellationToken, byDestination: true);
        }

        return application;
    }

    /// <summary>Stops the application: its containers get their grace period, then go (Coolify's stop); start deploys again.</summary>
    /// <exception cref="Commands.ServerConnectionException">The server cannot be reached.</exception>
    public async Task StopAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var application = await WithServer(scope.Applications).Include(a => a.Settings).SingleOrDefaultAsync(a => a.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();
        await UnrouteAsync(application, cancellationToken);
        var docker = new DockerCli(shells.For(application.Destination!.Server!));
        var grace = application.Settings?.StopGracePeriod ?? 10; // Docker's own default for a stop; a rollout's drain is longer
        foreach (var container in await docker.PsAsync(ResourceLabel(application.Uuid), cancellationToken))
        {
            await docker.StopAsync(container.Name, grace, cancellationToken);
            await docker.RemoveContainerIfExistsAsync(container.Name, cancellationToken);
        }

        application.Status = "exited";
        audit.Add("application.stopped", scope.Access.UserId, scope.Access.TeamId, application.Name);
        await db.SaveChangesAsync(cancellationToken);
    }

    // Its domains leave the proxy before its containers go, so the proxy answers for them as for unknown hosts.
    private async Task UnrouteAsync(Application application, CancellationToken cancellationToken)
    {
        if (application.ServingContainer is null)
        {
            return;
        }

        application.ServingContainer = null;
        await db.SaveChangesAsync(cancellationToken);
        await proxy.ApplyAsync(application.Destination!.ServerId, cancellationToken);
    }

    /// <summary>The last <paramref name="lines"/> lines the application's newest container wrote (standard output and error).</summary>
    /// <returns>Null when the application has no container.</returns>
    public async Task<string?> LogsAsync(TeamScope scope, string? uuid, int lines, bool timestamps, CancellationToken cancellationToken)
    {
        var application = await WithServer(scope.Applications.AsNoTracking()).SingleOrDefaultAsync(a => a.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();
        var docker = new DockerCli(shells.For(application.Destination!.Server!));
        var container = (await docker.PsAsync(ResourceLabel(application.Uuid), cancellationToken)).FirstOrDefault();
        if (container is null)
        {
            return null;
        }

        var result = await docker.TailLogsAsync(container.Name, Math.Clamp(lines, 1, 10_000), cancellationToken, timestamps);
        return result.Output + result.Error;
    }

    /// <summary>Stops and removes the application's containers (and its volumes when asked), then deletes it.</summary>
    public async Task DeleteAsync(TeamScope scope, string? uuid, bool deleteVolumes, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var application = await scope.Applications.Include(a => a.Destination).ThenInclude(d => d!.Server).ThenInclude(s => s!.PrivateKey)
            .Include(a => a.Destination).ThenInclude(d => d!.Server).ThenInclude(s => s!.Settings)
            .SingleOrDefaultAsync(a => a.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();
        await UnrouteAsync(application, cancellationToken);
        var docker = new DockerCli(shells.For(application.Destination!.Server!));
        foreach (var container in await docker.PsAsync(ResourceLabel(application.Uuid), cancellationToken))
        {
            await docker.RemoveContainerAsync(container.Name, cancellationToken);
        }

        // Its built images (kept for rollback) go with it; best effort, an image in use elsewhere stays.
        foreach (var (reference, _) in await docker.ImagesWithLabelAsync(ResourceLabel(application.Uuid), cancellationToken))
        {
            await docker.RemoveImageIfUnusedAsync(reference, cancellationToken);
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

    private const string DeployKeyRepositoryMessage = "A deploy key reads the repository over SSH: use git@host:owner/repo.git or ssh://git@host/owner/repo.git.";

    private static bool IsSshRepository(string? repository) =>
        repository is not null && (repository.StartsWith("ssh://", StringComparison.Ordinal) || (!repository.Contains("://", StringComparison.Ordinal) && repository.Contains('@')));

    private static void Require(InputRules rules, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            rules.Add(field, $"The {field.Replace('_', ' ')} field is required.");
        }
    }

    private static async Task<int?> FindKeyAsync(TeamScope scope, string? uuid, InputRules rules, CancellationToken cancellationToken)
    {
        var id = string.IsNullOrWhiteSpace(uuid) ? null : await scope.PrivateKeys.Where(k => k.Uuid == uuid).Select(k => (int?)k.Id).SingleOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            rules.Add("private_key_uuid", string.IsNullOrWhiteSpace(uuid) ? "The private key uuid field is required." : "Private key not found.");
        }

        return id;
    }

    public const string ResourceLabelKey = "coolify.resource";

    /// <summary>The label every container, volume and image of the application carries.</summary>
    public static string ResourceLabel(string applicationUuid) => $"{ResourceLabelKey}={applicationUuid}";

    private static IQueryable<Application> WithServer(IQueryable<Application> applications) =>
        applications.Include(a => a.Destination).ThenInclude(d => d!.Server).ThenInclude(s => s!.PrivateKey)
            .Include(a => a.Destination).ThenInclude(d => d!.Server).ThenInclude(s => s!.Settings);

    private static IQueryable<Application> WithPlace(IQueryable<Application> applications) =>
        applications.Include(a => a.Environment).ThenInclude(e => e!.Project).Include(a => a.Destination).ThenInclude(d => d!.Server)
            .Include(a => a.Settings).Include(a => a.PrivateKey);

    // Project → environment (by uuid or name) and server → destination (given, or the server's first).
    private static async Task<(int EnvironmentId, Destination? Destination)> FindPlaceAsync(
        TeamScope scope, ApplicationPlace place, InputRules rules, CancellationToken cancellationToken)
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
