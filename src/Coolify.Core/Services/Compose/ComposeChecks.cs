using System.Text.RegularExpressions;

namespace Coolify.Core.Services.Compose;

/// <summary>
/// What a compose file must be before any of it reaches a server: its shape (services as maps, environment as a
/// list or map), every service, volume and network name a plain name, no file of the server read by Compose, and
/// the options that reach beyond the resource's own containers listed as <see cref="ComposeRisk"/>s.
/// </summary>
public static partial class ComposeChecks
{
    public const int MaxNameLength = 63;

    private static readonly HashSet<string> DangerousCapabilities = new(StringComparer.OrdinalIgnoreCase)
    {
        "ALL", "SYS_ADMIN", "SYS_MODULE", "SYS_RAWIO", "SYS_PTRACE", "SYS_BOOT", "SYS_TIME", "NET_ADMIN", "DAC_READ_SEARCH", "MAC_ADMIN", "MAC_OVERRIDE", "BPF", "PERFMON",
    };

    private static readonly string[] HostNamespaces = ["network_mode", "pid", "ipc", "uts", "userns_mode", "cgroup"];

    /// <summary>The errors (refused whatever the settings) and the risks (refused unless allowed) of a document.</summary>
    /// <param name="folder">The folder on the server the project's relative paths resolve in; bind mounts inside it are the resource's own.</param>
    public static (List<string> Errors, List<ComposeRisk> Risks) Run(ComposeMap document, string folder)
    {
        var errors = new List<string>();
        var risks = new List<ComposeRisk>();
        if (document.ContainsKey("include"))
        {
            errors.Add("include: other compose files cannot be included; put their services in this file.");
        }

        if (document["services"] is not ComposeMap { Count: > 0 } services)
        {
            errors.Add("services: the compose file must define at least one service.");
            return (errors, risks);
        }

        foreach (var (name, value) in services.Entries)
        {
            if (!IsName(name))
            {
                errors.Add($"services: \"{Shown(name)}\" is not a valid service name (letters, digits, '-', '_' and '.', starting with a letter or digit, at most {MaxNameLength}).");
            }
            else if (value is not ComposeMap service)
            {
                errors.Add($"services.{name}: must be a mapping.");
            }
            else
            {
                CheckService(name, service, services.Keys.ToHashSet(StringComparer.Ordinal), folder, errors, risks);
            }
        }

        CheckTopLevel(document, "volumes", errors, risks);
        CheckTopLevel(document, "networks", errors, risks);
        foreach (var section in new[] { "secrets", "configs" })
        {
            foreach (var (name, value) in (document[section] as ComposeMap)?.Entries ?? [])
            {
                if ((value as ComposeMap)?.Text("file") is { } file)
                {
                    CheckHostPath(section, name, "file", file, folder, errors, risks);
                }

                if ((value as ComposeMap)?.ContainsKey("environment") == true)
                {
                    errors.Add($"{section}.{name}.environment: would take a value from the control plane's environment; write it as content.");
                }

                foreach (var key in ((value as ComposeMap)?.Keys ?? []).Where(k => k != "environment" && !ComposeAllowList.SecretKeys.Contains(k)))
                {
                    risks.Add(new(name, $"{section}.{key}", "an option not checked here"));
                }
            }
        }

        return (errors, risks);
    }

    public static bool IsName(string name) => name.Length <= MaxNameLength && NamePattern().IsMatch(name);

    private static void CheckService(string name, ComposeMap service, IReadOnlySet<string> services, string folder, List<string> errors, List<ComposeRisk> risks)
    {
        if (service.Text("image") is null && service["build"] is null)
        {
            errors.Add($"services.{name}: needs an image or a build.");
        }

        if (ComposeValues.Environment(service["environment"]) is not { } environment)
        {
            errors.Add($"services.{name}.environment: must be a list of KEY=value or a mapping.");
        }
        else if (environment.FirstOrDefault(e => !VariableName().IsMatch(e.Key)) is { Key: { } bad })
        {
            errors.Add($"services.{name}.environment: \"{Shown(bad)}\" is not a variable name.");
        }

        if (service.Text("privileged") is { } privileged && ComposeValues.IsTrue(privileged))
        {
            risks.Add(new(name, "privileged", "full access to the host"));
        }

        foreach (var option in HostNamespaces)
        {
            // Only the project's own: none, private, or another service of this file; the host's, another container's or
            // a network by name (another resource's) are risks.
            if (service.Text(option) is { } mode && !(mode is "none" or "private" or "shareable"
                || mode.StartsWith("service:", StringComparison.Ordinal) && services.Contains(mode["service:".Length..])))
            {
                risks.Add(new(name, option, mode == "host" ? "the host's own namespace" : $"{mode}: a namespace outside this resource"));
            }
        }

        foreach (var source in ComposeValues.Strings(service["volumes_from"]).Where(v => !services.Contains(v.Split(':')[0]) || v.StartsWith("container:", StringComparison.Ordinal)))
        {
            risks.Add(new(name, "volumes_from", $"{source}: the volumes of a container outside this resource"));
        }

        foreach (var link in ComposeValues.Strings(service["links"]).Where(l => !services.Contains(l.Split(':')[0])))
        {
            risks.Add(new(name, "links", $"{link}: a container outside this resource"));
        }

        foreach (var key in service.Keys.Where(k => !ComposeAllowList.ServiceKeys.Contains(k) && !k.StartsWith("x-", StringComparison.Ordinal)))
        {
            risks.Add(new(name, key, "an option not checked here"));
        }

        foreach (var label in (ComposeValues.Environment(service["labels"]) ?? []).Where(l => ComposeAllowList.ProxyLabelPrefixes.Any(p => l.Key.StartsWith(p, StringComparison.OrdinalIgnoreCase))))
        {
            risks.Add(new(name, "labels", $"{label.Key}: instructs the proxy, which could route another resource's domain here"));
        }

        foreach (var key in ((service["deploy"] as ComposeMap)?.Keys ?? []).Where(k => !ComposeAllowList.DeployKeys.Contains(k)))
        {
            risks.Add(new(name, $"deploy.{key}", "an option not checked here"));
        }

        if (((service["deploy"] as ComposeMap)?["resources"] as ComposeMap)?["reservations"] is ComposeMap reservations && reservations.ContainsKey("devices"))
        {
            risks.Add(new(name, "deploy.resources.reservations.devices", "access to the host's devices"));
        }

        foreach (var option in new[] { "devices", "device_cgroup_rules" })
        {
            if (ComposeValues.Strings(service[option]).Any() || service[option] is ComposeList { Items.Count: > 0 })
            {
                risks.Add(new(name, option, "access to the host's devices"));
            }
        }

        foreach (var capability in ComposeValues.Strings(service["cap_add"]).Where(c => DangerousCapabilities.Contains(c.Replace("CAP_", "", StringComparison.OrdinalIgnoreCase))))
        {
            risks.Add(new(name, "cap_add", capability));
        }

        foreach (var option in ComposeValues.Strings(service["security_opt"]).Where(o => o.Contains("unconfined", StringComparison.OrdinalIgnoreCase) || o.Replace('=', ':') == "label:disable"))
        {
            risks.Add(new(name, "security_opt", option));
        }

        CheckMounts(name, service, folder, errors, risks);
        foreach (var file in EnvFiles(service["env_file"]))
        {
            CheckHostPath("services", name, "env_file", file, folder, errors, risks);
        }

        if (service["extends"] is ComposeMap { } extends && extends.ContainsKey("file"))
        {
            errors.Add($"services.{name}.extends: services from other files cannot be extended.");
        }

        if (service["build"] is { } build)
        {
            CheckBuild(name, build, folder, errors, risks);
        }
    }

    // A build reads its context (relative, inside the checkout) and nothing else: no other contexts, no host network,
    // no entitlements, no argument taken from the control plane's environment (an argument without a value).
    private static void CheckBuild(string name, ComposeNode build, string folder, List<string> errors, List<ComposeRisk> risks)
    {
        var map = build as ComposeMap;
        var context = build is ComposeScalar scalar ? scalar.Value : map?.Text("context") ?? ".";
        if (context.Contains("://", StringComparison.Ordinal))
        {
            risks.Add(new(name, "build", $"{context}: a context from elsewhere"));
        }
        else
        {
            CheckHostPath("services", name, "build", context, folder, errors, risks);
        }

        foreach (var key in (map?.Keys ?? []).Where(k => !ComposeAllowList.BuildKeys.Contains(k)))
        {
            risks.Add(new(name, $"build.{key}", "a build option not checked here"));
        }

        if (map?.Text("dockerfile") is { } dockerfile && (dockerfile.StartsWith('/') || dockerfile.Split('/').Contains("..")))
        {
            errors.Add($"services.{name}.build.dockerfile: \"{Shown(dockerfile)}\" must be a path inside the build context.");
        }

        if ((ComposeValues.Environment(map?["args"]) ?? []).FirstOrDefault(a => a.Value is null) is { Key: { } open })
        {
            errors.Add($"services.{name}.build.args: {Shown(open)} needs a value (without one, Compose would take it from the control plane's environment).");
        }
    }

    private static void CheckMounts(string name, ComposeMap service, string folder, List<string> errors, List<ComposeRisk> risks)
    {
        if (service["volumes"] is null)
        {
            return;
        }

        if (service["volumes"] is not ComposeList volumes)
        {
            errors.Add($"services.{name}.volumes: must be a list.");
            return;
        }

        foreach (var entry in volumes.Items)
        {
            var mount = ComposeMount.Read(entry);
            if (mount is null)
            {
                errors.Add($"services.{name}.volumes: an entry is neither source:target nor a mapping with a target.");
            }
            else if (mount.IsBind && mount.Source is { } source)
            {
                CheckHostPath("services", name, "volumes", source, folder, errors, risks);
            }
            else if (mount is { Type: ComposeMount.Volume, Source: { } volume } && !IsName(volume))
            {
                errors.Add($"services.{name}.volumes: \"{Shown(volume)}\" is not a valid volume name.");
            }
        }
    }

    // A path Compose resolves on the server: inside the project's folder it is the resource's own; '..' out of it
    // is refused; any other absolute path (the Docker socket, /, /etc) is a risk an admin must allow.
    private static void CheckHostPath(string section, string name, string option, string path, string folder, List<string> errors, List<ComposeRisk> risks)
    {
        if (path.StartsWith('.'))
        {
            var full = Path.GetFullPath(Path.Combine(folder, path));
            if (full != folder && !full.StartsWith(folder + "/", StringComparison.Ordinal))
            {
                errors.Add($"{section}.{name}.{option}: \"{Shown(path)}\" leaves the resource's folder.");
            }
        }
        else if (path.StartsWith('~') || !Path.GetFullPath(path).StartsWith(folder + "/", StringComparison.Ordinal))
        {
            var what = path.TrimEnd('/') is "/var/run/docker.sock" or "/run/docker.sock" ? "the Docker socket (control of the whole server)"
                : path.Trim() is "/" ? "the whole host file system" : "a path on the host";
            risks.Add(new(name, option, $"{path}: {what}"));
        }
    }

    private static void CheckTopLevel(ComposeMap document, string section, List<string> errors, List<ComposeRisk> risks)
    {
        foreach (var (name, value) in (document[section] as ComposeMap)?.Entries ?? [])
        {
            if (!IsName(name))
            {
                errors.Add($"{section}: \"{Shown(name)}\" is not a valid name.");
            }
            else if (value is ComposeMap map && (map.Text("external") is { } external && ComposeValues.IsTrue(external) || map["external"] is ComposeMap))
            {
                risks.Add(new(name, section, "an existing Docker object outside this resource (external)"));
            }
            else if (value is ComposeMap named && named.Text("name") is { } dockerName && !IsName(dockerName))
            {
                errors.Add($"{section}.{name}.name: \"{Shown(dockerName)}\" is not a valid name.");
            }
            else if (value is ComposeMap options && options.Keys.FirstOrDefault(k => !(section == "volumes" ? ComposeAllowList.VolumeKeys : ComposeAllowList.NetworkKeys).Contains(k)
                && !(section == "networks" && k == "name") && !(k == "driver" && options.Text("driver") is "bridge" or "local")) is { } key)
            {
                risks.Add(new(name, $"{section}.{key}", "a driver or option that can reach the host or other networks"));
            }
            else if (section == "networks" && value is ComposeMap fixedName && fixedName.Text("name") is { } shared)
            {
                // Volumes are renamed to the resource's own; a network keeps a name it is given, so another resource's could be joined.
                risks.Add(new(name, section, $"the Docker network \"{shared}\" by a fixed name, which other resources may use"));
            }
        }
    }

    private static IEnumerable<string> EnvFiles(ComposeNode? node) => node switch
    {
        ComposeList list => list.Items.Select(i => i is ComposeMap map ? map.Text("path") : (i as ComposeScalar)?.Value).OfType<string>(),
        _ => ComposeValues.Strings(node),
    };

    private static string Shown(string text) => text.Length > 40 ? text[..40] + "…" : text.ReplaceLineEndings("\\n");

    [GeneratedRegex(@"\A[a-zA-Z0-9][a-zA-Z0-9_.-]*\z")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"\A[a-zA-Z_][a-zA-Z0-9_.-]*\z")]
    private static partial Regex VariableName();
}
