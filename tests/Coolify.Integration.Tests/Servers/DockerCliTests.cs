using System.Text;
using Coolify.Core.Commands;
using Coolify.Core.Docker;
using Coolify.Infrastructure.Servers.Ssh;

namespace Coolify.Integration.Tests.Servers;

/// <summary>Typed Docker over SSH against the test machine's dockerd, with the base image scripts/test.sh builds.</summary>
public sealed class DockerCliTests : IDisposable
{
    private readonly SshConnectionPool _pool = new(new MemoryHostKeyStore());
    private readonly IServerShell _shell;
    private readonly DockerCli _docker;
    private readonly string _image;
    private readonly string _id = Guid.NewGuid().ToString("N")[..10];

    public DockerCliTests()
    {
        _image = Environment.GetEnvironmentVariable("COOLIFY_TEST_BASE_IMAGE") ?? string.Empty;
        Assert.SkipWhen(!TestSshServer.Available || _image.Length == 0, "no test sshd or base image (run scripts/test.sh)");
        _shell = _pool.For(TestSshServer.RequireTarget($"docker-cli-{_id}"));
        _docker = new DockerCli(_shell);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Container_RunsWithOurLabels_ExecsAndStreamsLogs_ThenGoes()
    {
        var name = $"coolify-test-{_id}";
        var resource = $"coolify.resource={_id}";
        try
        {
            await _docker.RunAsync(new DockerRun(name, _image, [resource], Command: ["sh", "-c", "for i in 1 2 3; do echo line $i; done; exec sleep 600"]), Token);

            var listed = Assert.Single(await _docker.PsAsync(resource, Token));
            Assert.Equal(name, listed.Name);
            Assert.Equal("true", listed.Labels["coolify.managed"]);
            var state = (await _docker.InspectContainerAsync(name, Token))!.Value.GetProperty("State");
            Assert.True(state.GetProperty("Running").GetBoolean());
            var exec = await _docker.ExecAsync(name, ["cat", "/etc/debian_version"], Token);
            Assert.StartsWith("12", exec.Output, StringComparison.Ordinal);

            // Following the logs streams lines as they come; cancelling ends the follow (and its process).
            var third = new TaskCompletionSource();
            using var stop = new CancellationTokenSource();
            var follow = _docker.LogsAsync(name, follow: true, line =>
            {
                if (line.Text == "line 3")
                {
                    third.TrySetResult();
                }

                return ValueTask.CompletedTask;
            }, stop.Token);
            await third.Task.WaitAsync(TimeSpan.FromSeconds(30), Token);
            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => follow);

            await _docker.StopAsync(name, 1, Token);
            Assert.False((await _docker.InspectContainerAsync(name, Token))!.Value.GetProperty("State").GetProperty("Running").GetBoolean());
        }
        finally
        {
            await _docker.RemoveContainerAsync(name, Token);
        }

        Assert.Empty(await _docker.PsAsync(resource, Token));
        Assert.Null(await _docker.InspectContainerAsync(name, Token));
    }

    [Fact]
    public async Task OptionLookingImage_IsAnImageName_NotAnOption()
    {
        var name = $"coolify-test-opt-{_id}";

        // Were "--privileged" read as an option, docker would take the next argument as the image and start it.
        var failure = await Assert.ThrowsAsync<CommandFailedException>(() =>
            _docker.RunAsync(new DockerRun(name, "--privileged", Command: [_image, "sleep", "60"]), Token));

        Assert.Contains("invalid reference format", failure.Result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Null(await _docker.InspectContainerAsync(name, Token));
    }

    [Fact]
    public async Task Volume_IsCreatedLabelled_ListedAndRemoved()
    {
        var name = $"coolify-test-{_id}";
        await _docker.CreateVolumeAsync(name, [$"coolify.resource={_id}"], Token);

        Assert.Equal([name], await _docker.ListVolumesAsync($"coolify.resource={_id}", Token));
        await _docker.RemoveVolumeAsync(name, Token);
        Assert.Empty(await _docker.ListVolumesAsync($"coolify.resource={_id}", Token));
    }

    [Fact]
    public async Task Build_StreamsItsOutput_TakesBuildArgumentsFromAFile_AndMakesALabelledImage()
    {
        var directory = $"/tmp/coolify-build-{_id}";
        var tag = $"coolify-test/build:{_id}";
        await _shell.RunAsync(ShellCommand.Of("mkdir", "-p", directory), cancellationToken: Token);
        await _shell.UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes($"FROM {_image}\nARG GREETING\nRUN echo built-{_id}-\"$GREETING\" > /built && cat /built\n")), directory + "/Dockerfile", 0x1a4, Token);
        // A value with quotes and a shell expansion in it arrives as written.
        var arguments = directory + ".args";
        await _shell.UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes($"export GREETING={ShellQuote.Quote("it's $(id)")}\n")), arguments, 0x180, Token);
        var lines = new List<string>();
        try
        {
            var result = await _docker.BuildAsync(
                new DockerBuild(directory, tag, [$"coolify.resource={_id}"], Arguments: new EnvironmentFile(arguments, ["GREETING"])),
                line => { lines.Add(line.Text); return ValueTask.CompletedTask; }, Token);

            Assert.True(result.Succeeded, result.Error);
            Assert.Contains(lines, l => l.Contains($"built-{_id}-it's $(id)", StringComparison.Ordinal));
            Assert.Equal([tag], await _docker.ListImagesAsync(tag, Token));
            var labels = (await _docker.InspectImageAsync(tag, Token))!.Value.GetProperty("Config").GetProperty("Labels");
            Assert.Equal("true", labels.GetProperty("coolify.managed").GetString());
        }
        finally
        {
            await _shell.RunAsync(ShellCommand.Of("docker", "image", "rm", "--force", tag), cancellationToken: Token);
            await _shell.RunAsync(ShellCommand.Of("rm", "-rf", directory, directory + ".args"), cancellationToken: Token);
        }
    }

    [Fact]
    public async Task Compose_UpPsDown_WithWhicheverComposeTheServerHas()
    {
        var directory = $"/tmp/coolify-compose-{_id}";
        var project = $"coolifytest{_id}";
        await _shell.RunAsync(ShellCommand.Of("mkdir", "-p", directory), cancellationToken: Token);
        var file = $"version: \"3.8\"\nservices:\n  app:\n    image: {_image}\n    command: [\"sleep\", \"600\"]\n    labels:\n      - coolify.managed=true\n";
        await _shell.UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes(file)), directory + "/docker-compose.yml", 0x1a4, Token);
        try
        {
            var up = await _docker.ComposeAsync(directory, project, ["up", "-d"], Token);
            Assert.True(up.Succeeded, up.Error);
            var ps = await _docker.ComposeAsync(directory, project, ["ps"], Token);
            Assert.Contains($"{project}_app_1", ps.Output.Replace('-', '_'), StringComparison.Ordinal);
        }
        finally
        {
            var down = await _docker.ComposeAsync(directory, project, ["down", "--volumes"], Token);
            Assert.True(down.Succeeded, down.Error);
            await _shell.RunAsync(ShellCommand.Of("rm", "-rf", directory), cancellationToken: Token);
        }
    }

    public void Dispose() => _pool.Dispose();
}
