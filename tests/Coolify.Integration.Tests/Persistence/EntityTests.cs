using Coolify.Core.Common;
using Coolify.Core.Deployments;
using Coolify.Core.Servers;
using Coolify.Core.Storages;
using Coolify.Core.Tags;
using Coolify.Core.Teams;
using Coolify.Infrastructure.Persistence;
using Coolify.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Integration.Tests.Persistence;

public class EntityTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(AllDatabases))]
    public async Task Application_SavedWithItsGraph_ReadsBackWithUuidsAndUtcTimes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var before = TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(-5);
        string uuid;
        await using (var db = database.CreateContext())
        {
            var app = await Builders.AddApplicationAsync(db);
            uuid = app.Uuid;
        }

        await using (var db = database.CreateContext())
        {
            var app = await db.Applications
                .Include(a => a.Settings)
                .Include(a => a.Destination).ThenInclude(d => d!.Server).ThenInclude(s => s!.Settings)
                .Include(a => a.Environment).ThenInclude(e => e!.Project).ThenInclude(p => p!.Team)
                .SingleAsync(a => a.Uuid == uuid, Token);

            Assert.True(PublicId.IsValid(app.Uuid));
            Assert.True(PublicId.IsValid(app.Destination!.Server!.Uuid));
            Assert.Equal("3000", app.PortsExposes);
            Assert.Equal("production", app.Environment!.Name);
            Assert.Equal("Root Team", app.Environment.Project!.Team!.Name);
            Assert.Equal(25, app.Destination.Server.Settings!.DeploymentQueueLimit);
            Assert.True(app.Settings!.IsAutoDeployEnabled);
            Assert.Equal(DateTimeKind.Utc, app.CreatedAt.Kind);
            Assert.InRange(app.CreatedAt, before, before.AddMinutes(5));
            Assert.Equal(app.CreatedAt, app.UpdatedAt);
        }
    }

    [Theory]
    [ClassData(typeof(AllDatabases))]
    public async Task Update_ChangesUpdatedAtOnly(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var app = await Builders.AddApplicationAsync(db);
        var created = app.CreatedAt;

        app.Description = "changed";
        await db.SaveChangesAsync(Token);

        Assert.Equal(created, app.CreatedAt);
        Assert.True(app.UpdatedAt >= created);
    }

    [Theory]
    [ClassData(typeof(AllDatabases))]
    public async Task SoftDeletedServer_IsHiddenFromQueries_ButKept(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var team = new Team { Name = "t" };
            db.AddRange(
                new Server { Team = team, Name = "kept", Ip = "10.0.0.1" },
                new Server { Team = team, Name = "gone", Ip = "10.0.0.2", DeletedAt = TimeProvider.System.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(Token);
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(["kept"], await db.Servers.Select(s => s.Name).ToListAsync(Token));
            Assert.Equal(2, await db.Servers.IgnoreQueryFilters().CountAsync(Token));
        }
    }

    [Theory]
    [ClassData(typeof(AllDatabases))]
    public async Task Deployment_ClaimedByTwoWorkersAtOnce_SecondClaimFails(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string uuid;
        await using (var db = database.CreateContext())
        {
            var app = await Builders.AddApplicationAsync(db);
            var deployment = new Deployment { ApplicationId = app.Id, ServerId = app.Destination!.ServerId };
            db.Deployments.Add(deployment);
            await db.SaveChangesAsync(Token);
            uuid = deployment.Uuid;
        }

        await using var worker1 = database.CreateContext();
        await using var worker2 = database.CreateContext();
        var claim1 = await worker1.Deployments.SingleAsync(d => d.Uuid == uuid, Token);
        var claim2 = await worker2.Deployments.SingleAsync(d => d.Uuid == uuid, Token);

        claim1.Status = DeploymentStatus.InProgress;
        claim1.LeaseOwner = "worker-1";
        await worker1.SaveChangesAsync(Token);

        claim2.Status = DeploymentStatus.InProgress;
        claim2.LeaseOwner = "worker-2";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => worker2.SaveChangesAsync(Token));

        await using var check = database.CreateContext();
        Assert.Equal("worker-1", (await check.Deployments.SingleAsync(d => d.Uuid == uuid, Token)).LeaseOwner);
    }

    [Theory]
    [ClassData(typeof(AllDatabases))]
    public async Task DeploymentLog_LinesReadBackInOrder(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var app = await Builders.AddApplicationAsync(db);
        var deployment = new Deployment { ApplicationId = app.Id, ServerId = app.Destination!.ServerId };
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        deployment.LogLines.AddRange(Enumerable.Range(1, 50).Reverse().Select(i => new DeploymentLogLine { Sequence = i, Timestamp = now, Output = $"line {i}" }));
        db.Deployments.Add(deployment);
        await db.SaveChangesAsync(Token);

        await using var read = database.CreateContext();
        var lines = await read.DeploymentLogLines.Where(l => l.DeploymentId == deployment.Id).OrderBy(l => l.Sequence).Select(l => l.Output).ToListAsync(Token);
        Assert.Equal(Enumerable.Range(1, 50).Select(i => $"line {i}"), lines);
    }

    [Theory]
    [ClassData(typeof(AllDatabases))]
    public async Task EnvironmentVariable_SameKeyTwiceOnOneResource_IsRejected(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var app = await Builders.AddApplicationAsync(db);
        db.EnvironmentVariables.Add(Builders.Variable(app, "PORT", "3000"));
        await db.SaveChangesAsync(Token);

        await using var second = database.CreateContext();
        second.EnvironmentVariables.Add(Builders.Variable(app, "PORT", "4000"));
        await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync(Token));

        // The preview set is separate, as in Coolify.
        await using var preview = database.CreateContext();
        var previewVariable = Builders.Variable(app, "PORT", "5000");
        previewVariable.IsPreview = true;
        preview.EnvironmentVariables.Add(previewVariable);
        await preview.SaveChangesAsync(Token);
    }

    [Theory]
    [ClassData(typeof(AllDatabases))]
    public async Task TeamMembership_RoleAndTagsAndVolumes_RoundTrip(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var app = await Builders.AddApplicationAsync(db);
            var team = await db.Teams.SingleAsync(Token);
            var user = new User { Name = "Ada", UserName = "ada@example.com", Email = "ada@example.com" };
            db.TeamMembers.Add(new TeamMember { Team = team, User = user, Role = TeamRole.Admin });
            var tag = new Tag { Team = team, Name = "frontend" };
            db.Taggables.Add(new Taggable { Tag = tag, TaggableType = ResourceKind.Application, TaggableId = app.Id });
            db.LocalPersistentVolumes.Add(new LocalPersistentVolume { ResourceType = ResourceKind.Application, ResourceId = app.Id, Name = "data", MountPath = "/data" });
            db.LocalFileVolumes.Add(new LocalFileVolume { ResourceType = ResourceKind.Application, ResourceId = app.Id, FsPath = "/data/coolify/app/nginx.conf", MountPath = "/etc/nginx/nginx.conf", Content = "server {}" });
            await db.SaveChangesAsync(Token);
        }

        await using (var db = database.CreateContext())
        {
            var member = await db.TeamMembers.Include(m => m.User).SingleAsync(Token);
            Assert.Equal(TeamRole.Admin, member.Role);
            Assert.Equal("Ada", member.User!.Name);
            var role = await db.Database.SqlQueryRaw<string>("SELECT role AS \"Value\" FROM team_user").SingleAsync(Token);
            Assert.Equal("admin", role);
            Assert.Equal("frontend", (await db.Taggables.Include(t => t.Tag).SingleAsync(Token)).Tag!.Name);
            Assert.Equal("/data", (await db.LocalPersistentVolumes.SingleAsync(Token)).MountPath);
            Assert.Equal("server {}", (await db.LocalFileVolumes.SingleAsync(Token)).Content);
        }
    }
}
