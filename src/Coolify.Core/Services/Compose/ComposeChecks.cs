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
                CheckService(name, service, folder, errors, risks);
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
            }
        }

        return (errors, risks);
    }

    public static bool IsName(string name) => name.Length <= MaxNameLength && NamePattern().IsMatch(name);

    private static void CheckService(string name, ComposeMap service, string folder, List<string> errors, List<ComposeRisk> risks)
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
            if (service.Text(option) is { } mode && (mode == "host" || mode.StartsWith("container:", StringComparison.Ordinal)))
            {
                risks.Add(new(name, option, mode == "host" ? "the host's own namespace" : $"joins another container ({mode})"));
            }
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

        if (service["build"] is { } build && (build is ComposeScalar scalar ? scalar.Value : (build as ComposeMap)?.Text("context")) is { } context
            && !context.Contains("://", StringComparison.Ordinal))
        {
            CheckHostPath("services", name, "build", context, folder, errors, risks);
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
