using System.Security.Cryptography;
using System.Text;
using Coolify.Core.Applications;
using Coolify.Core.Builds;
using Coolify.Core.Commands;
using Coolify.Core.Docker;

namespace Coolify.Core.Deployments;

/// <summary>
/// Builds an application's image on its server: from its git repository (the branch resolved to a commit, a
/// shallow clone into a private temporary folder) or from its inline Dockerfile; with the repository's Dockerfile
/// or one the <c>auto</c>/<c>static</c> build packs write (shown in the log). Tagged <c>&lt;app uuid&gt;:&lt;version&gt;</c>
/// and reused when that image exists and was built with the same settings, unless forced. Temporary files go
/// whatever happens.
/// </summary>
internal sealed class ImageBuild(IServerShell shell, DockerCli docker, DeploymentLog log, BuildPackImages images)
{
    // The deploy key's file on the server while git needs it (0600, removed afterwards); null for public repositories.
    private string? _keyFile;

    private static readonly TimeSpan GitTimeout = TimeSpan.FromMinutes(30);
    private const string BuildLabel = "coolify.build";

    /// <param name="variables">The build-time variables: build arguments, their values never in a command line.</param>
    /// <param name="deployKey">The private key that reads the repository over SSH, if it needs one.</param>
    /// <returns>The image to run, or null when the build failed (the log says why).</returns>
    public async Task<string?> BuildAsync(
        Application application, ApplicationSettings settings, Deployment deployment, IReadOnlyDictionary<string, string> variables, string? deployKey,
        CancellationToken cancellationToken)
    {
        if (deployKey is null)
        {
            return await BuildAsync(application, settings, deployment, variables, cancellationToken);
        }

        _keyFile = await shell.TemporaryAsync(cancellationToken);
        try
        {
            // OpenSSH wants the key to end with a line break.
            await UploadAsync(deployKey.TrimEnd() + "\n", _keyFile, cancellationToken);
            return await BuildAsync(application, settings, deployment, variables, cancellationToken);
        }
        finally
        {
            await shell.RunAsync(ShellCommand.Of("rm", "-f", "--", _keyFile), cancellationToken: CancellationToken.None);
        }
    }

    /// <summary>
    /// The repository's branch resolved and cloned into a private temporary folder for <paramref name="work"/> (given the
    /// folder and the commit), then removed whatever happens; null when it could not be read (the log says why).
    /// </summary>
    public async Task<T?> WithCheckoutAsync<T>(
        Application application, ApplicationSettings settings, string? deployKey, Func<string, string, Task<T?>> work, CancellationToken cancellationToken)
    {
        if (deployKey is not null)
        {
            _keyFile = await shell.TemporaryAsync(cancellationToken);
            await UploadAsync(deployKey.TrimEnd() + "\n", _keyFile, cancellationToken);
        }

        var folder = await shell.TemporaryAsync(cancellationToken, directory: true);
        try
        {
            await log.InfoAsync($"Reading {application.GitRepository} (branch {application.GitBranch}).");
            var commit = await ResolveCommitAsync(application.GitRepository!, application.GitBranch, cancellationToken);
            return commit is null || !await CloneAsync(application, settings, folder, cancellationToken) ? default : await work(folder, commit);
        }
        finally
        {
            await shell.RunAsync(ShellCommand.Of("rm", ["-rf", "--", folder, .. _keyFile is null ? Array.Empty<string>() : [_keyFile]]), cancellationToken: CancellationToken.None);
        }
    }

    /// <summary>Whether every path stays inside <paramref name="folder"/> once symbolic links are resolved (each refused one is logged).</summary>
    public Task<bool> StaysInsideAsync(string folder, IReadOnlyList<string> paths, CancellationToken cancellationToken) => InsideAsync(folder, paths, cancellationToken);

    private async Task<string?> BuildAsync(
        Application application, ApplicationSettings settings, Deployment deployment, IReadOnlyDictionary<string, string> variables, CancellationToken cancellationToken)
    {
        var inline = application.GitRepository is null;
        string? version;
        if (inline)
        {
            version = "dockerfile-" + Hash(application.Dockerfile ?? string.Empty)[..12];
            await log.InfoAsync("Building the application's Dockerfile.");
        }
        else
        {
            await log.InfoAsync($"Building {application.GitRepository} (branch {application.GitBranch}).");
            version = await ResolveCommitAsync(application.GitRepository!, application.GitBranch, cancellationToken);
        }

        if (version is null)
        {
            return null;
        }

        var image = $"{application.Uuid}:{version}";
        var configuration = BuildConfiguration(application, settings, variables);
        if (!deployment.ForceRebuild && await BuiltWithAsync(image, cancellationToken) == configuration)
        {
            await log.InfoAsync($"The image of {version} is on the server already, built with these settings: build skipped.");
            return image;
        }

        var folder = await shell.TemporaryAsync(cancellationToken, directory: true);
        var arguments = variables.Count > 0 ? await shell.TemporaryAsync(cancellationToken) : null;
        try
        {
            if (inline)
            {
                await UploadAsync(application.Dockerfile ?? string.Empty, folder + "/Dockerfile", cancellationToken);
            }
            else if (!await CloneAsync(application, settings, folder, cancellationToken))
            {
                return null;
            }

            var context = folder + application.BaseDirectory.TrimEnd('/');
            var dockerfile = inline ? folder + "/Dockerfile" : context + application.DockerfileLocation;
            var generatedBuild = application.BuildPack is ApplicationService.AutoBuildPack or ApplicationService.StaticBuildPack;
            if (!inline && !await InsideAsync(folder, generatedBuild ? [context] : [context, dockerfile], cancellationToken))
            {
                return null;
            }

            if (generatedBuild)
            {
                dockerfile = await PlanAsync(application, settings, folder, context, variables.Keys.ToList(), cancellationToken);
                if (dockerfile is null)
                {
                    return null;
                }
            }

            if (arguments is not null)
            {
                await UploadAsync(EnvironmentFile.Content(variables), arguments, cancellationToken);
            }

            await log.InfoAsync($"Building the image {image}.");
            var built = await docker.BuildAsync(
                new DockerBuild(context, image, [ApplicationService.ResourceLabel(application.Uuid), $"coolify.commit={version}", $"{BuildLabel}={configuration}"],
                    dockerfile, application.DockerfileTargetBuild, arguments is null ? null : new EnvironmentFile(arguments, [.. variables.Keys]),
                    NoCache: settings.DisableBuildCache),
                line => log.OutputAsync(line), cancellationToken);
            if (!built.Succeeded)
            {
                await log.InfoAsync($"docker build failed (exit code {built.ExitCode}).");
                return null;
            }

            return image;
        }
        finally
        {
            await shell.RunAsync(ShellCommand.Of("rm", ["-rf", "--", folder, .. arguments is null ? Array.Empty<string>() : [arguments]]), cancellationToken: CancellationToken.None);
        }
    }

    private async Task<bool> CloneAsync(Application application, ApplicationSettings settings, string folder, CancellationToken cancellationToken)
    {
        string[] submodules = settings.IsGitSubmodulesEnabled ? ["--recurse-submodules", "--shallow-submodules"] : [];
        var clone = Git(["clone", "--depth", "1", .. submodules, "--branch", application.GitBranch, "--", application.GitRepository!, folder]).MergeErrorIntoOutput();
        var cloned = await shell.RunAsync(clone, new CommandOptions { Timeout = GitTimeout, OnOutput = line => log.OutputAsync(line) }, cancellationToken);
        if (!cloned.Succeeded)
        {
            await log.InfoAsync($"git clone failed (exit code {cloned.ExitCode}).");
        }

        return cloned.Succeeded;
    }

    // The auto and static build packs: look at the repository, write the Dockerfile (and what it needs) into the
    // context, show it. Returns its path, or null when the repository gives no way to build it.
    private async Task<string?> PlanAsync(
        Application application, ApplicationSettings settings, string folder, string context, IReadOnlyList<string> argumentNames, CancellationToken cancellationToken)
    {
        var listing = await shell.RunAsync(ShellCommand.Of("ls", "-A", "--", context), cancellationToken: cancellationToken);
        if (!listing.Succeeded)
        {
            await log.InfoAsync($"The base directory {application.BaseDirectory} is not in the repository.");
            return null;
        }

        var files = listing.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var contents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in RepositoryFacts.FilesToRead.Where(files.Contains))
        {
            if (!await InsideAsync(folder, [$"{context}/{file}"], cancellationToken))
            {
                return null;
            }

            var read = await shell.RunAsync(ShellCommand.Of("head", "-c", "1048576", "--", $"{context}/{file}"), cancellationToken: cancellationToken);
            contents[file] = read.Output;
        }

        var request = new BuildRequest(
            application.BuildPack, int.Parse(application.PortsExposes.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture),
            application.InstallCommand, application.BuildCommand, application.StartCommand, application.PublishDirectory,
            settings.IsStatic, settings.IsSpa, application.StaticImage, argumentNames);
        var (plan, problem) = BuildPlanner.Plan(new RepositoryFacts(files, contents), request, images);
        if (plan is null)
        {
            await log.InfoAsync(problem!);
            return null;
        }

        await log.InfoAsync($"Detected {plan.Summary}. The Dockerfile:");
        foreach (var line in plan.Dockerfile.TrimEnd('\n').Split('\n'))
        {
            await log.AppendAsync("stdout", line, hidden: false);
        }

        // The history is not part of the build, and a static site must never serve it.
        var generated = $"{context}/{BuildPlan.Folder}";
        // A repository's own .coolify-build (a symlink, say) goes first: the files are written into a folder made here.
        var prepare = ShellCommand.Of("rm", "-rf", "--", folder + "/.git", generated).Then(ShellCommand.Of("mkdir", "--", generated));
        (await shell.RunAsync(prepare, cancellationToken: cancellationToken)).EnsureSuccess(prepare);
        foreach (var (name, text) in plan.Files.Append(new("Dockerfile", plan.Dockerfile)))
        {
            await UploadAsync(text, $"{generated}/{name}", cancellationToken);
        }

        return $"{generated}/Dockerfile";
    }

    // A repository can hold symlinks: its base directory, Dockerfile or package.json must not lead out of the clone
    // (into the server's own files). realpath resolves them all; everything must stay under the clone's folder.
    private async Task<bool> InsideAsync(string folder, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var resolve = ShellCommand.Of("realpath", ["-e", "--", folder, .. paths]);
        var resolved = await shell.RunAsync(resolve, cancellationToken: cancellationToken);
        var real = resolved.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (!resolved.Succeeded || real.Length != paths.Count + 1)
        {
            await log.InfoAsync($"Not in the repository: {string.Join(", ", paths.Select(p => p[folder.Length..]))}.");
            return false;
        }

        var outside = paths.Where((_, i) => real[i + 1] != real[0] && !real[i + 1].StartsWith(real[0] + "/", StringComparison.Ordinal)).ToList();
        if (outside.Count > 0)
        {
            await log.InfoAsync($"{string.Join(", ", outside.Select(p => p[folder.Length..]))} leads out of the repository (a symbolic link); refused.");
            return false;
        }

        return true;
    }

    private async Task<string?> ResolveCommitAsync(string repository, string branch, CancellationToken cancellationToken)
    {
        var lsRemote = Git(["ls-remote", "--", repository, "refs/heads/" + branch]);
        var result = await shell.RunAsync(lsRemote, new CommandOptions { Timeout = TimeSpan.FromMinutes(2) }, cancellationToken);
        var commit = result.Succeeded ? result.Output.Split('\t', '\n')[0].Trim() : string.Empty;
        if (commit.Length != 40)
        {
            await log.InfoAsync(result.Succeeded
                ? $"The repository has no branch {branch}."
                : $"Could not read the repository: {result.Error.Trim()}");
            return null;
        }

        await log.InfoAsync($"Branch {branch} is at commit {commit}.");
        return commit;
    }

    private async Task<string?> BuiltWithAsync(string image, CancellationToken cancellationToken) =>
        await docker.InspectImageAsync(image, cancellationToken) is { } found
        && found.TryGetProperty("Config", out var config) && config.TryGetProperty("Labels", out var labels)
        && labels.ValueKind == System.Text.Json.JsonValueKind.Object && labels.TryGetProperty(BuildLabel, out var value)
            ? value.GetString() : null;

    // Everything besides the source that decides what the image holds: when it changes, the commit's image is stale.
    private string BuildConfiguration(Application application, ApplicationSettings settings, IReadOnlyDictionary<string, string> variables) =>
        Hash(string.Join('\0', [
            application.BuildPack, application.BaseDirectory, application.DockerfileLocation, application.DockerfileTargetBuild ?? string.Empty,
            application.Dockerfile ?? string.Empty, application.InstallCommand ?? string.Empty, application.BuildCommand ?? string.Empty,
            application.StartCommand ?? string.Empty, application.PublishDirectory ?? string.Empty, application.StaticImage ?? string.Empty,
            application.PortsExposes, settings.IsStatic.ToString(), settings.IsSpa.ToString(), settings.IsGitSubmodulesEnabled.ToString(), images.ToString(),
            .. variables.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}")]))[..16];

    private Task UploadAsync(string text, string path, CancellationToken cancellationToken) =>
        shell.UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), path, 0x180, cancellationToken);

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    // Never a password prompt: a repository that wants credentials fails at once instead of hanging. With a deploy key,
    // ssh uses that key only and never asks about the host (Coolify's behaviour: the key is the trust).
    private ShellCommand Git(string[] arguments)
    {
        var git = ShellCommand.Of("git", arguments).WithEnvironment("GIT_TERMINAL_PROMPT", "0");
        return _keyFile is null ? git : git.WithEnvironment(
            "GIT_SSH_COMMAND", $"ssh -i {ShellQuote.Quote(_keyFile)} -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null");
    }
}
