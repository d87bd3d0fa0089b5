using Coolify.Core.Audit;
using Coolify.Core.Persistence;
using Coolify.Core.Teams;
using Coolify.Infrastructure.Persistence;
using Coolify.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coolify.Integration.Tests.Teams;

public class AuditTrailTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(AllDatabases))]
    public async Task SecurityChanges_AreRecordedWithWhoAndWhichTeam(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.CreateScope();
        var services = scope.ServiceProvider;
        var registration = services.GetRequiredService<AccountRegistration>();
        var owner = await registration.RegisterAsync("Owner", "owner@example.com", "Corr3ct-Horse!", Token);
        var other = await registration.RegisterAsync("Other", "other@example.com", "Corr3ct-Horse!", Token);
        var team = owner.CurrentTeamId!.Value;
        var db = services.GetRequiredService<CoolifyDbContext>();
        db.TeamMembers.Add(new TeamMember { TeamId = team, UserId = other.Id, Role = TeamRole.Member });
        await db.SaveChangesAsync(Token);
        var access = (await services.GetRequiredService<TeamAccessResolver>().ResolveAsync(owner.Id, team, Token))!;
        var teamScope = new TeamScope(db, access);

        await services.GetRequiredService<TeamManagement>().ChangeRoleAsync(teamScope, other.Id, TeamRole.Admin, Token);
        var token = await services.GetRequiredService<ApiTokenService>().CreateAsync(access, "deploy bot", [Abilities.Deploy], null, Token);
        await services.GetRequiredService<ApiTokenService>().RevokeAsync(teamScope, token.Token.Id, Token);

        var events = (await services.GetRequiredService<AuditLog>().LatestAsync(10, Token)).OrderBy(e => e.Id).ToList();
        Assert.Equal(
            ["account.registered_admin", "account.registered", "team.role_changed", "token.created", "token.revoked"],
            events.Select(e => e.Action));
        var roleChange = events.Single(e => e.Action == "team.role_changed");
        Assert.Equal(owner.Id, roleChange.UserId);
        Assert.Equal(team, roleChange.TeamId);
        Assert.Equal($"user {other.Id}: member → admin", roleChange.Target);
        Assert.Equal("deploy bot (deploy)", events.Single(e => e.Action == "token.created").Target);
        Assert.All(events, e => Assert.Equal(DateTimeKind.Utc, e.CreatedAt.Kind));
    }
}
