using Coolify.Core.Common;

namespace Coolify.Core.Services.Compose;

/// <summary>
/// Turns a user's (or a template's) compose file into what the server is given: variables filled in here (no
/// <c>.env</c> on the server's disk), the checks run on the result (so a variable cannot smuggle in a path the file
/// itself could not hold), then Coolify's additions — container names <c>&lt;service&gt;-&lt;uuid&gt;</c>, labels, the
/// resource's own network, volumes named <c>&lt;uuid&gt;_&lt;name&gt;</c>, relative paths under the resource's folder.
/// </summary>
public static class ComposeRenderer
{
    /// <exception cref="ValidationException">A variable is missing or malformed, a name or option is refused.</exception>
    public static RenderedCompose Render(ComposeMap raw, ComposeRenderContext context)
    {
        var document = (ComposeMap)raw.Clone();
        var variables = ComposeVariables.Resolve(context, document);
        ComposeVariables.NameUnsetVolumes(document, variables);
        var labels = context.LiteralLabels ? StashLabels(document) : [];
        try
        {
            ComposeWalk.Rewrite(document, text => ComposeInterpolation.Apply(text, name => variables.GetValueOrDefault(name)));
        }
        catch (ComposeInterpolationException e)
        {
            throw ValidationException.For(ComposeYamlReader.Field, e.Message);
        }

        foreach (var (service, stashed) in labels)
        {
            service["labels"] = stashed;
        }

        var risks = Check(document, context);
        var files = new List<ComposeProjectFile>();
        var containers = new Dictionary<string, string>(StringComparer.Ordinal);
        var volumes = new ComposeMap();
        var ownPaths = new List<string>();
        var services = (ComposeMap)document["services"]!;
        foreach (var (name, node) in services.Entries)
        {
            var service = (ComposeMap)node;
            var container = $"{name}-{context.Uuid}";
            containers[name] = container;
            var member = context.Members.GetValueOrDefault(name);
            var rollable = context.Rollable.Contains(name);
            service["container_name"] = rollable ? null : ComposeScalar.Text(container);
            service["restart"] ??= ComposeScalar.Text("unless-stopped");
            service["exclude_from_hc"] = null;
            service["environment"] = Environment(service, variables, context.Uuid, rollable ? null : container, member);
            service["labels"] = Labels(service, context, name, member);
            ComposeMounts.Rewrite(service, container, context, files, volumes, (document["volumes"] as ComposeMap) ?? new ComposeMap(), ownPaths);
            Build(service, name, context);
            if (files.Where(f => f.Container == container).ToList() is { Count: > 0 } own)
            {
                // The files are not in the definition Compose compares: their hash is, so a changed file makes the container anew.
                var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
                    string.Join('\0', own.Select(f => $"{f.Path}\0{f.Content}")))))[..16];
                ((ComposeMap)service["labels"]!)["coolify.files"] = ComposeScalar.Text(hash);
            }
            if (service["network_mode"] is null)
            {
                service["networks"] = Networks(service["networks"], context.Uuid);
            }
        }

        Finish(document, context, volumes, ownPaths);
        ComposeWalk.Rewrite(document, text => text.Replace("$", "$$", StringComparison.Ordinal));
        return new RenderedCompose(ComposeYamlWriter.Write(document), files, containers, document, context.Folder, ownPaths, risks);
    }

    // Labels out of the way of interpolation (put back before the checks, which read them).
    private static List<(ComposeMap Service, ComposeNode Labels)> StashLabels(ComposeMap document)
    {
        var stashed = new List<(ComposeMap, ComposeNode)>();
        foreach (var service in ((ComposeMap)document["services"]!).Entries.Select(e => e.Value).OfType<ComposeMap>())
        {
            if (service["labels"] is { } labels)
            {
                stashed.Add((service, labels));
                service["labels"] = null;
            }
        }

        return stashed;
    }

    private static List<string> Check(ComposeMap document, ComposeRenderContext context)
    {
        var (errors, risks) = ComposeChecks.Run(document, context.Folder);
        var refused = risks.Where(r => !context.AllowRiskyOptions || context.ApprovedRisks is { } approved && !approved.Contains(r.ToString())).ToList();
        if (refused.Count > 0)
        {
            errors.Add((context.AllowRiskyOptions
                ? "These options reach beyond this resource's own containers and are not among those a team admin allowed for it (an admin saving the file allows them): "
                : "These options reach beyond this resource's own containers and need a team admin to allow them for it: ") + $"{string.Join("; ", refused)}.");
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(new Dictionary<string, string[]> { [ComposeYamlReader.Field] = [.. errors] });
        }

        return [.. risks.Select(r => r.ToString())];
    }

    // Coolify's: every variable of the resource (its .env, which it gives every container), the services' names,
    // COOLIFY_*, then the service's own entries, which win.
    private static ComposeMap Environment(ComposeMap service, IReadOnlyDictionary<string, string> variables, string uuid, string? container, ComposeMember? member)
    {
        var environment = new ComposeMap();
        foreach (var (key, value) in variables.Where(v => Applications.EnvironmentVariables.IsValidKey(v.Key)))
        {
            environment[key] = ComposeScalar.Text(value);
        }

        environment["COOLIFY_RESOURCE_UUID"] = ComposeScalar.Text(uuid);
        if (container is not null)
        {
            // A rolled-out service's containers are named by Compose, a new name each rollout.
            environment["COOLIFY_CONTAINER_NAME"] = ComposeScalar.Text(container);
        }
        if (member?.Fqdn is { Length: > 0 } fqdn)
        {
            var urls = fqdn.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri : null).OfType<Uri>().ToList();
            environment["COOLIFY_URL"] = ComposeScalar.Text(string.Join(',', urls.Select(u => $"{u.Scheme}://{u.Host}{u.AbsolutePath.TrimEnd('/')}")));
            environment["COOLIFY_FQDN"] = ComposeScalar.Text(string.Join(',', urls.Select(u => u.Host)));
        }

        foreach (var (key, value) in ComposeValues.Environment(service["environment"]) ?? [])
        {
            environment[key] = ComposeScalar.Text(value is { Length: > 0 } ? value : variables.GetValueOrDefault(key) ?? string.Empty);
        }

        return environment;
    }

    // A build from the checkout: its context made absolute there, its image named after the resource and the commit
    // (Coolify's <uuid>_<service>:<commit>) when the file names none. Without a checkout there is nothing to build from.
    private static void Build(ComposeMap service, string name, ComposeRenderContext context)
    {
        if (service["build"] is not { } build)
        {
            return;
        }

        if (context.Builds is not { } builds)
        {
            throw ValidationException.For(ComposeYamlReader.Field, $"services.{name}.build: only a compose file from a git repository can build images; give an image.");
        }

        var map = build as ComposeMap ?? new ComposeMap();
        var relative = (build as ComposeScalar)?.Value ?? map.Text("context") ?? ".";
        if (!relative.Contains("://", StringComparison.Ordinal))
        {
            map["context"] = ComposeScalar.Text(Path.GetFullPath(Path.Combine(builds.Folder, relative)));
        }

        // Our labels on the built image, so deleting the resource removes it (as it does the other build packs' images).
        var labels = new ComposeMap();
        foreach (var label in ComposeValues.Environment(map["labels"]) ?? [])
        {
            labels[label.Key] = ComposeScalar.Text(label.Value ?? string.Empty);
        }

        labels["coolify.managed"] = ComposeScalar.Text("true");
        labels["coolify.resource"] = ComposeScalar.Text(context.Uuid);
        map["labels"] = labels;
        service["build"] = map;
        service["image"] ??= ComposeScalar.Text($"{context.Uuid}_{name}:{builds.Tag}");
    }

    private static ComposeMap Labels(ComposeMap service, ComposeRenderContext context, string name, ComposeMember? member)
    {
        var labels = new ComposeMap();
        foreach (var label in ComposeValues.Environment(service["labels"]) ?? [])
        {
            labels[label.Key] = ComposeScalar.Text(label.Value ?? string.Empty);
        }

        labels["coolify.managed"] = ComposeScalar.Text("true");
        labels["coolify.type"] = ComposeScalar.Text(context.ResourceType);
        labels["coolify.resource"] = ComposeScalar.Text(context.Uuid);
        labels["coolify.service.subName"] = ComposeScalar.Text(name);
        labels["coolify.service.subType"] = ComposeScalar.Text(member?.IsDatabase == true ? "database" : "application");
        if (member is not null)
        {
            labels["coolify.service.subId"] = ComposeScalar.Text(member.Uuid);
        }

        return labels;
    }

    // The service's own networks and the resource's network (which the proxy joins), as a map.
    private static ComposeMap Networks(ComposeNode? own, string uuid)
    {
        var networks = own as ComposeMap ?? new ComposeMap();
        foreach (var network in ComposeValues.Strings(own as ComposeList))
        {
            networks[network] = ComposeScalar.Plain("null");
        }

        networks[uuid] = ComposeScalar.Plain("null");
        return networks;
    }

    private static void Finish(ComposeMap document, ComposeRenderContext context, ComposeMap volumes, List<string> ownPaths)
    {
        // Secrets' and configs' relative files, like binds, are the resource folder's.
        foreach (var section in new[] { "secrets", "configs" })
        {
            foreach (var (_, value) in (document[section] as ComposeMap)?.Entries ?? [])
            {
                if (value is ComposeMap map && map.Text("file") is { } file && !file.StartsWith('/'))
                {
                    map["file"] = ComposeScalar.Text(Path.GetFullPath(Path.Combine(context.Folder, file)));
                    ownPaths.Add(map.Text("file")!);
                }
            }
        }

        foreach (var key in document.Keys.Where(k => k.StartsWith("x-", StringComparison.Ordinal) || k is "version" or "name").ToList())
        {
            document[key] = null;
        }

        document["volumes"] = volumes.Count > 0 ? volumes : null;
        var networks = document["networks"] as ComposeMap ?? new ComposeMap();
        var external = new ComposeMap();
        external["name"] = ComposeScalar.Text(context.Uuid);
        external["external"] = ComposeScalar.Plain("true");
        networks[context.Uuid] = external;
        document["networks"] = networks;
    }
}
