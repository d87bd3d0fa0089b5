using System.Globalization;
using System.Text.Json;
using Coolify.Core.Applications;
using Coolify.Core.Commands;
using Coolify.Core.Common;
using Coolify.Core.Docker;
using Coolify.Core.Persistence;
using Coolify.Core.Services;
using Coolify.Core.Services.Compose;
using Coolify.Core.Services.Magic;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Deployments;

/// <summary>
/// The dockercompose build pack: the compose file read from the repository's checkout (its location setting), its
/// magic variables planned against the application's, its images built from the checkout, then brought up as a
/// project named by the application's uuid — health-checked services rolled out start-first, the others in place,
/// the log saying which — and each compose service's domains routed to its container.
/// </summary>
internal sealed class ComposeDeployment(CoolifyDbContext db, Proxy.ProxyService proxy, Builds.BuildPackImages images)
{
    public async Task<string> RunAsync(
        Application application, IServerShell shell, DockerCli docker, DeploymentLog log, string? deployKey, CancellationToken cancellationToken)
    {
        var build = new ImageBuild(shell, docker, log, images);
        return await build.WithCheckoutAsync(application, application.Settings ?? new ApplicationSettings(), deployKey,
            (folder, commit) => DeployAsync(application, shell, log, build, folder, commit, cancellationToken), cancellationToken) ?? DeploymentStatus.Failed;
    }

    private async Task<string?> DeployAsync(
        Application application, IServerShell shell, DeploymentLog log, ImageBuild build, string folder, string commit, CancellationToken cancellationToken)
    {
        var baseFolder = folder + application.BaseDirectory.TrimEnd('/');
        var file = baseFolder + application.DockerComposeLocation;
        if (!await build.StaysInsideAsync(folder, [baseFolder, file], cancellationToken))
        {
            return DeploymentStatus.Failed;
        }

        var read = await shell.RunAsync(ShellCommand.Of("head", "-c", (ComposeYamlReader.MaxBytes + 1).ToString(CultureInfo.InvariantCulture), "--", file), cancellationToken: cancellationToken);
        if (!read.Succeeded)
        {
            await log.InfoAsync($"The compose file {application.DockerComposeLocation} is not in the repository.");
            return DeploymentStatus.Failed;
        }

        application.DockerComposeRaw = read.Output;
        RenderedCompose rendered;
        IReadOnlySet<string> rollable;
        try
        {
            (rendered, rollable) = await RenderAsync(application, read.Output, baseFolder, commit, log, cancellationToken);
        }
        catch (ValidationException refused)
        {
            await log.InfoAsync($"The compose file {application.DockerComposeLocation} was refused:");
            foreach (var message in refused.Errors.Values.SelectMany(m => m))
            {
                await log.InfoAsync(message);
            }

            await db.SaveChangesAsync(CancellationToken.None);
            return DeploymentStatus.Failed;
        }

        application.DockerCompose = rendered.Yaml;
        await db.SaveChangesAsync(cancellationToken);
        var project = new ServiceProject(shell, application.Uuid, rendered, line => log.InfoAsync(line).AsTask());
        if (((ComposeMap)rendered.Document["services"]!).Entries.Any(s => s.Value is ComposeMap service && service["build"] is not null))
        {
            await log.InfoAsync("Building the compose file's images from the repository.");
            if (!await project.BuildAsync(line => log.OutputAsync(line), cancellationToken))
            {
                await log.InfoAsync("docker compose build failed.");
                return DeploymentStatus.Failed;
            }
        }

        try
        {
            await project.UpAsync(rollable, serving => RouteAsync(application, serving, log, cancellationToken), recreate: false, cancellationToken);
        }
        catch (ServiceRolloutException failed)
        {
            await log.InfoAsync(failed.Message);
            return DeploymentStatus.Failed;
        }

        application.Status = "running:unknown";
        await db.SaveChangesAsync(CancellationToken.None);
        await log.InfoAsync("Deployment finished: the compose file's services are up.");
        return DeploymentStatus.Finished;
    }

    // Plans the variables (new ones stored, domains given to services that declare one), renders the file for the server.
    private async Task<(RenderedCompose, IReadOnlySet<string>)> RenderAsync(
        Application application, string text, string checkout, string commit, DeploymentLog log, CancellationToken cancellationToken)
    {
        var document = ComposeYamlReader.Read(text);
        var services = ((ComposeMap)document["services"]!).Entries.Where(e => e.Value is ComposeMap).ToList();
        var databases = services.Where(s => ServiceDatabaseImages.EngineOf((ComposeMap)s.Value) is not null).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var stored = await db.EnvironmentVariables.Where(v => v.ResourceableType == ResourceKind.Application && v.ResourceableId == application.Id && !v.IsPreview)
            .ToListAsync(cancellationToken);
        var domainFor = await Proxy.GeneratedDomains.ForServerAsync(db, application.Destination!.ServerId, cancellationToken);
        var domains = ComposeDomains.Read(application.DockerComposeDomains);
        var plan = MagicVariables.Plan(document, application.Uuid, stored.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal),
            domains.ToDictionary(d => d.Key, d => (string?)d.Value), domainFor, databases, TimeProvider.System);
        application.DockerComposeDomains = ComposeDomains.WithDefaults(application.DockerComposeDomains, plan.Domains);
        domains = ComposeDomains.Read(application.DockerComposeDomains);
        StoredPlan.Apply(db, plan, ResourceKind.Application, application.Id, stored);

        // Every value is masked in the log (as for other build packs), but the domains, which the log names on purpose.
        log.AddSecrets(plan.Values.Where(v => !v.Key.StartsWith("SERVICE_URL_", StringComparison.Ordinal) && !v.Key.StartsWith("SERVICE_FQDN_", StringComparison.Ordinal)
            && v.Value.Length >= 8).Select(v => v.Value));
        var members = services.ToDictionary(s => s.Key, s => new ComposeMember($"{application.Uuid}-{s.Key}", databases.Contains(s.Key), domains.GetValueOrDefault(s.Key)));
        var rollable = ComposeRollout.Rollable(document, databases);
        var context = new ComposeRenderContext(
            application.Uuid, $"/data/coolify/applications/{application.Uuid}", plan.Values, stored.Where(v => v.IsLiteral).Select(v => v.Key).ToHashSet(StringComparer.Ordinal),
            members, AllowRiskyOptions: false, ResourceType: "application") { Rollable = rollable, Builds = (checkout, commit) };
        return (ComposeRenderer.Render(document, context), rollable);
    }

    private async Task RouteAsync(Application application, IReadOnlyDictionary<string, string> serving, DeploymentLog log, CancellationToken cancellationToken)
    {
        application.ComposeContainers = JsonSerializer.Serialize(serving);
        application.Status = "running:unknown";
        await db.SaveChangesAsync(cancellationToken);
        var routed = await proxy.ApplyAsync(application.Destination!.ServerId, cancellationToken);
        if (routed.Error is { } error)
        {
            throw new ServiceRolloutException($"The proxy refused the new routes: {error}");
        }

        foreach (var (service, domains) in ComposeDomains.Read(application.DockerComposeDomains).Where(d => serving.ContainsKey(d.Key)))
        {
            await log.InfoAsync($"The proxy sends {domains} to {serving[service]}.");
        }
    }
}
