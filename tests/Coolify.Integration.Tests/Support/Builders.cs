using Coolify.Core.Applications;
using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Coolify.Core.Projects;
using Coolify.Core.Servers;
using Coolify.Core.Teams;

namespace Coolify.Integration.Tests.Support;

/// <summary>Creates the chain of rows most tests need: team → project → environment, server → destination → application.</summary>
public static class Builders
{
    public static async Task<Application> AddApplicationAsync(CoolifyDbContext db, string name = "web")
    {
        var team = new Team { Name = "Root Team", IsRootTeam = true };
        var project = new Project { Team = team, Name = "My project" };
        var environment = new ProjectEnvironment { Project = project, Name = ProjectEnvironment.DefaultName };
        var server = new Server { Team = team, Name = "localhost", Ip = "127.0.0.1", IsLocalhost = true, Settings = new ServerSettings() };
        var destination = new Destination { Server = server, Name = "default", Network = "coolify" };
        var application = new Application
        {
            Environment = environment,
            Destination = destination,
            Name = name,
            GitRepository = "https://github.com/coollabsio/coolify-examples",
            Fqdn = "https://app.example.com",
            PortsExposes = "3000",
            Settings = new ApplicationSettings(),
        };
        db.Add(application);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return application;
    }

    public static EnvironmentVariable Variable(Application application, string key, string value) =>
        new() { ResourceableType = ResourceKind.Application, ResourceableId = application.Id, Key = key, Value = value };
}
