using System.Security.Claims;
using Coolify.Core.Security;
using Coolify.Core.Teams;
using Coolify.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Coolify.Web.Api;

/// <summary>Coolify's <c>/security/keys</c> routes, plus generating a key (not in Coolify's API; decision 010).</summary>
public static class PrivateKeysApi
{
    public static IEndpointRouteBuilder MapPrivateKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1").WithTags("Private Keys").RequireAbility(Abilities.Read).RequireRateLimiting(ApiRateLimiting.Policy);
        read.MapGet("/security/keys", ListAsync).WithName("list-private-keys");
        read.MapGet("/security/keys/{uuid}", GetAsync).WithName("get-private-key-by-uuid");

        var write = app.MapGroup("/api/v1").WithTags("Private Keys").RequireAbility(Abilities.Write).RequireRateLimiting(ApiRateLimiting.Policy);
        write.MapPost("/security/keys", CreateAsync).WithName("create-private-key");
        write.MapPost("/security/keys/generate", GenerateAsync).WithName("generate-private-key");
        write.MapPatch("/security/keys", UpdateAsync).WithName("update-private-key");
        write.MapDelete("/security/keys/{uuid}", DeleteAsync).WithName("delete-private-key-by-uuid");
        return app;
    }

    public sealed record PrivateKeyResponse(
        int Id, string Uuid, string Name, string? Description, [property: Sensitive] string PrivateKey, string? PublicKey, string? Fingerprint,
        bool IsGitRelated, int TeamId, DateTime CreatedAt, DateTime UpdatedAt);

    /// <param name="Passphrase">Not in Coolify's API: opens an encrypted key, which is then stored without it.</param>
    public sealed record KeyRequest(string? Uuid, string? Name, string? Description, string? PrivateKey, string? Passphrase = null);

    /// <param name="Algorithm"><c>ed25519</c> (default) or <c>rsa</c> (4096 bits).</param>
    public sealed record GenerateRequest(string? Name, string? Description, string? Algorithm);

    public sealed record GeneratedResponse(string Uuid, string? PublicKey, string? Fingerprint);

    public static async Task<Ok<List<PrivateKeyResponse>>> ListAsync(ClaimsPrincipal user, TeamScopeFactory scopes, PrivateKeys keys, CancellationToken ct) =>
        TypedResults.Ok((await keys.ListAsync(await ApiScope.RequireAsync(user, scopes, ct), ct)).Select(ToResponse).ToList());

    public static async Task<Ok<PrivateKeyResponse>> GetAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, PrivateKeys keys, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await keys.GetAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct)));

    public static async Task<Created<UuidResponse>> CreateAsync(KeyRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, PrivateKeys keys, CancellationToken ct)
    {
        var key = await keys.ImportAsync(await ApiScope.RequireAsync(user, scopes, ct), body.Name, body.Description, body.PrivateKey, ct, body.Passphrase);
        return TypedResults.Created($"/api/v1/security/keys/{key.Uuid}", new UuidResponse(key.Uuid));
    }

    public static async Task<Created<GeneratedResponse>> GenerateAsync(GenerateRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, PrivateKeys keys, CancellationToken ct)
    {
        var algorithm = body.Algorithm?.ToLowerInvariant() switch
        {
            null or "" or "ed25519" => SshKeyAlgorithm.Ed25519,
            "rsa" or "rsa4096" => SshKeyAlgorithm.Rsa4096,
            _ => throw Core.Common.ValidationException.For("algorithm", "The algorithm must be ed25519 or rsa."),
        };
        var key = await keys.GenerateAsync(await ApiScope.RequireAsync(user, scopes, ct), body.Name, body.Description, algorithm, ct);
        return TypedResults.Created($"/api/v1/security/keys/{key.Uuid}", new GeneratedResponse(key.Uuid, key.PublicKey, key.Fingerprint));
    }

    public static async Task<Created<UuidResponse>> UpdateAsync(KeyRequest body, ClaimsPrincipal user, TeamScopeFactory scopes, PrivateKeys keys, CancellationToken ct)
    {
        var key = await keys.UpdateAsync(await ApiScope.RequireAsync(user, scopes, ct), body.Uuid, body.Name, body.Description, body.PrivateKey, ct, body.Passphrase);
        return TypedResults.Created($"/api/v1/security/keys/{key.Uuid}", new UuidResponse(key.Uuid));
    }

    public static async Task<Ok<ApiMessage>> DeleteAsync(string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, PrivateKeys keys, CancellationToken ct)
    {
        await keys.DeleteAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct);
        return TypedResults.Ok(new ApiMessage("Private Key deleted."));
    }

    private static PrivateKeyResponse ToResponse(PrivateKey k) =>
        new(k.Id, k.Uuid, k.Name, k.Description, k.PrivateKeyValue, k.PublicKey, k.Fingerprint, k.IsGitRelated, k.TeamId, k.CreatedAt, k.UpdatedAt);
}
