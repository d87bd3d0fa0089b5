using System.Buffers.Text;
using System.Text;
using Coolify.Core.Common;
using Coolify.Core.Notifications;
using Coolify.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Teams;

/// <summary>"Forgot password": a one-use link by email, valid for an hour (Identity's data-protection token).</summary>
public sealed class PasswordReset(CoolifyDbContext db, UserManager<User> users, IAccountMail mail, Audit.AuditLog audit)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(1);

    /// <summary>
    /// Sends a reset link if <paramref name="email"/> has an account, and says nothing either way, so the form
    /// does not tell strangers which addresses are registered.
    /// </summary>
    /// <param name="siteUrl">The dashboard's own address, the link's base.</param>
    public async Task RequestAsync(string? email, Uri siteUrl, CancellationToken cancellationToken)
    {
        var normalized = (email ?? string.Empty).Trim().ToUpperInvariant();
        var user = normalized.Length == 0 ? null : await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        await audit.RecordAsync("password.reset_requested", user?.Id, null, (email ?? string.Empty).Trim(), cancellationToken);
        if (user is null)
        {
            return;
        }

        var token = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var link = new Uri(siteUrl, $"/reset-password?email={Uri.EscapeDataString(user.Email!)}&code={token}");
        await mail.SendPasswordResetAsync(user.Email!, link, cancellationToken);
    }

    /// <summary>Sets the new password; other sessions end (new security stamp) and a lockout is lifted.</summary>
    /// <exception cref="ValidationException">The link is invalid or expired, or the password too weak.</exception>
    public async Task ResetAsync(string? email, string? code, string? newPassword, CancellationToken cancellationToken)
    {
        var invalidLink = ValidationException.For("code", "This reset link is invalid or has expired. Ask for a new one.");
        var normalized = (email ?? string.Empty).Trim().ToUpperInvariant();
        var user = normalized.Length == 0 ? null : await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (user is null || !TryDecode(code, out var token))
        {
            throw invalidLink;
        }

        var result = await users.ResetPasswordAsync(user, token, newPassword ?? string.Empty);
        if (!result.Succeeded)
        {
            throw result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? invalidLink
                : new ValidationException(new Dictionary<string, string[]> { ["password"] = result.Errors.Select(e => e.Description).ToArray() });
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync("password.reset", user.Id, null, user.Email, cancellationToken);
    }

    private static bool TryDecode(string? code, out string token)
    {
        token = string.Empty;
        try
        {
            token = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(code ?? string.Empty));
            return token.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
