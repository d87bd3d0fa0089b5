using System.Text;
using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Teams;

/// <summary>
/// A user's authenticator-app (TOTP) second factor and its recovery codes, on Identity's authenticator support.
/// The shared key and the recovery codes live in <c>user_tokens</c>, encrypted at rest.
/// </summary>
public sealed class TwoFactorAuthentication(CoolifyDbContext db, UserManager<User> users, Audit.AuditLog audit)
{
    public const int RecoveryCodeCount = 10;

    public async Task<TwoFactorStatus> GetStatusAsync(int userId, CancellationToken cancellationToken)
    {
        var user = await FindAsync(userId, cancellationToken);
        return new TwoFactorStatus(user.TwoFactorEnabled, user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0);
    }

    /// <summary>The key to enter in an authenticator app, made on first use and kept until 2FA is confirmed.</summary>
    public async Task<AuthenticatorSetup> BeginSetupAsync(int userId, string issuer, CancellationToken cancellationToken)
    {
        var user = await FindAsync(userId, cancellationToken);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("Identity made no authenticator key.");
        }

        var label = Uri.EscapeDataString($"{issuer}:{user.Email}");
        var uri = $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6";
        return new AuthenticatorSetup(FormatKey(key), uri);
    }

    /// <summary>Turns 2FA on once the app's first code matches; returns the recovery codes, shown once.</summary>
    /// <exception cref="ValidationException">The code does not match the key.</exception>
    public async Task<IReadOnlyList<string>> EnableAsync(int userId, string? code, CancellationToken cancellationToken)
    {
        var user = await FindAsync(userId, cancellationToken);
        var cleanCode = (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (cleanCode.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, cleanCode))
        {
            throw ValidationException.For("code", "The code is not valid. Enter the 6-digit code your authenticator app shows now.");
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        user.TwoFactorConfirmedAt = db.GetUtcNow();
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await audit.RecordAsync("2fa.enabled", userId, null, user.Email, cancellationToken);
        return codes?.ToList() ?? [];
    }

    /// <summary>Turns 2FA off and forgets the key, so the old authenticator entry stops working.</summary>
    public async Task DisableAsync(int userId, CancellationToken cancellationToken)
    {
        var user = await FindAsync(userId, cancellationToken);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        // Identity's store keeps the codes as a token of its own; without 2FA they mean nothing.
        await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes");
        user.TwoFactorConfirmedAt = null;
        await users.UpdateAsync(user);
        await audit.RecordAsync("2fa.disabled", userId, null, user.Email, cancellationToken);
    }

    /// <summary>New recovery codes; the old ones stop working.</summary>
    /// <exception cref="ValidationException">2FA is not on.</exception>
    public async Task<IReadOnlyList<string>> RegenerateRecoveryCodesAsync(int userId, CancellationToken cancellationToken)
    {
        var user = await FindAsync(userId, cancellationToken);
        if (!user.TwoFactorEnabled)
        {
            throw ValidationException.For("code", "Two-factor authentication is not enabled.");
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await audit.RecordAsync("2fa.recovery_codes_regenerated", userId, null, user.Email, cancellationToken);
        return codes?.ToList() ?? [];
    }

    private Task<User> FindAsync(int userId, CancellationToken cancellationToken) =>
        db.Users.SingleAsync(u => u.Id == userId, cancellationToken);

    // Groups of four are easier to type from one screen into another.
    private static string FormatKey(string key)
    {
        var formatted = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            formatted.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return formatted.ToString().TrimEnd().ToLowerInvariant();
    }
}

public sealed record TwoFactorStatus(bool Enabled, int RecoveryCodesLeft);

/// <param name="SharedKey">The key in groups of four, for typing into an app.</param>
/// <param name="AuthenticatorUri">The <c>otpauth://</c> URI the QR code carries.</param>
public sealed record AuthenticatorSetup(string SharedKey, string AuthenticatorUri);
