using System.Globalization;

namespace Coolify.Core.Builds;

/// <summary>Python: dependencies from requirements.txt or pyproject.toml into a virtual environment; a common server to start.</summary>
internal static class PythonPlan
{
    private static readonly string[] Modules = ["main", "app", "wsgi", "asgi", "server"];

    public static (BuildPlan? Plan, string? Problem) Plan(RepositoryFacts repository, BuildRequest request, BuildPackImages images)
    {
        var port = request.Port.ToString(CultureInfo.InvariantCulture);
        var dockerfile = new DockerfileText().Comment(BuildPlanner.Header)
            .Comment($"A Python application ({(repository.Has("requirements.txt") ? "requirements.txt" : "pyproject.toml")}).")
            .Blank().From(images.Python).Workdir("/app").Arguments(request.BuildArguments)
            // A virtual environment: distribution Pythons refuse system-wide pip installs (PEP 668).
            .Run("python3 -m venv /opt/venv").Environment("PATH", "/opt/venv/bin:$PATH").Environment("PYTHONUNBUFFERED", "1");
        if (request.InstallCommand is not null)
        {
            dockerfile.Copy(["."], ".").Run(request.InstallCommand);
        }
        else if (repository.Has("requirements.txt"))
        {
            dockerfile.Copy(["requirements.txt"], "./").Run("pip install --no-cache-dir -r requirements.txt").Copy(["."], ".");
        }
        else
        {
            dockerfile.Copy(["."], ".").Run("pip install --no-cache-dir .");
        }

        if (request.BuildCommand is not null)
        {
            dockerfile.Run(request.BuildCommand);
        }

        dockerfile.Environment("PORT", port).Expose(request.Port);
        var dependencies = ((repository.Read("requirements.txt") ?? string.Empty) + (repository.Read("pyproject.toml") ?? string.Empty)).ToLowerInvariant();
        var module = Modules.FirstOrDefault(m => repository.Has(m + ".py"));
        if (request.StartCommand is not null)
        {
            dockerfile.ShellCommand(request.StartCommand);
        }
        else if (module is not null && dependencies.Contains("gunicorn", StringComparison.Ordinal))
        {
            dockerfile.Command(["gunicorn", "--bind", $"0.0.0.0:{port}", $"{module}:app"]);
        }
        else if (module is not null && dependencies.Contains("uvicorn", StringComparison.Ordinal))
        {
            dockerfile.Command(["uvicorn", $"{module}:app", "--host", "0.0.0.0", "--port", port]);
        }
        else if (repository.Has("manage.py"))
        {
            dockerfile.Command(["python3", "manage.py", "runserver", $"0.0.0.0:{port}"]);
        }
        else if (module is not null)
        {
            dockerfile.Command(["python3", module + ".py"]);
        }
        else
        {
            return (null, "No way to start this Python application: add main.py or app.py, or set the start command.");
        }

        return (new BuildPlan("Python", dockerfile.ToString(), new Dictionary<string, string>()), null);
    }
}
