using System.Globalization;

namespace Coolify.Core.Builds;

/// <summary>Go: compiled in the Go image, the binary run from a small runtime image.</summary>
internal static class GoPlan
{
    private const string Binary = "/usr/local/bin/app";

    public static BuildPlan Plan(RepositoryFacts repository, BuildRequest request, BuildPackImages images)
    {
        var dockerfile = new DockerfileText().Comment(BuildPlanner.Header).Comment("A Go application (go.mod).")
            .Blank().From(images.Go, "build").Workdir("/src").Arguments(request.BuildArguments)
            .Copy(["go.mod", .. repository.Has("go.sum") ? ["go.sum"] : Array.Empty<string>()], "./")
            .Run(request.InstallCommand ?? "go mod download").Copy(["."], ".")
            // A build command of the user's must leave the program at /out/app.
            .Run(request.BuildCommand ?? "CGO_ENABLED=0 go build -o /out/app .")
            .Blank().From(images.Runtime).Copy(["/out/app"], Binary, fromStage: "build")
            .Environment("PORT", request.Port.ToString(CultureInfo.InvariantCulture)).Expose(request.Port);
        if (request.StartCommand is not null)
        {
            dockerfile.ShellCommand(request.StartCommand);
        }
        else
        {
            dockerfile.Command([Binary]);
        }

        return new BuildPlan("Go", dockerfile.ToString(), new Dictionary<string, string>());
    }
}
