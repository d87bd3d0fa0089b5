namespace Coolify.Core.Builds;

/// <summary>A folder served by nginx: straight from the repository, or from an earlier build stage.</summary>
internal static class StaticSitePlan
{
    private const string Root = "/usr/share/nginx/html";

    /// <param name="from">The stage that built the site and the folder it is in there; null: the repository itself.</param>
    public static BuildPlan Serve(BuildRequest request, BuildPackImages images, (DockerfileText Dockerfile, string Stage, string Folder)? from)
    {
        var publish = (request.PublishDirectory ?? (from is null ? "/" : "/dist")).Trim('/');
        var dockerfile = from?.Dockerfile ?? new DockerfileText().Comment(BuildPlanner.Header).Comment("A static site served by nginx.");
        dockerfile.Blank().From(request.StaticImage ?? images.Static);
        dockerfile.Copy([BuildPlan.Folder + "/nginx.conf"], "/etc/nginx/conf.d/default.conf");
        if (from is { } stage)
        {
            dockerfile.Copy([$"{stage.Folder}/{publish}".TrimEnd('/') + "/"], Root + "/", fromStage: stage.Stage);
        }
        else
        {
            dockerfile.Copy([publish.Length == 0 ? "./" : publish + "/"], Root + "/");
        }

        dockerfile.Expose(request.Port).Command(["nginx", "-g", "daemon off;"]);
        var summary = from is null ? $"a static site (/{publish})" : $"a static site built into /{publish}";
        return new BuildPlan(request.IsSpa ? summary + ", single-page application" : summary, dockerfile.ToString(),
            new Dictionary<string, string> { ["nginx.conf"] = NginxConfiguration(request.Port, request.IsSpa) });
    }

    // A single-page application answers its index for every path it routes itself; a plain site answers 404.
    // Dot files (.env, .git, our build folder) are never served.
    private static string NginxConfiguration(int port, bool spa) => $$"""
        server {
            listen {{port}};
            server_name _;
            root {{Root}};
            index index.html index.htm;
            location ~ /\.(?!well-known/) {
                return 404;
            }
            location / {
                try_files $uri $uri.html $uri/ {{(spa ? "/index.html" : "=404")}};
            }
        }

        """;
}
