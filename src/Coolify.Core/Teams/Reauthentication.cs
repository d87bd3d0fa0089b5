using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Teams;

/// <summary>
/// The password confirmation asked before destructive dashboard actions (Coolify's two-step confirmation),
/// unless the instance setting <c>disable_two_step_confirmation</c> is on. Checked on the server in the action
/// itself, not only in the dialog that asks for it.
/// </summary>
public sealed class Reauthentication(CoolifyDbContext db, UserManager<User> users)
{
    public const string Field = "password";

    public async Task<bool> IsRequiredAsync(CancellationToken cancellationToken) =>
        !await db.InstanceSettings.Select(s => s.DisableTwoStepConfirmation).SingleAsync(cancellationToken);

    /// <summary>Whether the user confirms with a password (an external login may have none: then the email).</summary>
    public async Task<bool> HasPasswordAsync(int userId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.PasswordHash != null).SingleAsync(cancellationToken);

    /// <exception cref="ValidationException">Confirmation is required and <paramref name="confirmation"/> is wrong.</exception>
    public async Task EnsureConfirmedAsync(int userId, string? confirmation, CancellationToken cancellationToken)
    {
        if (!await IsRequiredAsync(cancellationToken))
        {
            return;
        }

        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        var confirmed = user.PasswordHash is null
            ? string.Equals(confirmation?.Trim(), user.Email, StringComparison.OrdinalIgnoreCase)
            : await users.CheckPasswordAsync(user, confirmation ?? string.Empty);
        if (!confirmed)
        {
            throw ValidationException.For(Field, user.PasswordHash is null
                ? "Type your email address to confirm."
                : "The password is incorrect. Confirm with your current password.");
        }
    }
}
