using System.Text.RegularExpressions;
using Coolify.Core.Common;

namespace Coolify.Core.Applications;

/// <summary>
/// Validates an <see cref="ApplicationChange"/> and applies it to an application and its settings: the one place
/// each field's rule lives. Values that reach a server later are either refused here or used literally there
/// (commands run inside the application's own containers, through argument vectors).
/// </summary>
public static partial class ApplicationFields
{
    public static readonly IReadOnlyList<string> BuildPacks =
        [ApplicationService.AutoBuildPack, ApplicationService.StaticBuildPack, ApplicationService.DockerfileBuildPack, ApplicationService.DockerImageBuildPack,
            ApplicationService.DockerComposeBuildPack];

    private const int CommandMaxLength = 4096;

    /// <summary>Applies the change; errors go to <paramref name="rules"/> (the caller saves only when there are none).</summary>
    public static void Apply(Application application, ApplicationSettings settings, ApplicationChange change, InputRules rules)
    {
        application.Name = change.Name is null ? application.Name : rules.Name("name", change.Name);
        application.Description = change.Description is null ? application.Description : rules.Text("description", change.Description);
        application.Fqdn = change.Domains is null ? application.Fqdn : Domains(rules, change.Domains);

        application.GitRepository = change.GitRepository is null ? application.GitRepository : rules.GitRepository("git_repository", change.GitRepository);
        application.GitBranch = change.GitBranch is null ? application.GitBranch : rules.GitBranch("git_branch", change.GitBranch);
        application.GitCommitSha = change.GitCommitSha is null ? application.GitCommitSha : Matching(rules, "git_commit_sha", change.GitCommitSha, CommitPattern(), "HEAD or a commit hash");
        application.DockerRegistryImageName = change.DockerRegistryImageName is null
            ? application.DockerRegistryImageName : rules.DockerImage("docker_registry_image_name", change.DockerRegistryImageName);
        application.DockerRegistryImageTag = change.DockerRegistryImageTag is null
            ? application.DockerRegistryImageTag : rules.DockerTag("docker_registry_image_tag", change.DockerRegistryImageTag);

        application.BuildPack = change.BuildPack is null ? application.BuildPack : BuildPack(rules, change.BuildPack);
        application.InstallCommand = Command(rules, "install_command", change.InstallCommand, application.InstallCommand);
        application.BuildCommand = Command(rules, "build_command", change.BuildCommand, application.BuildCommand);
        application.StartCommand = Command(rules, "start_command", change.StartCommand, application.StartCommand);
        application.BaseDirectory = change.BaseDirectory is null ? application.BaseDirectory : rules.RepositoryPath("base_directory", change.BaseDirectory);
        application.PublishDirectory = change.PublishDirectory is null ? application.PublishDirectory
            : string.IsNullOrWhiteSpace(change.PublishDirectory) ? null : rules.RepositoryPath("publish_directory", change.PublishDirectory);
        application.Dockerfile = change.Dockerfile is null ? application.Dockerfile : rules.Text("dockerfile", change.Dockerfile, 100_000);
        application.DockerfileLocation = change.DockerfileLocation is null ? application.DockerfileLocation : rules.RepositoryPath("dockerfile_location", change.DockerfileLocation);
        application.DockerfileTargetBuild = change.DockerfileTargetBuild is null ? application.DockerfileTargetBuild
            : string.IsNullOrWhiteSpace(change.DockerfileTargetBuild) ? null : Matching(rules, "dockerfile_target_build", change.DockerfileTargetBuild, StagePattern(), "a build stage name (letters, digits, '.', '_', '-')");
        application.StaticImage = change.StaticImage is null ? application.StaticImage : string.IsNullOrWhiteSpace(change.StaticImage) ? null : rules.DockerReference("static_image", change.StaticImage);
        settings.IsStatic = change.IsStatic ?? settings.IsStatic;
        settings.IsSpa = change.IsSpa ?? settings.IsSpa;
        settings.IsGitSubmodulesEnabled = change.IsGitSubmodulesEnabled ?? settings.IsGitSubmodulesEnabled;
        settings.DisableBuildCache = change.DisableBuildCache ?? settings.DisableBuildCache;
        settings.DockerImagesToKeep = change.DockerImagesToKeep is { } keep ? rules.Range("docker_images_to_keep", keep, 0, 100) : settings.DockerImagesToKeep;
        application.DockerComposeLocation = change.DockerComposeLocation is null ? application.DockerComposeLocation : rules.RepositoryPath("docker_compose_location", change.DockerComposeLocation);
        application.DockerComposeDomains = change.DockerComposeDomains is null ? application.DockerComposeDomains : ComposeDomains.Write(rules, change.DockerComposeDomains);

        application.PortsExposes = change.PortsExposes is null ? application.PortsExposes : rules.Ports("ports_exposes", change.PortsExposes);
        application.PortsMappings = change.PortsMappings is null ? application.PortsMappings
            : string.IsNullOrWhiteSpace(change.PortsMappings) ? null : Matching(rules, "ports_mappings", change.PortsMappings.Replace(" ", string.Empty, StringComparison.Ordinal), PortMappingsPattern(), "host:container port pairs separated by commas, like 8080:80");

        ApplyHealthCheck(application, change, rules);
        ApplyLimits(application, change, rules);
        ApplyRouting(application, settings, change, rules);

        application.CustomLabels = change.CustomLabels is null ? application.CustomLabels : Labels(rules, change.CustomLabels);
        if (!string.IsNullOrWhiteSpace(change.CustomDockerRunOptions))
        {
            rules.Add("custom_docker_run_options", "Custom docker run options are not supported; use the limits, labels, ports and storages fields.");
        }

        application.RestartPolicy = change.RestartPolicy is null ? application.RestartPolicy
            : OneOf(rules, "restart_policy", change.RestartPolicy, ["no", "always", "unless-stopped", "on-failure"]);
        settings.StopGracePeriod = change.StopGracePeriod is { } grace ? rules.Range("stop_grace_period", grace, 1, 3600) : settings.StopGracePeriod;
        application.PreDeploymentCommand = Command(rules, "pre_deployment_command", change.PreDeploymentCommand, application.PreDeploymentCommand);
        application.PreDeploymentCommandContainer = Container(rules, "pre_deployment_command_container", change.PreDeploymentCommandContainer, application.PreDeploymentCommandContainer);
        application.PostDeploymentCommand = Command(rules, "post_deployment_command", change.PostDeploymentCommand, application.PostDeploymentCommand);
        application.PostDeploymentCommandContainer = Container(rules, "post_deployment_command_container", change.PostDeploymentCommandContainer, application.PostDeploymentCommandContainer);
    }

    private static void ApplyHealthCheck(Application application, ApplicationChange change, InputRules rules)
    {
        application.HealthCheckEnabled = change.HealthCheckEnabled ?? application.HealthCheckEnabled;
        application.HealthCheckType = change.HealthCheckType is null ? application.HealthCheckType : OneOf(rules, "health_check_type", change.HealthCheckType, ["http", "cmd"]);
        application.HealthCheckCommand = Command(rules, "health_check_command", change.HealthCheckCommand, application.HealthCheckCommand);
        application.HealthCheckPath = change.HealthCheckPath is null ? application.HealthCheckPath : Matching(rules, "health_check_path", change.HealthCheckPath, UrlPathPattern(), "a path like /health");
        application.HealthCheckPort = change.HealthCheckPort is null ? application.HealthCheckPort
            : string.IsNullOrWhiteSpace(change.HealthCheckPort) ? null : Matching(rules, "health_check_port", change.HealthCheckPort, PortPattern(), "a port number (1-65535)");
        application.HealthCheckHost = change.HealthCheckHost is null ? application.HealthCheckHost : rules.Host("health_check_host", change.HealthCheckHost);
        application.HealthCheckMethod = change.HealthCheckMethod is null ? application.HealthCheckMethod : OneOf(rules, "health_check_method", change.HealthCheckMethod.ToUpperInvariant(), ["GET", "HEAD", "POST"]);
        application.HealthCheckScheme = change.HealthCheckScheme is null ? application.HealthCheckScheme : OneOf(rules, "health_check_scheme", change.HealthCheckScheme, ["http", "https"]);
        application.HealthCheckReturnCode = change.HealthCheckReturnCode is { } code ? rules.Range("health_check_return_code", code, 100, 599) : application.HealthCheckReturnCode;
        application.HealthCheckResponseText = change.HealthCheckResponseText is null ? application.HealthCheckResponseText : rules.Text("health_check_response_text", change.HealthCheckResponseText, 255);
        application.HealthCheckInterval = change.HealthCheckInterval is { } interval ? rules.Range("health_check_interval", interval, 1, 3600) : application.HealthCheckInterval;
        application.HealthCheckTimeout = change.HealthCheckTimeout is { } timeout ? rules.Range("health_check_timeout", timeout, 1, 3600) : application.HealthCheckTimeout;
        application.HealthCheckRetries = change.HealthCheckRetries is { } retries ? rules.Range("health_check_retries", retries, 1, 100) : application.HealthCheckRetries;
        application.HealthCheckStartPeriod = change.HealthCheckStartPeriod is { } start ? rules.Range("health_check_start_period", start, 0, 3600) : application.HealthCheckStartPeriod;
    }

    private static void ApplyRouting(Application application, ApplicationSettings settings, ApplicationChange change, InputRules rules)
    {
        if (change.NoindexDomains is not null || change.Domains is not null)
        {
            // Coolify: entries that are not among the application's domains are ignored (also when the domains change).
            var domains = Proxy.ProxyDomain.ReadStored(application.Fqdn).Select(d => d.ToString()).ToHashSet(StringComparer.Ordinal);
            var wanted = change.NoindexDomains ?? (application.NoindexDomains ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
            var kept = wanted.Select(w => Proxy.ProxyDomain.TryParse(w.Trim(), out var d, out _) ? d.ToString() : null)
                .Where(d => d is not null && domains.Contains(d)).Distinct().ToList();
            application.NoindexDomains = kept.Count == 0 ? null : string.Join(',', kept);
        }

        settings.IsForceHttpsEnabled = change.IsForceHttpsEnabled ?? settings.IsForceHttpsEnabled;
        settings.IsGzipEnabled = change.IsGzipEnabled ?? settings.IsGzipEnabled;
        settings.IsStripprefixEnabled = change.IsStripprefixEnabled ?? settings.IsStripprefixEnabled;
        application.Redirect = change.Redirect is null ? application.Redirect : OneOf(rules, "redirect", change.Redirect, ["both", "www", "non-www"]);
        application.IsHttpBasicAuthEnabled = change.IsHttpBasicAuthEnabled ?? application.IsHttpBasicAuthEnabled;
        application.HttpBasicAuthUsername = change.HttpBasicAuthUsername is null ? application.HttpBasicAuthUsername
            : Matching(rules, "http_basic_auth_username", change.HttpBasicAuthUsername, BasicAuthUserPattern(), "a user name of letters, digits, '.', '_', '@' and '-'");
        if (change.HttpBasicAuthPassword is { } password)
        {
            if (password.Length is < 1 or > 128 || password.Any(char.IsControl))
            {
                rules.Add("http_basic_auth_password", "The password must be 1 to 128 characters, without control characters.");
            }
            else
            {
                // The proxy needs a bcrypt hash; made once here, so the configuration stays the same between applies.
                application.HttpBasicAuthPassword = password;
                application.HttpBasicAuthPasswordHash = BCrypt.Net.BCrypt.HashPassword(password, workFactor: 10);
            }
        }

        if (application.IsHttpBasicAuthEnabled && (application.HttpBasicAuthUsername is null || application.HttpBasicAuthPasswordHash is null))
        {
            rules.Add("is_http_basic_auth_enabled", "HTTP basic auth needs a user name and a password.");
        }
    }

    private static void ApplyLimits(Application application, ApplicationChange change, InputRules rules)
    {
        const string size = "a size like 0 (no limit), 512m or 2g (at least 6m, Docker's minimum)";
        application.LimitsMemory = change.LimitsMemory is null ? application.LimitsMemory : Matching(rules, "limits_memory", change.LimitsMemory, SizePattern(), size);
        application.LimitsMemorySwap = change.LimitsMemorySwap is null ? application.LimitsMemorySwap : Matching(rules, "limits_memory_swap", change.LimitsMemorySwap, SizePattern(), size);
        application.LimitsMemoryReservation = change.LimitsMemoryReservation is null ? application.LimitsMemoryReservation : Matching(rules, "limits_memory_reservation", change.LimitsMemoryReservation, SizePattern(), size);
        application.LimitsMemorySwappiness = change.LimitsMemorySwappiness is { } swappiness ? rules.Range("limits_memory_swappiness", swappiness, 0, 100) : application.LimitsMemorySwappiness;
        application.LimitsCpus = change.LimitsCpus is null ? application.LimitsCpus : Matching(rules, "limits_cpus", change.LimitsCpus, CpusPattern(), "a number of CPUs like 0 (no limit), 0.5 or 2");
        application.LimitsCpuset = change.LimitsCpuset is null ? application.LimitsCpuset
            : string.IsNullOrWhiteSpace(change.LimitsCpuset) ? null : Matching(rules, "limits_cpuset", change.LimitsCpuset, CpusetPattern(), "CPUs like 0-3 or 0,2");
        application.LimitsCpuShares = change.LimitsCpuShares is { } shares ? rules.Range("limits_cpu_shares", shares, 0, 262144) : application.LimitsCpuShares;
    }

    private static string? Domains(InputRules rules, string value)
    {
        var domains = Proxy.ProxyDomain.ParseList(rules, "domains", value);
        return domains.Count == 0 ? null : string.Join(',', domains);
    }

    // Labels are one key=value per line. Keys are Docker's label keys; Coolify's own (coolify.*) are not the user's to set.
    private static string? Labels(InputRules rules, string value)
    {
        var lines = value.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var line in lines)
        {
            var equals = line.IndexOf('=');
            var key = equals < 0 ? line : line[..equals];
            if (!LabelKeyPattern().IsMatch(key) || key.StartsWith("coolify.", StringComparison.OrdinalIgnoreCase) || line.Any(char.IsControl))
            {
                rules.Add("custom_labels", $"'{line}' is not a label: one key=value per line, keys of letters, digits, '.', '-', '_' and '/', not starting with coolify.");
            }
        }

        return lines.Length == 0 ? null : string.Join('\n', lines);
    }

    private static string BuildPack(InputRules rules, string value)
    {
        var trimmed = value.Trim();
        // Coolify's API says nixpacks (and now railpack); ours is auto, which stands in for both.
        var pack = trimmed is "nixpacks" or "railpack" ? ApplicationService.AutoBuildPack : trimmed;
        if (!BuildPacks.Contains(pack))
        {
            rules.Add("build_pack", "The build pack must be one of nixpacks (auto), static, dockerfile, dockerimage, dockercompose.");
        }

        return pack;
    }

    private static string? Command(InputRules rules, string field, string? value, string? current) =>
        value is null ? current : string.IsNullOrWhiteSpace(value) ? null : rules.Text(field, value, CommandMaxLength);

    // Which compose service runs the command; an application has one container, so only the name's form matters.
    private static string? Container(InputRules rules, string field, string? value, string? current) =>
        value is null ? current : string.IsNullOrWhiteSpace(value) ? null : Matching(rules, field, value, StagePattern(), "a service name (letters, digits, '.', '_', '-')");

    private static string OneOf(InputRules rules, string field, string value, string[] allowed)
    {
        var trimmed = value.Trim();
        if (!allowed.Contains(trimmed, StringComparer.Ordinal))
        {
            rules.Add(field, $"The {field.Replace('_', ' ')} must be one of {string.Join(", ", allowed)}.");
        }

        return trimmed;
    }

    private static string Matching(InputRules rules, string field, string value, Regex pattern, string expected)
    {
        var trimmed = value.Trim();
        if (!pattern.IsMatch(trimmed))
        {
            rules.Add(field, $"The {field.Replace('_', ' ')} must be {expected}.");
        }

        return trimmed;
    }


    [GeneratedRegex("^[A-Za-z0-9._@-]{1,64}$")]
    private static partial Regex BasicAuthUserPattern();

    [GeneratedRegex("^(HEAD|[0-9a-f]{7,40})$")]
    private static partial Regex CommitPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex StagePattern();

    private const string Port = "([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])";

    [GeneratedRegex("^" + Port + "$")]
    private static partial Regex PortPattern();

    [GeneratedRegex("^" + Port + ":" + Port + "(/(tcp|udp))?(," + Port + ":" + Port + "(/(tcp|udp))?)*$")]
    private static partial Regex PortMappingsPattern();

    [GeneratedRegex(@"^/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$")]
    private static partial Regex UrlPathPattern();

    // 0 (no limit), or Docker's minimum of 6m and more: 6m-999m, 1g+, or at least 6291456 plain bytes / 6144k.
    [GeneratedRegex(@"^(0|([6-9]|[1-9]\d{1,})(\.\d+)?[mM]|\d+(\.\d+)?[gG]|[1-9]\d{6,}[bB]?|(6[1-9]\d{2}|[7-9]\d{3}|[1-9]\d{4,})[kK])$")]
    private static partial Regex SizePattern();

    [GeneratedRegex(@"^\d+(\.\d+)?$")]
    private static partial Regex CpusPattern();

    [GeneratedRegex(@"^\d+(-\d+)?(,\d+(-\d+)?)*$")]
    private static partial Regex CpusetPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._/-]{0,254}$")]
    private static partial Regex LabelKeyPattern();
}
