using Coolify.Core.Applications;
using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Coolify.Core.Projects;
using Coolify.Core.Servers;
using Coolify.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Services;

/// <summary>
/// A team's services (one-click from a template, or the user's compose file): created and changed only when the whole
/// file passes its checks, their generated values stored once (encrypted) and kept, started and stopped on their
/// server one change at a time per server, their domains routed by the server's proxy.
/// </summary>
public sealed class ComposeServices(CoolifyDbContext db, IServerShells shells, ServerLocks locks, Audit.AuditLog audit, Proxy.ProxyService proxy, TimeProvider time)
{
    public Task<List<Service>> ListAsync(TeamScope scope, CancellationToken cancellationToken) =>
        WithParts(scope.Services.AsNoTracking()).OrderBy(s => s.Name).ToListAsync(cancellationToken);

    /// <exception cref="NotFoundException">No such service in the team.</exception>
    public async Task<Service> GetAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken) =>
        await WithParts(scope.Services.AsNoTracking()).AsSplitQuery().SingleOrDefaultAsync(s => s.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();

    /// <summary>A new service from <paramref name="compose"/> (a template's or the user's); nothing is stored unless the whole file passes.</summary>
    /// <param name="serviceType">The catalog template it comes from (Coolify's <c>service_type</c>), null for the user's own file.</param>
    /// <exception cref="ValidationException">A field, the place or the compose file is refused.</exception>
    public async Task<Service> CreateAsync(
        TeamScope scope, ResourcePlace place, string? serviceType, string compose, ServiceChange change, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var rules = new InputRules();
        var service = new Service { Name = string.Empty, DockerComposeRaw = compose, ServiceType = serviceType };
        service.Name = change.Name is null ? $"{serviceType ?? "service"}-{service.Uuid}" : rules.Name("name", change.Name);
        service.Description = rules.Text("description", change.Description);
        service.ConnectToDockerNetwork = change.ConnectToDockerNetwork ?? false;
        service.IsContainerLabelEscapeEnabled = change.IsContainerLabelEscapeEnabled ?? true;
        service.AllowRiskyOptions = AllowRisky(scope, change.AllowRiskyOptions, false);
        var (environmentId, destination) = await ResourcePlaces.FindAsync(scope, place, rules, cancellationToken);
        rules.ThrowIfInvalid();
        service.EnvironmentId = environmentId;
        service.DestinationId = destination!.Id;

        var composition = ServiceComposition.Read(service);
        composition.SyncMembers();
        ApplyUrls(service, change.Urls);
        var plan = composition.Plan(new Dictionary<string, string?>(), await DomainsForAsync(destination.ServerId, cancellationToken), time);
        if (!change.ForceDomainOverride)
        {
            await ServiceDomainConflicts.EnsureFreeAsync(db, scope.Access.TeamId, destination.ServerId, service.Applications, cancellationToken);
        }

        var rendered = composition.Render(plan, new HashSet<string>(), placeholders: true, approving: service.AllowRiskyOptions);
        service.ApprovedRisks = service.AllowRiskyOptions ? string.Join('\n', rendered.Risks ?? []) : null;
        service.DockerCompose = Shown(rendered);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Services.Add(service);
        await db.SaveChangesAsync(cancellationToken);
        Magic.StoredPlan.Apply(db, plan, ResourceKind.Service, service.Id, []);
        audit.Add("service.created", scope.Access.UserId, scope.Access.TeamId, $"{service.Name} ({serviceType ?? "compose"})");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return service;
    }

    /// <summary>Changes a service's fields or compose file; the whole file is checked first, and a running service takes the change at its next start.</summary>
    /// <exception cref="ValidationException">A field or the file is refused; nothing changes then.</exception>
    public async Task<Service> UpdateAsync(TeamScope scope, string? uuid, ServiceChange change, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var service = await TrackedAsync(scope, uuid, cancellationToken);
        var rules = new InputRules();
        service.Name = change.Name is null ? service.Name : rules.Name("name", change.Name);
        service.Description = change.Description is null ? service.Description : rules.Text("description", change.Description);
        rules.ThrowIfInvalid();
        service.DockerComposeRaw = change.DockerComposeRaw ?? service.DockerComposeRaw;
        service.ConnectToDockerNetwork = change.ConnectToDockerNetwork ?? service.ConnectToDockerNetwork;
        service.IsContainerLabelEscapeEnabled = change.IsContainerLabelEscapeEnabled ?? service.IsContainerLabelEscapeEnabled;
        service.AllowRiskyOptions = AllowRisky(scope, change.AllowRiskyOptions, service.AllowRiskyOptions);
        var composition = ServiceComposition.Read(service);
        composition.SyncMembers();
        ApplyUrls(service, change.Urls);
        if (change.Urls is not null && !change.ForceDomainOverride)
        {
            await ServiceDomainConflicts.EnsureFreeAsync(db, scope.Access.TeamId, service.Destination!.ServerId, service.Applications, cancellationToken);
        }

        // A team admin saving allows what the file holds now; anyone else's save may add no new risk.
        var approving = service.AllowRiskyOptions && IsAdmin(scope);
        var (plan, rendered) = await PrepareAsync(service, composition, placeholders: true, cancellationToken, approving);
        service.ApprovedRisks = !service.AllowRiskyOptions ? null : approving ? string.Join('\n', rendered.Risks ?? []) : service.ApprovedRisks;
        service.DockerCompose = Shown(rendered);
        audit.Add("service.updated", scope.Access.UserId, scope.Access.TeamId, service.Name);
        await db.SaveChangesAsync(cancellationToken);
        return service;
    }

    /// <summary>Brings the service up (health-checked services rolled out start-first); returns what happened, service by service.</summary>
    /// <exception cref="ValidationException">A required variable has no value (the message names it) or the file is refused.</exception>
    /// <exception cref="ServiceRolloutException">The server refused, or a new container did not become healthy.</exception>
    public async Task<IReadOnlyList<string>> StartAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken, bool recreate = false)
    {
        scope.EnsureCanWrite();
        var service = await TrackedAsync(scope, uuid, cancellationToken);
        var composition = ServiceComposition.Read(service);
        composition.SyncMembers();
        var (_, rendered) = await PrepareAsync(service, composition, placeholders: false, cancellationToken);
        service.DockerCompose = Shown(rendered);
        await db.SaveChangesAsync(cancellationToken);

        var lines = new List<string>();
        var server = service.Destination!.Server!;
        using (await locks.AcquireAsync(server.Id, cancellationToken, "service"))
        {
            var project = new ServiceProject(shells.For(server), service.Uuid, rendered, line => { lines.Add(line); return Task.CompletedTask; });
            try
            {
                await project.UpAsync(composition.Rollable, serving => RouteAsync(service, serving, cancellationToken), recreate, cancellationToken);
                if (service.ConnectToDockerNetwork)
                {
                    await project.ConnectAsync(service.Destination.Network, cancellationToken);
                    lines.Add($"Its containers joined the network {service.Destination.Network} (as <service>-{service.Uuid}).");
                }
            }
            finally
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
        }

        service.Status = "running:unknown";
        audit.Add(recreate ? "service.restarted" : "service.started", scope.Access.UserId, scope.Access.TeamId, service.Name);
        await db.SaveChangesAsync(CancellationToken.None);
        return lines;
    }

    /// <summary>Stops and removes the containers (volumes kept); its domains leave the proxy first.</summary>
    public async Task StopAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var service = await TrackedAsync(scope, uuid, cancellationToken);
        await DownAsync(service, removeVolumes: false, cancellationToken);
        audit.Add("service.stopped", scope.Access.UserId, scope.Access.TeamId, service.Name);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Removes the containers (and the volumes unless asked to keep them), the service's network, then the service.</summary>
    public async Task DeleteAsync(TeamScope scope, string? uuid, bool deleteVolumes, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var service = await TrackedAsync(scope, uuid, cancellationToken);
        await DownAsync(service, deleteVolumes, cancellationToken);
        var docker = new Docker.DockerCli(shells.For(service.Destination!.Server!));
        await shells.For(service.Destination!.Server!).RunAsync(
            Commands.ShellCommand.Of("docker", "network", "disconnect", "--force", "--", service.Uuid, Proxy.ProxyContainer.Name), cancellationToken: CancellationToken.None);
        await docker.RemoveNetworkAsync(service.Uuid, CancellationToken.None);
        db.EnvironmentVariables.RemoveRange(db.EnvironmentVariables.Where(v => v.ResourceableType == ResourceKind.Service && v.ResourceableId == service.Id));
        service.DeletedAt = db.GetUtcNow();
        audit.Add("service.deleted", scope.Access.UserId, scope.Access.TeamId, service.Name);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Changes one compose service application (its domains among them); the routes follow at once for a running service.</summary>
    /// <exception cref="ValidationException">A domain is malformed; nothing changes then.</exception>
    public async Task<ServiceApplication> UpdateApplicationAsync(TeamScope scope, string? uuid, string? applicationUuid, ServiceApplicationChange change, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var service = await TrackedAsync(scope, uuid, cancellationToken);
        var application = service.Applications.SingleOrDefault(a => a.Uuid == applicationUuid) ?? throw new NotFoundException();
        var rules = new InputRules();
        if (change.Url is not null)
        {
            var domains = Proxy.ProxyDomain.ParseList(rules, "url", change.Url);
            application.Fqdn = domains.Count == 0 ? null : string.Join(',', domains);
        }

        application.HumanName = change.HumanName is null ? application.HumanName : rules.Name("human_name", change.HumanName);
        application.Description = change.Description is null ? application.Description : rules.Text("description", change.Description);
        rules.ThrowIfInvalid();
        if (change.Url is not null && !change.ForceDomainOverride)
        {
            await ServiceDomainConflicts.EnsureFreeAsync(db, scope.Access.TeamId, service.Destination!.ServerId, [application], cancellationToken);
        }

        application.ExcludeFromStatus = change.ExcludeFromStatus ?? application.ExcludeFromStatus;
        application.IsGzipEnabled = change.IsGzipEnabled ?? application.IsGzipEnabled;
        application.IsStripprefixEnabled = change.IsStripprefixEnabled ?? application.IsStripprefixEnabled;
        if (change.NoindexDomains is { } noindex)
        {
            var own = Proxy.ProxyDomain.ReadStored(application.Fqdn).Select(d => d.ToString()).ToHashSet(StringComparer.Ordinal);
            var kept = noindex.Where(own.Contains).ToList();
            application.NoindexDomains = kept.Count == 0 ? null : string.Join(',', kept);
        }

        // The SERVICE_URL_* / SERVICE_FQDN_* variables follow the new domain at the next start, as in Coolify.
        audit.Add("service.application.updated", scope.Access.UserId, scope.Access.TeamId, $"{application.Name} of {service.Name}");
        await db.SaveChangesAsync(cancellationToken);
        if (application.ServingContainer is not null)
        {
            await proxy.ApplyAsync(service.Destination!.ServerId, cancellationToken);
        }

        return application;
    }

    /// <summary>Starts, stops or restarts the containers of one compose service (Coolify's per-application and per-database actions).</summary>
    /// <param name="action"><c>start</c>, <c>stop</c> or <c>restart</c>.</param>
    public async Task ControlPartAsync(TeamScope scope, string? uuid, string? partUuid, string action, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var service = await GetAsync(scope, uuid, cancellationToken);
        var name = service.Applications.SingleOrDefault(a => a.Uuid == partUuid)?.Name ?? service.Databases.SingleOrDefault(d => d.Uuid == partUuid)?.Name
            ?? throw new NotFoundException();
        var shell = shells.For(service.Destination!.Server!);
        var containers = (await ServiceProject.ContainersAsync(new Docker.DockerCli(shell), service.Uuid, cancellationToken)).GetValueOrDefault(name) ?? [];
        if (containers.Count == 0)
        {
            throw ValidationException.For("uuid", $"{name} has no container: start the service first.");
        }

        foreach (var container in containers)
        {
            var command = Commands.ShellCommand.Of("docker", action, "--", container.Id);
            (await shell.RunAsync(command, cancellationToken: cancellationToken)).EnsureSuccess(command);
        }

        audit.Add($"service.part.{action}", scope.Access.UserId, scope.Access.TeamId, $"{name} of {service.Name}");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The last lines of a compose service's container(s).</summary>
    public async Task<string> LogsAsync(TeamScope scope, string? uuid, string? subService, int lines, bool timestamps, CancellationToken cancellationToken)
    {
        var service = await GetAsync(scope, uuid, cancellationToken);
        if (service.Applications.All(a => a.Name != subService) && service.Databases.All(d => d.Name != subService))
        {
            throw ValidationException.For("sub_service_name", "The service has no application or database by that name.");
        }

        var container = service.Applications.SingleOrDefault(a => a.Name == subService)?.ServingContainer ?? $"{subService}-{service.Uuid}";
        var result = await new Docker.DockerCli(shells.For(service.Destination!.Server!)).TailLogsAsync(container, Math.Clamp(lines, 1, 10_000), cancellationToken, timestamps);
        return result.Output + result.Error;
    }

    private async Task DownAsync(Service service, bool removeVolumes, CancellationToken cancellationToken)
    {
        service.Status = "exited";
        service.Applications.ForEach(a => a.ServingContainer = null);
        await db.SaveChangesAsync(cancellationToken);
        await proxy.ApplyAsync(service.Destination!.ServerId, cancellationToken);
        using (await locks.AcquireAsync(service.Destination.ServerId, cancellationToken, "service"))
        {
            await ServiceProject.TearDownAsync(shells.For(service.Destination.Server!), service.Uuid, removeVolumes, cancellationToken);
        }
    }

    // The routes follow each rollout step: saved, then the proxy told (a refused configuration keeps the old routes).
    private async Task RouteAsync(Service service, IReadOnlyDictionary<string, string> serving, CancellationToken cancellationToken)
    {
        foreach (var application in service.Applications)
        {
            application.ServingContainer = serving.GetValueOrDefault(application.Name);
        }

        service.Status = "running:unknown";
        await db.SaveChangesAsync(cancellationToken);
        var outcome = await proxy.ApplyAsync(service.Destination!.ServerId, cancellationToken);
        if (outcome.Error is { } error)
        {
            throw new ServiceRolloutException($"The proxy refused the new routes: {error}");
        }
    }

    // Plans the variables against the stored ones, stores what the plan adds or refreshes, renders the file.
    private async Task<(Magic.ServiceVariablePlan, Compose.RenderedCompose)> PrepareAsync(
        Service service, ServiceComposition composition, bool placeholders, CancellationToken cancellationToken, bool approving = false)
    {
        var stored = await db.EnvironmentVariables.Where(v => v.ResourceableType == ResourceKind.Service && v.ResourceableId == service.Id && !v.IsPreview)
            .ToListAsync(cancellationToken);
        var plan = composition.Plan(stored.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal),
            await DomainsForAsync(service.Destination!.ServerId, cancellationToken), time);
        var rendered = composition.Render(plan, stored.Where(v => v.IsLiteral).Select(v => v.Key).ToHashSet(StringComparer.Ordinal), placeholders, approving);
        Magic.StoredPlan.Apply(db, plan, ResourceKind.Service, service.Id, stored);
        return (plan, rendered);
    }

    private Task<Func<string, string>> DomainsForAsync(int serverId, CancellationToken cancellationToken) =>
        Proxy.GeneratedDomains.ForServerAsync(db, serverId, cancellationToken);

    // Coolify's urls: comma-separated domains per named compose service application.
    private static void ApplyUrls(Service service, IReadOnlyList<ServiceUrl>? urls)
    {
        var rules = new InputRules();
        foreach (var (url, index) in (urls ?? []).Select((u, i) => (u, i)))
        {
            if (service.Applications.SingleOrDefault(a => a.Name == url.Name) is not { } application)
            {
                rules.Add($"urls.{index}.name", $"The service has no application named \"{url.Name}\".");
                continue;
            }

            var domains = Proxy.ProxyDomain.ParseList(rules, $"urls.{index}.url", url.Url);
            application.Fqdn = domains.Count == 0 ? null : string.Join(',', domains);
        }

        rules.ThrowIfInvalid();
    }

    private static bool IsAdmin(TeamScope scope) => scope.Access.Role >= TeamRole.Admin || scope.Access.IsInstanceAdmin;

    private static bool AllowRisky(TeamScope scope, bool? wanted, bool current)
    {
        if (wanted is { } allow && allow != current && !IsAdmin(scope))
        {
            throw new ForbiddenException("Only a team admin can allow or forbid options that reach beyond a service's own containers.");
        }

        return wanted ?? current;
    }

    // What the API shows (with read:sensitive) as the file Compose runs.
    private static string Shown(Compose.RenderedCompose rendered) => rendered.Yaml;

    private async Task<Service> TrackedAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken) =>
        await WithParts(scope.Services).AsSplitQuery().SingleOrDefaultAsync(s => s.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();

    private static IQueryable<Service> WithParts(IQueryable<Service> services) =>
        services.Include(s => s.Applications).Include(s => s.Databases).Include(s => s.Destination!).ThenInclude(d => d.Server!).ThenInclude(s => s.PrivateKey)
            .Include(s => s.Destination!).ThenInclude(d => d.Server!).ThenInclude(s => s.Settings).Include(s => s.Environment!).ThenInclude(e => e.Project);
}
