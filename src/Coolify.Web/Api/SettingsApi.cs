using System.Security.Claims;
using Coolify.Core.Audit;
using Coolify.Core.Settings;
using Coolify.Core.Teams;
using Coolify.Web.Auth;
using Coolify.Web.Auth.ExternalLogins;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Coolify.Web.Api;

/// <summary>
/// The Settings page for API clients (beyond Coolify's contract, see decision 010): instance settings, login
/// providers and the audit log. Instance admins only; changes need a root token, like <c>/enable</c>.
/// </summary>
public static class SettingsApi
{
    public const int MaxAuditEvents = 500;

    public static IEndpointRouteBuilder MapSettingsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Settings").RequireInstanceAdmin().RequireRateLimiting(ApiRateLimiting.Policy);
        api.MapGet("/settings", GetSettingsAsync).RequireAbility(Abilities.Read).WithName("get-instance-settings");
        api.MapPatch("/settings", UpdateSettingsAsync).RequireAbility(Abilities.Root).WithName("update-instance-settings");
        api.MapGet("/settings/login-providers", ListProvidersAsync).RequireAbility(Abilities.Read).WithName("list-login-providers");
        api.MapPatch("/settings/login-providers/{provider}", UpdateProviderAsync).RequireAbility(Abilities.Root).WithName("update-login-provider");
        // Who logged in from where: personal data, so it takes read:sensitive.
        api.MapGet("/audit-log", ListAuditEventsAsync).RequireAbility(Abilities.ReadSensitive).WithName("list-audit-events");
        return app;
    }

    public sealed record SettingsResponse(
        string? InstanceName, string? Fqdn, bool IsRegistrationEnabled, bool IsApiEnabled, string? AllowedIps, bool DisableTwoStepConfirmation,
        string? AcmeDirectoryUrl, string? AcmeEmail, string? AcmeCaRoot);

    /// <summary>A partial change: absent fields keep their value; an empty string clears a text field.</summary>
    public sealed record SettingsRequest(
        string? InstanceName, string? Fqdn, bool? IsRegistrationEnabled, bool? IsApiEnabled, string? AllowedIps, bool? DisableTwoStepConfirmation,
        string? AcmeDirectoryUrl, string? AcmeEmail, string? AcmeCaRoot);

    public sealed record LoginProviderResponse(
        string Provider, string Name, bool Enabled, string? ClientId, bool HasClientSecret, string? Tenant, string? BaseUrl, string CallbackPath);

    /// <param name="ClientSecret">Write-only: absent keeps the stored secret.</param>
    public sealed record LoginProviderRequest(bool? Enabled, string? ClientId, string? ClientSecret, string? Tenant, string? BaseUrl);

    public sealed record AuditEventResponse(long Id, string Action, int? UserId, int? TeamId, string? Target, string? IpAddress, DateTime CreatedAt);

    public static async Task<Ok<SettingsResponse>> GetSettingsAsync(InstanceSettingsService settings, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await settings.GetAsync(ct)));

    public static async Task<Ok<SettingsResponse>> UpdateSettingsAsync(
        SettingsRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, InstanceSettingsService settings, CancellationToken ct)
    {
        var current = await settings.GetAsync(ct);
        await settings.UpdateAsync(await AccessAsync(user, scopes, ct), new InstanceSettingsChange(
            body.InstanceName ?? current.InstanceName,
            body.Fqdn ?? current.Fqdn,
            body.IsRegistrationEnabled ?? current.IsRegistrationEnabled,
            body.IsApiEnabled ?? current.IsApiEnabled,
            body.AllowedIps ?? current.AllowedIps,
            body.DisableTwoStepConfirmation ?? current.DisableTwoStepConfirmation,
            body.AcmeDirectoryUrl, body.AcmeEmail, body.AcmeCaRoot), ct);
        return TypedResults.Ok(ToResponse(await settings.GetAsync(ct)));
    }

    public static async Task<Ok<List<LoginProviderResponse>>> ListProvidersAsync(ExternalLoginSettings providers, CancellationToken ct) =>
        TypedResults.Ok((await providers.ListAsync(ct)).Select(ToResponse).ToList());

    public static async Task<Results<Ok<LoginProviderResponse>, JsonHttpResult<ApiMessage>>> UpdateProviderAsync(
        string provider, LoginProviderRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, ExternalLoginSettings providers,
        ExternalLoginOptionsCache optionsCache, CancellationToken ct)
    {
        if ((await providers.ListAsync(ct)).SingleOrDefault(p => p.Provider.Id == provider) is not { } current)
        {
            return ApiResults.NotFound();
        }

        await providers.UpdateAsync(await AccessAsync(user, scopes, ct), provider, new ExternalLoginChange(
            body.Enabled ?? current.Enabled,
            body.ClientId ?? current.ClientId,
            body.ClientSecret,
            body.Tenant ?? current.Tenant,
            body.BaseUrl ?? current.BaseUrl), ct);
        optionsCache.Invalidate(provider);
        return TypedResults.Ok(ToResponse((await providers.ListAsync(ct)).Single(p => p.Provider.Id == provider)));
    }

    public static async Task<Ok<List<AuditEventResponse>>> ListAuditEventsAsync(AuditLog audit, int? limit, CancellationToken ct) =>
        TypedResults.Ok((await audit.LatestAsync(Math.Clamp(limit ?? 100, 1, MaxAuditEvents), ct))
            .Select(e => new AuditEventResponse(e.Id, e.Action, e.UserId, e.TeamId, e.Target, e.IpAddress, e.CreatedAt)).ToList());

    private static async Task<TeamAccess> AccessAsync(ClaimsPrincipal user, TeamScopeFactory scopes, CancellationToken ct) =>
        (await ApiScope.RequireAsync(user, scopes, ct)).Access;

    private static SettingsResponse ToResponse(InstanceSettings s) =>
        new(s.InstanceName, s.Fqdn, s.IsRegistrationEnabled, s.IsApiEnabled, s.AllowedIps, s.DisableTwoStepConfirmation, s.AcmeDirectoryUrl, s.AcmeEmail, s.AcmeCaRoot);

    private static LoginProviderResponse ToResponse(ExternalLoginView v) =>
        new(v.Provider.Id, v.Provider.DisplayName, v.Enabled, v.ClientId, v.HasClientSecret, v.Tenant, v.BaseUrl, v.Provider.CallbackPath);
}
