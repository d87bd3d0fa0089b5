using Coolify.Core.Applications;
using Coolify.Core.Commands;
using Coolify.Core.Docker;
using Coolify.Core.Persistence;
using Coolify.Core.Servers;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Deployments;

/// <summary>
/// One deployment, start to finish, on the application's server: get the image, start a new container beside the
/// old one, wait until it is healthy, then remove the old. A new container that never becomes healthy is removed
/// (its last log lines shown) and the old one keeps serving.
/// </summary>
public sealed class DeploymentPipeline(
    CoolifyDbContext db, IServerShells shells, Builds.BuildPackImages buildImages, Storages.ResourceStorages storages, Proxy.ProxyService proxy)
{

    private static readonly HashSet<string> AutomaticVariables =
        ["SOURCE_COMMIT", "COOLIFY_FQDN", "COOLIFY_URL", "COOLIFY_BRANCH", "COOLIFY_RESOURCE_UUID", "COOLIFY_CONTAINER_NAME"];

    /// <returns>The deployment's outcome: <see cref="DeploymentStatus.Finished"/> or <see cref="DeploymentStatus.Failed"/>.</returns>
    /// <exception cref="OperationCanceledException">Cancelled; the running command on the server was killed.</exception>
    public async Task<string> RunAsync(int deploymentId, DeploymentLog log, CancellationToken cancellationToken)
    {
        var deployment = await db.Deployments.AsNoTracking().SingleAsync(d => d.Id == deploymentId, cancellationToken);
        var application = await db.Applications.Include(a => a.Destination).ThenInclude(d => d!.Server).ThenInclude(s => s!.PrivateKey)
            .Include(a => a.Destination).ThenInclude(d => d!.Server).ThenInclude(s => s!.Settings)
            .Include(a => a.Settings).SingleAsync(a => a.Id == deployment.ApplicationId, cancellationToken);
        var destination = application.Destination!;
        var server = destination.Server!;
        var shell = shells.For(server);
        var docker = new DockerCli(shell);
        var timeout = TimeSpan.FromSeconds(server.Settings!.DynamicTimeout);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        string? newContainer = null;

        try
        {
            // A compose application is its compose project: a restart is a redeploy of it (health-checked services start-first).
            if (application.BuildPack == ApplicationService.DockerComposeBuildPack)
            {
                if (deployment.Rollback)
                {
                    await log.InfoAsync("A compose application cannot be rolled back to an image: deploy the commit you want instead.");
                    return DeploymentStatus.Failed;
                }

                await docker.CreateNetworkAsync(destination.Network, [$"coolify.destination={destination.Uuid}"], limit.Token);
                return await new ComposeDeployment(db, proxy, buildImages).RunAsync(application, shell, docker, log, await DeployKeyAsync(application, limit.Token), limit.Token);
            }

            // Independent of the image, so done while it is looked up or built: the destination's network (there
            // since validation; made again if it went missing) and the containers the new one replaces.
            var resourceLabel = ApplicationService.ResourceLabel(application.Uuid);
            var networkReady = docker.CreateNetworkAsync(destination.Network, [$"coolify.destination={destination.Uuid}"], limit.Token);
            var previousContainers = docker.PsAsync(resourceLabel, limit.Token);
            var running = deployment.RestartOnly ? (await previousContainers).FirstOrDefault(c => c.State == "running")?.Image : null;
            if (running is not null)
            {
                await log.InfoAsync($"Restarting with the image running now, {running} (no build).");
            }

            var image = running ?? (deployment.Rollback ? await KeptImageAsync(docker, application, deployment.Commit, log, limit.Token)
                : application.BuildPack == ApplicationService.DockerImageBuildPack ? await PullImageAsync(docker, application, server, destination, log, limit.Token)
                : await BuildAsync(shell, docker, application, deployment, log, limit.Token));
            await Task.WhenAll(networkReady, previousContainers).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (image is null)
            {
                return DeploymentStatus.Failed;
            }

            await networkReady;
            var old = await previousContainers;
            var name = $"{application.Uuid}-{TimeProvider.System.GetUtcNow():yyyyMMddHHmmss}";
            var environment = await RuntimeEnvironmentAsync(application, image, name, limit.Token);
            // The user's values are masked in the log; Coolify's own (the branch, the uuid) are not secrets.
            log.AddSecrets(environment.Where(e => !AutomaticVariables.Contains(e.Key)).Select(e => e.Value));
            var serving = old.FirstOrDefault(c => c.State == "running");
            if (application.PreDeploymentCommand is { } pre && !await RunDeploymentCommandAsync(docker, serving?.Name, pre, "pre-deployment", log, limit.Token))
            {
                return DeploymentStatus.Failed;
            }

            if (!string.IsNullOrEmpty(application.PortsMappings) && old.Count > 0)
            {
                // A published host port has one owner: the old container goes first (a short outage, as in Coolify).
                await log.InfoAsync("Published ports cannot be shared between containers: the previous container stops before the new one starts.");
                foreach (var previous in old)
                {
                    await RetireAsync(docker, previous.Name, application.Settings?.StopGracePeriod ?? ApplicationSettings.DefaultStopGracePeriod);
                }

                old = [];
            }

            await log.InfoAsync($"Starting container {name} with {environment.Count} environment variables.");
            newContainer = name;
            // The values go in a private file (0600) on the server, never in a command line; it is removed once started.
            var (volumes, files) = await storages.ForResourceAsync(Common.ResourceKind.Application, application.Id, limit.Token);
            foreach (var volume in volumes.Where(v => v.HostPath is null))
            {
                await docker.CreateVolumeAsync(volume.Name, [resourceLabel], limit.Token);
            }

            string? envFile = null, filesArchive = null;
            try
            {
                envFile = await shell.TemporaryAsync(limit.Token);
                filesArchive = files.Count > 0 ? await shell.TemporaryAsync(limit.Token) : null;
                await shell.UploadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(EnvironmentFile.Content(environment))), envFile, 0x180, limit.Token);
                await log.InfoAsync($"Environment file {envFile} written (removed after the start).", hidden: true);
                if (filesArchive is not null)
                {
                    await using var archive = FileMountArchive.Create(files);
                    await shell.UploadAsync(archive, filesArchive, 0x180, limit.Token);
                    await log.InfoAsync($"{files.Count} file mount(s) go into the container before it starts.");
                }

                var mounts = volumes.Select(v => $"{v.HostPath ?? v.Name}:{v.MountPath}").ToList();
                var run = ApplicationContainer.For(application, name, image, destination.Network, deployment.Uuid, new EnvironmentFile(envFile, [.. environment.Keys]), mounts, filesArchive);
                await docker.RunAsync(run, limit.Token);
            }
            finally
            {
                string[] temporary = [.. new[] { envFile, filesArchive }.OfType<string>()];
                if (temporary.Length > 0)
                {
                    await shell.RunAsync(ShellCommand.Of("rm", ["-f", "--", .. temporary]), cancellationToken: CancellationToken.None);
                }
            }

            var healthy = await HealthGate.WaitAsync(docker, name, application, log, limit.Token);
            if (healthy is null)
            {
                var tail = await docker.TailLogsAsync(name, 100, CancellationToken.None);
                await log.InfoAsync("The new container did not become healthy; its last log lines:");
                foreach (var line in (tail.Output + tail.Error).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    await log.AppendAsync("stdout", line, hidden: false);
                }

                await docker.RemoveContainerAsync(name, CancellationToken.None);
                await log.InfoAsync(old.Count > 0 ? "Removed it; the previous container keeps serving." : "Removed it.");
                return DeploymentStatus.Failed;
            }

            if (application.PostDeploymentCommand is { } post && !await RunDeploymentCommandAsync(docker, name, post, "post-deployment", log, limit.Token))
            {
                await docker.RemoveContainerAsync(name, CancellationToken.None);
                await log.InfoAsync(old.Count > 0 ? "Removed the new container; the previous one keeps serving." : "Removed the new container.");
                return DeploymentStatus.Failed;
            }

            // Routes move to the new container only now that it is healthy; the proxy reloads gracefully (requests in
            // flight finish on the old one). A refused configuration leaves the old routes, so the old container stays.
            if (!await RouteAsync(application, name, log, limit.Token))
            {
                await docker.RemoveContainerAsync(name, CancellationToken.None);
                await log.InfoAsync(old.Count > 0 ? "Removed the new container; the previous one keeps serving." : "Removed the new container.");
                return DeploymentStatus.Failed;
            }

            // The new container serves now: whatever fails from here on, it stays. The old ones get their grace period to finish what they are doing, in
            // the background: a process that ignores SIGTERM would otherwise hold the deployment for the whole period.
            // If the control plane stops meanwhile, the next deployment removes them (they carry the app's label).
            newContainer = null;
            foreach (var previous in old)
            {
                await log.InfoAsync($"Stopping the previous container {previous.Name} (removed once it has stopped).");
                _ = RetireAsync(docker, previous.Name, application.Settings?.StopGracePeriod ?? ApplicationSettings.DefaultStopGracePeriod);
            }

            if (application.BuildPack != ApplicationService.DockerImageBuildPack)
            {
                await PruneImagesAsync(docker, application, image, log);
            }

            application.Status = healthy;
            await db.SaveChangesAsync(CancellationToken.None);
            await log.InfoAsync("Deployment finished: the new container is running.");
            return DeploymentStatus.Finished;
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await RemoveUnfinishedAsync(docker, newContainer);
            await log.InfoAsync($"The deployment ran longer than the server's deployment timeout ({timeout.TotalSeconds:0} s) and was stopped.");
            return DeploymentStatus.Failed;
        }
        catch (OperationCanceledException)
        {
            // Cancelled: a container this run started goes; the previous one was never touched.
            await RemoveUnfinishedAsync(docker, newContainer);
            throw;
        }
        catch (Exception ex) when (ex is CommandFailedException or CommandTimeoutException or ServerConnectionException)
        {
            await log.InfoAsync($"The deployment failed: {ex.Message}");
            // A container this run started and never switched to goes (best effort: the server may be what failed).
            await RemoveUnfinishedAsync(docker, newContainer).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return DeploymentStatus.Failed;
        }
    }

    private async Task<string?> BuildAsync(IServerShell shell, DockerCli docker, Application application, Deployment deployment, DeploymentLog log, CancellationToken cancellationToken)
    {
        var variables = await db.EnvironmentVariables.AsNoTracking()
            .Where(v => v.ResourceableType == Common.ResourceKind.Application && v.ResourceableId == application.Id && !v.IsPreview && v.IsBuildtime)
            .ToDictionaryAsync(v => v.Key, v => v.Value ?? string.Empty, StringComparer.Ordinal, cancellationToken);
        log.AddSecrets(variables.Values);
        var deployKey = await DeployKeyAsync(application, cancellationToken);
        return await new ImageBuild(shell, docker, log, buildImages)
            .BuildAsync(application, application.Settings ?? new ApplicationSettings(), deployment, variables, deployKey, cancellationToken);
    }

    private async Task<string?> DeployKeyAsync(Application application, CancellationToken cancellationToken) =>
        application.PrivateKeyId is { } keyId
            ? await db.PrivateKeys.AsNoTracking().Where(k => k.Id == keyId).Select(k => k.PrivateKeyValue).SingleOrDefaultAsync(cancellationToken)
            : null;

    // Coolify's pre-deployment command runs in the container serving now (skipped when none), the post-deployment one in the
    // new container once healthy. The command is the user's text, run by the container's shell as one argument.
    private static async Task<bool> RunDeploymentCommandAsync(
        DockerCli docker, string? container, string command, string kind, DeploymentLog log, CancellationToken cancellationToken)
    {
        if (container is null)
        {
            await log.InfoAsync($"No container is running: the {kind} command is skipped.");
            return true;
        }

        await log.InfoAsync($"Running the {kind} command in {container}.");
        var result = await docker.ExecAsync(container, ApplicationContainer.ShellIn(command), cancellationToken);
        foreach (var line in (result.Output + result.Error).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            await log.AppendAsync("stdout", line, hidden: false);
        }

        if (!result.Succeeded)
        {
            await log.InfoAsync($"The {kind} command failed (exit code {result.ExitCode}).");
        }

        return result.Succeeded;
    }

    // The user's runtime variables, then Coolify's automatic ones unless the user set them. Values that are not literal
    // may refer to others as ${NAME} (one level: what the referred value says, as written).
    private async Task<Dictionary<string, string>> RuntimeEnvironmentAsync(Application application, string image, string containerName, CancellationToken cancellationToken)
    {
        var variables = await db.EnvironmentVariables.AsNoTracking()
            .Where(v => v.ResourceableType == Common.ResourceKind.Application && v.ResourceableId == application.Id && !v.IsPreview && v.IsRuntime)
            .OrderBy(v => v.Order).ThenBy(v => v.Key).ToListAsync(cancellationToken);
        var environment = variables.ToDictionary(v => v.Key, v => v.Value ?? string.Empty, StringComparer.Ordinal);
        var automatic = new Dictionary<string, string>
        {
            ["SOURCE_COMMIT"] = image.Split(':')[^1],
            ["COOLIFY_FQDN"] = application.Fqdn ?? string.Empty,
            ["COOLIFY_URL"] = application.Fqdn ?? string.Empty,
            ["COOLIFY_BRANCH"] = application.GitBranch,
            ["COOLIFY_RESOURCE_UUID"] = application.Uuid,
            ["COOLIFY_CONTAINER_NAME"] = containerName,
        };
        foreach (var (key, value) in automatic)
        {
            environment.TryAdd(key, value);
        }

        var written = new Dictionary<string, string>(environment, StringComparer.Ordinal);
        foreach (var variable in variables.Where(v => !v.IsLiteral))
        {
            environment[variable.Key] = EnvironmentInterpolation.Apply(written[variable.Key], written);
        }

        return environment;
    }

    private async Task<bool> RouteAsync(Application application, string container, DeploymentLog log, CancellationToken cancellationToken)
    {
        var previous = application.ServingContainer;
        application.ServingContainer = container;
        await db.SaveChangesAsync(CancellationToken.None);
        var routed = await proxy.ApplyAsync(application.Destination!.ServerId, cancellationToken);
        var domains = Proxy.ProxyDomain.ReadStored(application.Fqdn);
        if (routed.Error is not null)
        {
            application.ServingContainer = previous;
            await db.SaveChangesAsync(CancellationToken.None);
            await log.InfoAsync($"The proxy refused the new configuration: {routed.Error}");
            return false;
        }

        if (domains.Count > 0)
        {
            await log.InfoAsync(routed.Running
                ? $"The proxy sends {string.Join(", ", domains)} to {container}."
                : $"The server's proxy is not running: start it on the server's Proxy page to reach {string.Join(", ", domains)}.");
        }

        return true;
    }

    private static async Task<string?> KeptImageAsync(DockerCli docker, Application application, string commit, DeploymentLog log, CancellationToken cancellationToken)
    {
        var image = $"{application.Uuid}:{commit}";
        if (await docker.InspectImageAsync(image, cancellationToken) is null)
        {
            await log.InfoAsync($"The image of {commit} is no longer on the server; roll back to one of the kept images.");
            return null;
        }

        await log.InfoAsync($"Rolling back to the kept image of {commit} (no build).");
        return image;
    }

    // The application's built images beyond the newest few (its setting, 2 by default) go; the running one stays.
    private async Task PruneImagesAsync(DockerCli docker, Application application, string current, DeploymentLog log)
    {
        var keep = await db.Set<ApplicationSettings>().Where(s => s.ApplicationId == application.Id).Select(s => s.DockerImagesToKeep).FirstOrDefaultAsync();
        var images = await docker.ImagesWithLabelAsync(ApplicationService.ResourceLabel(application.Uuid), CancellationToken.None);
        foreach (var (reference, _) in images.Where(i => i.Reference != current).Skip(Math.Max(0, keep - 1)))
        {
            await log.InfoAsync($"Removing the old image {reference}.", hidden: true);
            await docker.RemoveImageIfUnusedAsync(reference, CancellationToken.None);
        }
    }

    private static async Task RetireAsync(DockerCli docker, string container, int graceSeconds)
    {
        try
        {
            await docker.StopAsync(container, graceSeconds, CancellationToken.None);
        }
        catch (Exception ex) when (ex is CommandFailedException or CommandTimeoutException or ServerConnectionException)
        {
            // Gone already, or the server is unreachable: removal below, or the next deployment, takes care of it.
        }

        await docker.RemoveContainerIfExistsAsync(container, CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private static async Task RemoveUnfinishedAsync(DockerCli docker, string? container)
    {
        if (container is not null)
        {
            await docker.RemoveContainerIfExistsAsync(container, CancellationToken.None);
        }
    }

    // The application's image on the server: there already, or pulled; null when it cannot be had.
    private static async Task<string?> PullImageAsync(
        DockerCli docker, Application application, Server server, Destination destination, DeploymentLog log, CancellationToken cancellationToken)
    {
        var image = $"{application.DockerRegistryImageName}:{application.DockerRegistryImageTag ?? "latest"}";
        await log.InfoAsync($"Deploying {image} to {server.Name}, network {destination.Network}.");
        if (await docker.InspectImageAsync(image, cancellationToken) is not null)
        {
            await log.InfoAsync($"Image {image} is on the server.");
            return image;
        }

        await log.InfoAsync($"Pulling {image}.");
        var pulled = await docker.PullAsync(image, line => log.OutputAsync(line), cancellationToken);
        if (!pulled.Succeeded)
        {
            await log.InfoAsync($"Could not pull {image} (exit code {pulled.ExitCode}).");
            return null;
        }

        return image;
    }
}
