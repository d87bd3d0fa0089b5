using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Coolify.Core.Settings;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Teams;

/// <summary>
/// Creates accounts. The first account becomes the instance admin, owner of the root team (Coolify's team 0);
/// later ones get a personal team and need <see cref="InstanceSettings.IsRegistrationEnabled"/>.
/// </summary>
public sealed class AccountRegistration(CoolifyDbContext db, UserManager<User> users, Audit.AuditLog audit)
{
    public const string RootTeamName = "Root Team";

    public Task<bool> HasAnyUserAsync(CancellationToken cancellationToken) => db.Users.AnyAsync(cancellationToken);

    /// <exception cref="ValidationException">A field is invalid or the e-mail is taken.</exception>
    /// <exception cref="ForbiddenException">Registration is disabled.</exception>
    public async Task<User> RegisterAsync(string? name, string? email, string? password, CancellationToken cancellationToken)
    {
        var rules = new InputRules();
        var cleanName = rules.Name("name", name);
        var cleanEmail = rules.Email("email", email);
        var user = new User { Name = cleanName, UserName = cleanEmail, Email = cleanEmail };
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password ?? string.Empty);
            foreach (var error in result.Errors)
            {
                rules.Add("password", error.Description);
            }
        }

        rules.ThrowIfInvalid();
        return await CreateAsync(user, password!, login: null, cancellationToken);
    }

    /// <summary>
    /// An account for someone arriving through an external login (no password): linked to that login, under
    /// the same rules as registering with a password.
    /// </summary>
    /// <exception cref="ValidationException">The provider gave no usable email, or it is taken.</exception>
    /// <exception cref="ForbiddenException">Registration is disabled.</exception>
    public async Task<User> RegisterExternalAsync(string? name, string? email, UserLoginInfo login, CancellationToken cancellationToken)
    {
        var rules = new InputRules();
        var cleanEmail = rules.Email("email", email);
        rules.ThrowIfInvalid();

        // Names from providers are free-form; one we would refuse from a form falls back to the email's local part.
        var nameRules = new InputRules();
        var cleanName = nameRules.Name("name", name);
        if (!nameRules.IsValid)
        {
            cleanName = cleanEmail.Split('@')[0];
        }

        return await CreateAsync(new User { Name = cleanName, UserName = cleanEmail, Email = cleanEmail }, password: null, login, cancellationToken);
    }

    private async Task<User> CreateAsync(User user, string? password, UserLoginInfo? login, CancellationToken cancellationToken)
    {
        var cleanEmail = user.Email!;
        var cleanName = user.Name;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var isFirst = !await db.Users.AnyAsync(cancellationToken);
        if (!isFirst && !(await db.InstanceSettings.SingleAsync(cancellationToken)).IsRegistrationEnabled)
        {
            throw new ForbiddenException("Registration is disabled on this instance.");
        }

        if (await users.FindByEmailAsync(cleanEmail) is not null)
        {
            throw ValidationException.For("email", "The email has already been taken.");
        }

        var team = isFirst
            ? new Team { Name = RootTeamName, IsRootTeam = true, Description = "The instance's own team." }
            : new Team { Name = $"{cleanName}'s Team", PersonalTeam = true };
        db.Teams.Add(team);
        await db.SaveChangesAsync(cancellationToken);

        user.EmailVerifiedAt = isFirst ? db.GetUtcNow() : null;
        user.CurrentTeamId = team.Id;
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (login is not null && created.Succeeded)
        {
            created = await users.AddLoginAsync(user, login);
        }

        if (!created.Succeeded)
        {
            throw ValidationException.For("password", created.Errors.First().Description);
        }

        db.TeamMembers.Add(new TeamMember { TeamId = team.Id, UserId = user.Id, Role = TeamRole.Owner });
        if (isFirst)
        {
            // The host itself is the instance's first server (Coolify's "localhost"), driven by local processes.
            db.Servers.Add(new Servers.Server
            {
                TeamId = team.Id, Name = "localhost", Description = "This machine, the one Coolify.NET runs on.", Ip = "127.0.0.1",
                IsLocalhost = true, Settings = new Servers.ServerSettings(),
                Destinations = [new Servers.Destination { Name = "coolify", Network = "coolify" }],
            });
        }

        audit.Add(isFirst ? "account.registered_admin" : "account.registered", user.Id, team.Id, cleanEmail);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user;
    }
}
