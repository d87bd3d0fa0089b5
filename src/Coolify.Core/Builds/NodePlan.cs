using System.Text.Json;

namespace Coolify.Core.Builds;

/// <summary>Node.js: the package manager from the lock file, the build and start scripts from package.json.</summary>
internal static class NodePlan
{
    private sealed record PackageManager(string Name, string LockFile, string Install, bool NeedsCorepack);

    // The first lock file found decides; none: npm without a lock.
    private static readonly PackageManager[] Managers =
    [
        new("pnpm", "pnpm-lock.yaml", "pnpm install --frozen-lockfile", NeedsCorepack: true),
        new("yarn", "yarn.lock", "yarn install --frozen-lockfile", NeedsCorepack: true),
        new("npm", "package-lock.json", "npm ci", NeedsCorepack: false),
    ];

    private static readonly string[] EntryFiles = ["server.js", "index.js", "app.js", "main.js"];

    public static (BuildPlan? Plan, string? Problem) Plan(RepositoryFacts repository, BuildRequest request, BuildPackImages images)
    {
        JsonElement package;
        try
        {
            package = JsonDocument.Parse(repository.Read("package.json") ?? "{}").RootElement;
        }
        catch (JsonException ex)
        {
            return (null, $"package.json is not valid JSON: {ex.Message}");
        }

        var manager = Managers.FirstOrDefault(m => repository.Has(m.LockFile)) ?? new("npm", string.Empty, "npm install", NeedsCorepack: false);
        var scripts = package.ValueKind == JsonValueKind.Object && package.TryGetProperty("scripts", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
        var build = request.BuildCommand ?? (HasScript(scripts, "build") ? $"{manager.Name} run build" : null);
        var dockerfile = new DockerfileText().Comment(BuildPlanner.Header)
            .Comment($"A Node.js application ({manager.Name}{(manager.LockFile.Length > 0 ? ", " + manager.LockFile : ", no lock file")}).")
            .Blank().From(images.Node, request.IsStatic ? "build" : null).Workdir("/app").Arguments(request.BuildArguments);
        if (manager.NeedsCorepack)
        {
            dockerfile.Run("corepack enable");
        }

        if (request.InstallCommand is null)
        {
            // The manifest and lock first: the installed packages stay in Docker's layer cache until they change.
            dockerfile.Copy(["package.json", .. manager.LockFile.Length > 0 ? [manager.LockFile] : Array.Empty<string>()], "./")
                .Run(manager.Install).Copy(["."], ".");
        }
        else
        {
            dockerfile.Copy(["."], ".").Run(request.InstallCommand);
        }

        if (build is not null)
        {
            dockerfile.Run(build);
        }

        if (request.IsStatic)
        {
            return (StaticSitePlan.Serve(request, images, (dockerfile, "build", "/app")) with { Summary = $"Node.js ({manager.Name}), served as a static site" }, null);
        }

        dockerfile.Environment("NODE_ENV", "production").Environment("PORT", request.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Environment("HOST", "0.0.0.0").Expose(request.Port);
        if (request.StartCommand is not null)
        {
            dockerfile.ShellCommand(request.StartCommand);
        }
        else if (HasScript(scripts, "start"))
        {
            dockerfile.Command([manager.Name, "start"]);
        }
        else if (package.ValueKind == JsonValueKind.Object && package.TryGetProperty("main", out var main) && main.ValueKind == JsonValueKind.String
                 && !string.IsNullOrWhiteSpace(main.GetString()))
        {
            dockerfile.Command(["node", main.GetString()!]);
        }
        else if (EntryFiles.FirstOrDefault(repository.Has) is { } entry)
        {
            dockerfile.Command(["node", entry]);
        }
        else
        {
            return (null, "No way to start this Node.js application: add a \"start\" script to package.json, or set the start command.");
        }

        return (new BuildPlan($"Node.js ({manager.Name})", dockerfile.ToString(), new Dictionary<string, string>()), null);
    }

    private static bool HasScript(JsonElement scripts, string name) =>
        scripts.ValueKind == JsonValueKind.Object && scripts.TryGetProperty(name, out var script) && script.ValueKind == JsonValueKind.String;
}
