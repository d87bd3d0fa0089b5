using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Coolify.Core.Projects;
using Coolify.Core.Security;
using Coolify.Core.Servers;
using Coolify.Core.Tags;

namespace Coolify.Core.Teams;

/// <summary>
/// The one way to read team-owned data: every query starts from here and is already filtered to
/// <see cref="Access"/>'s team, so an id sent by a client can only ever find rows of the caller's team.
/// Writes check <see cref="EnsureCanWrite"/> first.
/// </summary>
public sealed class TeamScope(CoolifyDbContext db, TeamAccess access)
{
    public TeamAccess Access { get; } = access;

    public IQueryable<Team> Team => db.Teams.Where(t => t.Id == Access.TeamId);

    public IQueryable<TeamMember> Members => db.TeamMembers.Where(m => m.TeamId == Access.TeamId);

    public IQueryable<Project> Projects => db.Projects.Where(p => p.TeamId == Access.TeamId);

    public IQueryable<ProjectEnvironment> Environments => db.Environments.Where(e => e.Project!.TeamId == Access.TeamId);

    public IQueryable<Server> Servers => db.Servers.Where(s => s.TeamId == Access.TeamId);

    public IQueryable<S3.S3Storage> S3Storages => db.S3Storages.Where(s => s.TeamId == Access.TeamId);

    public IQueryable<Databases.StandaloneDatabase> Databases => db.Databases.Where(d => d.Environment!.Project!.TeamId == Access.TeamId);

    public IQueryable<Services.Service> Services => db.Services.Where(s => s.Environment!.Project!.TeamId == Access.TeamId);

    public IQueryable<Proxy.ProxyCertificate> ProxyCertificates => db.ProxyCertificates.Where(c => c.Server!.TeamId == Access.TeamId);

    public IQueryable<Destination> Destinations => db.Destinations.Where(d => d.Server!.TeamId == Access.TeamId);

    public IQueryable<PrivateKey> PrivateKeys => db.PrivateKeys.Where(k => k.TeamId == Access.TeamId);

    public IQueryable<Applications.Application> Applications => db.Applications.Where(a => a.Environment!.Project!.TeamId == Access.TeamId);

    public IQueryable<Deployments.Deployment> Deployments => db.Deployments.Where(d => d.Application!.Environment!.Project!.TeamId == Access.TeamId);

    public IQueryable<Tag> Tags => db.Tags.Where(t => t.TeamId == Access.TeamId);

    public IQueryable<PersonalAccessToken> Tokens => db.PersonalAccessTokens.Where(t => t.TeamId == Access.TeamId);

    /// <exception cref="ForbiddenException">The caller's role only allows reading.</exception>
    public void EnsureCanWrite()
    {
        if (!Access.CanWrite)
        {
            throw new ForbiddenException("Your role in this team only allows viewing.");
        }
    }

    /// <exception cref="ForbiddenException">The caller is not the team's owner.</exception>
    public void EnsureOwner()
    {
        if (!Access.IsOwner)
        {
            throw new ForbiddenException("Only the team's owner can do this.");
        }
    }
}
