using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Coolify.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Projects;

/// <summary>A team's projects and their environments (a new project starts with <c>production</c>).</summary>
public sealed class ProjectService(CoolifyDbContext db, Audit.AuditLog audit)
{
    public Task<List<Project>> ListAsync(TeamScope scope, CancellationToken cancellationToken) =>
        scope.Projects.AsNoTracking().Include(p => p.Environments.OrderBy(e => e.Id)).OrderBy(p => p.Name).ToListAsync(cancellationToken);

    /// <exception cref="NotFoundException">No such project in the team.</exception>
    public async Task<Project> GetAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken) =>
        await scope.Projects.AsNoTracking().Include(p => p.Environments.OrderBy(e => e.Id))
            .SingleOrDefaultAsync(p => p.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();

    /// <exception cref="ValidationException">A bad name or description.</exception>
    public async Task<Project> CreateAsync(TeamScope scope, string? name, string? description, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var rules = new InputRules();
        var project = new Project
        {
            TeamId = scope.Access.TeamId,
            Name = rules.Name("name", name),
            Description = rules.Text("description", description),
            Environments = [new ProjectEnvironment { Name = ProjectEnvironment.DefaultName }],
        };
        rules.ThrowIfInvalid();

        db.Projects.Add(project);
        audit.Add("project.created", scope.Access.UserId, scope.Access.TeamId, project.Name);
        await db.SaveChangesAsync(cancellationToken);
        return project;
    }

    /// <summary>Renames or redescribes; absent values stay.</summary>
    public async Task<Project> UpdateAsync(TeamScope scope, string? uuid, string? name, string? description, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var project = await scope.Projects.SingleOrDefaultAsync(p => p.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();
        var rules = new InputRules();
        project.Name = name is null ? project.Name : rules.Name("name", name);
        project.Description = description is null ? project.Description : rules.Text("description", description);
        rules.ThrowIfInvalid();

        audit.Add("project.updated", scope.Access.UserId, scope.Access.TeamId, project.Name);
        await db.SaveChangesAsync(cancellationToken);
        return project;
    }

    /// <exception cref="ValidationException">Resources still live in one of its environments.</exception>
    public async Task DeleteAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var project = await scope.Projects.SingleOrDefaultAsync(p => p.Uuid == uuid, cancellationToken) ?? throw new NotFoundException();
        if (await db.Applications.AnyAsync(a => a.Environment!.ProjectId == project.Id, cancellationToken))
        {
            throw ValidationException.For("project", "Project has resources, so it cannot be deleted.");
        }

        db.Projects.Remove(project);
        audit.Add("project.deleted", scope.Access.UserId, scope.Access.TeamId, project.Name);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>An environment of a team's project, by its uuid or its name (Coolify accepts either).</summary>
    /// <exception cref="NotFoundException">No such project or environment.</exception>
    public async Task<ProjectEnvironment> GetEnvironmentAsync(TeamScope scope, string? projectUuid, string? nameOrUuid, CancellationToken cancellationToken) =>
        await FindEnvironment(scope, projectUuid, nameOrUuid).AsNoTracking().Include(e => e.Project).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException();

    /// <exception cref="ConflictException">The project already has an environment of that name.</exception>
    public async Task<ProjectEnvironment> CreateEnvironmentAsync(TeamScope scope, string? projectUuid, string? name, string? description, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var project = await scope.Projects.SingleOrDefaultAsync(p => p.Uuid == projectUuid, cancellationToken) ?? throw new NotFoundException();
        var rules = new InputRules();
        var environment = new ProjectEnvironment
        {
            ProjectId = project.Id, Name = EnvironmentName(rules, name), Description = rules.Text("description", description),
        };
        rules.ThrowIfInvalid();
        await EnsureNameFreeAsync(project.Id, environment.Name, null, cancellationToken);

        db.Environments.Add(environment);
        audit.Add("environment.created", scope.Access.UserId, scope.Access.TeamId, $"{environment.Name} in {project.Name}");
        await db.SaveChangesAsync(cancellationToken);
        return environment;
    }

    public async Task<ProjectEnvironment> UpdateEnvironmentAsync(
        TeamScope scope, string? projectUuid, string? nameOrUuid, string? name, string? description, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var environment = await FindEnvironment(scope, projectUuid, nameOrUuid).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();
        var rules = new InputRules();
        var newName = name is null ? environment.Name : EnvironmentName(rules, name);
        environment.Description = description is null ? environment.Description : rules.Text("description", description);
        rules.ThrowIfInvalid();
        await EnsureNameFreeAsync(environment.ProjectId, newName, environment.Id, cancellationToken);

        environment.Name = newName;
        audit.Add("environment.updated", scope.Access.UserId, scope.Access.TeamId, environment.Name);
        await db.SaveChangesAsync(cancellationToken);
        return environment;
    }

    /// <exception cref="ValidationException">Resources still live in it.</exception>
    public async Task DeleteEnvironmentAsync(TeamScope scope, string? projectUuid, string? nameOrUuid, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var environment = await FindEnvironment(scope, projectUuid, nameOrUuid).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();
        if (await db.Applications.AnyAsync(a => a.EnvironmentId == environment.Id, cancellationToken))
        {
            throw ValidationException.For("environment", "Environment has resources, so it cannot be deleted.");
        }

        db.Environments.Remove(environment);
        audit.Add("environment.deleted", scope.Access.UserId, scope.Access.TeamId, environment.Name);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static IQueryable<ProjectEnvironment> FindEnvironment(TeamScope scope, string? projectUuid, string? nameOrUuid) =>
        scope.Environments.Where(e => e.Project!.Uuid == projectUuid && (e.Uuid == nameOrUuid || e.Name == nameOrUuid));

    // Environments appear in URLs by name, so a name is one path segment of plain characters, like Coolify's.
    private static string EnvironmentName(InputRules rules, string? name)
    {
        var clean = rules.Name("name", name);
        if (clean.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            rules.Add("name", "The environment name may only contain letters, digits, '-', '_' and '.'.");
        }

        return clean;
    }

    private async Task EnsureNameFreeAsync(int projectId, string name, int? exceptId, CancellationToken cancellationToken)
    {
        if (await db.Environments.AnyAsync(e => e.ProjectId == projectId && e.Name == name && e.Id != exceptId, cancellationToken))
        {
            throw new ConflictException("Environment with this name already exists.");
        }
    }
}
