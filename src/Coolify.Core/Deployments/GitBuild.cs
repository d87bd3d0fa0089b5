using Coolify.Core.Applications;
using Coolify.Core.Commands;
using Coolify.Core.Docker;
using Coolify.Core.Servers;

namespace Coolify.Core.Deployments;

/// <summary>
/// Builds an application's image from its git repository on the server: resolve the branch to a commit, reuse the
/// image of that commit when there is one (unless forced), else a shallow clone into a private temporary folder and
/// <c>docker build</c>, tagged <c>&lt;app uuid&gt;:&lt;commit&gt;</c>. The folder is removed whatever happens.
/// </summary>
internal sealed class GitBuild(IServerShell shell, DockerCli docker, DeploymentLog log)
{
    private static readonly TimeSpan GitTimeout = TimeSpan.FromMinutes(30);

    /// <returns>The image to run, or null when the build failed (the log says why).</returns>
    public async Task<string?> BuildAsync(Application application, Deployment deployment, Server server, CancellationToken cancellationToken)
    {
        var repository = application.GitRepository!;
        await log.InfoAsync($"Building {repository} (branch {application.GitBranch}) on {server.Name}.");
        var commit = await ResolveCommitAsync(repository, application.GitBranch, cancellationToken);
        if (commit is null)
        {
            return null;
        }

        var image = $"{application.Uuid}:{commit}";
        if (!deployment.ForceRebuild && await docker.InspectAsync(image, cancellationToken) is not null)
        {
            await log.InfoAsync($"The image of commit {commit} is on the server already: build skipped.");
            return image;
        }

        var folder = (await shell.RunAsync(ShellCommand.Of("mktemp", "-d"), cancellationToken: cancellationToken)).EnsureSuccess(ShellCommand.Of("mktemp", "-d")).Output.Trim();
        try
        {
            var clone = Git("clone", "--depth", "1", "--branch", application.GitBranch, "--", repository, folder).MergeErrorIntoOutput();
            var cloned = await shell.RunAsync(clone, new CommandOptions { Timeout = GitTimeout, OnOutput = line => log.OutputAsync(line) }, cancellationToken);
            if (!cloned.Succeeded)
            {
                await log.InfoAsync($"git clone failed (exit code {cloned.ExitCode}).");
                return null;
            }

            var context = folder + application.BaseDirectory.TrimEnd('/');
            var dockerfile = context + application.DockerfileLocation;
            await log.InfoAsync($"Building the image {image} with {application.DockerfileLocation}.");
            var built = await docker.BuildAsync(
                context, image, [ApplicationService.ResourceLabel(application.Uuid), $"coolify.commit={commit}"], line => log.OutputAsync(line), cancellationToken, dockerfile);
            if (!built.Succeeded)
            {
                await log.InfoAsync($"docker build failed (exit code {built.ExitCode}).");
                return null;
            }

            return image;
        }
        finally
        {
            await shell.RunAsync(ShellCommand.Of("rm", "-rf", "--", folder), cancellationToken: CancellationToken.None);
        }
    }

    private async Task<string?> ResolveCommitAsync(string repository, string branch, CancellationToken cancellationToken)
    {
        var lsRemote = Git("ls-remote", "--", repository, "refs/heads/" + branch);
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

    // Never a password prompt: a repository that wants credentials fails at once instead of hanging.
    private static ShellCommand Git(params string[] arguments) =>
        ShellCommand.Of("git", arguments).WithEnvironment("GIT_TERMINAL_PROMPT", "0");
}
