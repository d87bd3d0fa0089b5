using Coolify.Core.Builds;

namespace Coolify.Core.Tests.Builds;

public sealed class BuildPlannerTests
{
    private static readonly BuildPackImages Images = new("node-img", "python-img", "go-img", "runtime-img", "nginx-img");

    private static RepositoryFacts Repository(params (string Name, string Content)[] files) =>
        new(files.Select(f => f.Name).ToHashSet(), files.ToDictionary(f => f.Name, f => f.Content));

    private static BuildPlan Planned(RepositoryFacts repository, BuildRequest request)
    {
        var (plan, problem) = BuildPlanner.Plan(repository, request, Images);
        Assert.True(plan is not null, problem);
        return plan;
    }

    [Fact]
    public void Node_WithPackageLock_InstallsWithNpmCi_BuildsAndStartsWithItsScripts()
    {
        var plan = Planned(
            Repository(("package.json", """{"scripts":{"build":"tsc","start":"node dist/index.js"}}"""), ("package-lock.json", "{}")),
            new BuildRequest("auto", 3000));

        Assert.Equal("Node.js (npm)", plan.Summary);
        Assert.Contains("FROM node-img\n", plan.Dockerfile, StringComparison.Ordinal);
        Assert.Contains("""COPY ["package.json", "package-lock.json", "./"]""", plan.Dockerfile, StringComparison.Ordinal);
        Assert.Contains("""RUN ["sh", "-c", "npm ci"]""", plan.Dockerfile, StringComparison.Ordinal);
        Assert.Contains("""RUN ["sh", "-c", "npm run build"]""", plan.Dockerfile, StringComparison.Ordinal);
        Assert.Contains("ENV PORT=3000\n", plan.Dockerfile, StringComparison.Ordinal);
        Assert.EndsWith("EXPOSE 3000\nCMD [\"npm\", \"start\"]\n", plan.Dockerfile, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yarn.lock", "yarn install --frozen-lockfile")]
    [InlineData("pnpm-lock.yaml", "pnpm install --frozen-lockfile")]
    public void Node_LockFile_ChoosesThePackageManager(string lockFile, string install)
    {
        var plan = Planned(Repository(("package.json", """{"main":"server.js"}"""), (lockFile, string.Empty)), new BuildRequest("auto", 3000));

        Assert.Contains("""RUN ["sh", "-c", "corepack enable"]""", plan.Dockerfile, StringComparison.Ordinal);
        Assert.Contains($"""RUN ["sh", "-c", "{install}"]""", plan.Dockerfile, StringComparison.Ordinal);
        Assert.Contains("""CMD ["node", "server.js"]""", plan.Dockerfile, StringComparison.Ordinal);
        Assert.DoesNotContain("run build", plan.Dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void Node_WithoutAnyWayToStart_SaysWhatToDo()
    {
        var (plan, problem) = BuildPlanner.Plan(Repository(("package.json", "{}")), new BuildRequest("auto", 3000), Images);

        Assert.Null(plan);
        Assert.Contains("start command", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Node_InvalidPackageJson_IsAProblemNotACrash()
    {
        var (plan, problem) = BuildPlanner.Plan(Repository(("package.json", "{ nope")), new BuildRequest("auto", 3000), Images);

        Assert.Null(plan);
        Assert.StartsWith("package.json is not valid JSON", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void UserCommands_WithLineBreaksAndQuotes_StayInsideTheirInstruction()
    {
        var plan = Planned(
            Repository(("package.json", "{}")),
            new BuildRequest("auto", 3000, InstallCommand: "npm i\nRUN rm -rf /", BuildCommand: "echo \"x\"]", StartCommand: "node a.js\nUSER root"));

        var lines = plan.Dockerfile.Split('\n');
        Assert.DoesNotContain(lines, l => l.StartsWith("RUN rm", StringComparison.Ordinal) || l.StartsWith("USER", StringComparison.Ordinal));
        Assert.Contains("""RUN ["sh", "-c", "npm i\nRUN rm -rf /"]""", lines);
        Assert.Contains("""RUN ["sh", "-c", "echo \"x\"]"]""", lines);
        Assert.Contains("""CMD ["sh", "-c", "node a.js\nUSER root"]""", lines);
    }

    [Fact]
    public void Node_AsStaticSite_BuildsThenServesThePublishDirectoryWithNginx()
    {
        var plan = Planned(
            Repository(("package.json", """{"scripts":{"build":"vite build"}}""")),
            new BuildRequest("auto", 80, PublishDirectory: "/dist", IsStatic: true, IsSpa: true));

        Assert.Contains("FROM node-img AS build\n", plan.Dockerfile, StringComparison.Ordinal);
        Assert.Contains("FROM nginx-img\n", plan.Dockerfile, StringComparison.Ordinal);
        Assert.Contains("""COPY --from=build ["/app/dist/", "/usr/share/nginx/html/"]""", plan.Dockerfile, StringComparison.Ordinal);
        Assert.Contains("try_files $uri $uri.html $uri/ /index.html;", plan.Files["nginx.conf"], StringComparison.Ordinal);
    }

    [Fact]
    public void StaticSite_IsDetectedByItsIndex_AndServesItsFolderOnThePort()
    {
        var plan = Planned(Repository(("index.html", "<h1>hi</h1>")), new BuildRequest("auto", 8080));

        Assert.Contains("""COPY ["./", "/usr/share/nginx/html/"]""", plan.Dockerfile, StringComparison.Ordinal);
        Assert.Contains("listen 8080;", plan.Files["nginx.conf"], StringComparison.Ordinal);
        Assert.Contains("=404;", plan.Files["nginx.conf"], StringComparison.Ordinal);
    }

    [Fact]
    public void StaticBuildPack_UsesTheApplicationsOwnImage()
    {
        var plan = Planned(Repository(), new BuildRequest("static", 80, PublishDirectory: "/public", StaticImage: "my/nginx:1"));

        Assert.Contains("FROM my/nginx:1\n", plan.Dockerfile, StringComparison.Ordinal);
        Assert.Contains("""COPY ["public/", "/usr/share/nginx/html/"]""", plan.Dockerfile, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gunicorn==22\nflask", """CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]""")]
    [InlineData("fastapi\nuvicorn", """CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]""")]
    [InlineData("requests", """CMD ["python3", "app.py"]""")]
    public void Python_InstallsIntoAVirtualEnvironment_AndStartsACommonServer(string requirements, string command)
    {
        var plan = Planned(Repository(("requirements.txt", requirements), ("app.py", string.Empty)), new BuildRequest("auto", 8000));

        Assert.Contains("""RUN ["sh", "-c", "pip install --no-cache-dir -r requirements.txt"]""", plan.Dockerfile, StringComparison.Ordinal);
        Assert.Contains("ENV PATH=/opt/venv/bin:$PATH", plan.Dockerfile, StringComparison.Ordinal);
        Assert.EndsWith(command + "\n", plan.Dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void Go_CompilesInOneImage_AndRunsTheBinaryFromTheRuntimeImage()
    {
        var plan = Planned(Repository(("go.mod", "module x"), ("go.sum", string.Empty)), new BuildRequest("auto", 8080, BuildArguments: ["VERSION"]));

        Assert.Contains("FROM go-img AS build\nWORKDIR /src\nARG VERSION\n", plan.Dockerfile, StringComparison.Ordinal);
        Assert.Contains("""COPY ["go.mod", "go.sum", "./"]""", plan.Dockerfile, StringComparison.Ordinal);
        Assert.Contains("FROM runtime-img\n", plan.Dockerfile, StringComparison.Ordinal);
        Assert.EndsWith("""CMD ["/usr/local/bin/app"]""" + "\n", plan.Dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void NothingToDetect_SaysWhatWasLookedFor()
    {
        var (plan, problem) = BuildPlanner.Plan(Repository(("README.md", "hi")), new BuildRequest("auto", 80), Images);

        Assert.Null(plan);
        Assert.Contains("package.json, go.mod", problem, StringComparison.Ordinal);
    }
}
