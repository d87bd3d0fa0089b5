using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Teams;

/// <summary>A user's own account: name and password.</summary>
public sealed class AccountProfile(CoolifyDbContext db, UserManager<User> users, Audit.AuditLog audit)
{
    public Task<User> GetAsync(int userId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);

    public async Task RenameAsync(int userId, string? name, CancellationToken cancellationToken)
    {
        var rules = new InputRules();
        var cleanName = rules.Name("name", name);
        rules.ThrowIfInvalid();

        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        user.Name = cleanName;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Changes the password; the new security stamp signs out every other session.</summary>
    /// <exception cref="ValidationException">The current password is wrong or the new one too weak.</exception>
    public async Task ChangePasswordAsync(int userId, string? currentPassword, string? newPassword, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        if (!await users.CheckPasswordAsync(user, currentPassword ?? string.Empty))
        {
            throw ValidationException.For("current_password", "The current password is incorrect.");
        }

        var result = await users.ChangePasswordAsync(user, currentPassword!, newPassword ?? string.Empty);
        if (!result.Succeeded)
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["password"] = result.Errors.Select(e => e.Description).ToArray() });
        }

        await audit.RecordAsync("password.changed", userId, null, user.Email, cancellationToken);
    }
}
