using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Coolify.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Settings;

/// <summary>What an admin sees of a provider: never the secret itself, only whether one is stored.</summary>
public sealed record ExternalLoginView(ExternalLoginProvider Provider, bool Enabled, string? ClientId, bool HasClientSecret, string? Tenant, string? BaseUrl);

/// <param name="ClientSecret">A new secret; empty keeps the stored one.</param>
public sealed record ExternalLoginChange(bool Enabled, string? ClientId, string? ClientSecret, string? Tenant, string? BaseUrl);

/// <summary>The external login providers' settings (<c>oauth_settings</c>): read by the login page, changed by instance admins.</summary>
public sealed class ExternalLoginSettings(CoolifyDbContext db, Audit.AuditLog audit)
{
    public async Task<IReadOnlyList<ExternalLoginView>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await db.OauthSettings.AsNoTracking().ToListAsync(cancellationToken);
        return ExternalLoginProviders.All.Select(p => rows.SingleOrDefault(r => r.Provider == p.Id) is { } row
                ? new ExternalLoginView(p, row.Enabled, row.ClientId, !string.IsNullOrEmpty(row.ClientSecret), row.Tenant, row.BaseUrl)
                : new ExternalLoginView(p, false, null, false, null, null))
            .ToList();
    }

    /// <summary>The providers the login page offers.</summary>
    public async Task<IReadOnlyList<ExternalLoginProvider>> EnabledAsync(CancellationToken cancellationToken)
    {
        var enabled = await db.OauthSettings.Where(s => s.Enabled).Select(s => s.Provider).ToListAsync(cancellationToken);
        return ExternalLoginProviders.All.Where(p => enabled.Contains(p.Id)).ToList();
    }

    /// <summary>An enabled provider's settings, secret decrypted, for the authentication handler; else null.</summary>
    public OauthSetting? FindEnabled(string providerId) =>
        db.OauthSettings.AsNoTracking().SingleOrDefault(s => s.Provider == providerId && s.Enabled);

    /// <exception cref="ForbiddenException">The caller does not administer the instance.</exception>
    /// <exception cref="NotFoundException">No such provider.</exception>
    /// <exception cref="ValidationException">A value is invalid; nothing is saved.</exception>
    public async Task UpdateAsync(TeamAccess access, string providerId, ExternalLoginChange change, CancellationToken cancellationToken)
    {
        if (!access.IsInstanceAdmin)
        {
            throw new ForbiddenException("Only instance administrators (admins of the root team) can change login providers.");
        }

        var provider = ExternalLoginProviders.Find(providerId) ?? throw new NotFoundException();
        var row = await db.OauthSettings.SingleOrDefaultAsync(s => s.Provider == provider.Id, cancellationToken);
        var rules = new InputRules();
        var clientId = rules.Identifier("client_id", change.ClientId);
        var newSecret = rules.Identifier("client_secret", change.ClientSecret, max: 1000);
        var tenant = provider.UsesTenant ? rules.Identifier("tenant", change.Tenant) : null;
        var baseUrl = rules.HttpUrl("base_url", change.BaseUrl);
        if (change.Enabled)
        {
            if (clientId is null)
            {
                rules.Add("client_id", "The client id is required to enable this provider.");
            }

            if (newSecret is null && string.IsNullOrEmpty(row?.ClientSecret))
            {
                rules.Add("client_secret", "The client secret is required to enable this provider.");
            }

            if (provider.RequiresBaseUrl && baseUrl is null)
            {
                rules.Add("base_url", "The issuer URL is required for OpenID Connect (e.g. https://auth.example.com/application/o/coolify).");
            }
        }

        rules.ThrowIfInvalid();

        if (row is null)
        {
            row = new OauthSetting { Provider = provider.Id };
            db.OauthSettings.Add(row);
        }

        row.Enabled = change.Enabled;
        row.ClientId = clientId;
        row.ClientSecret = newSecret ?? row.ClientSecret;
        row.Tenant = tenant;
        row.BaseUrl = baseUrl;
        audit.Add("settings.login_provider_changed", access.UserId, access.TeamId, $"{provider.Id} {(change.Enabled ? "enabled" : "disabled")}");
        await db.SaveChangesAsync(cancellationToken);
    }
}
