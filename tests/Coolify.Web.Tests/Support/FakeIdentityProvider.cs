using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Coolify.Web.Tests.Support;

/// <summary>The person signing in at the fake provider.</summary>
public sealed record FakeProviderUser(string Id, string Email, string Name, bool EmailVerified);

/// <summary>
/// A small identity provider on a real loopback port, speaking every dialect the product uses: GitHub's OAuth 2
/// (authorize, access_token, /api/v3/user, /user/emails: GitHub Enterprise paths), GitLab's (/oauth, /api/v4/user)
/// and OpenID Connect under <c>/oidc</c> and <c>/{tenant}/v2.0</c> (discovery, JWKS, RS256 id tokens with the
/// nonce, userinfo). It approves every authorization
/// request at once for <see cref="User"/>, and checks the client secret and code like a real one.
/// </summary>
public sealed class FakeIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "coolify-test-client";
    public const string ClientSecret = "fake-provider-secret";

    /// <summary>A Microsoft Entra tenant id: the provider also serves OIDC at <c>/{tenant}/v2.0</c>, as Microsoft does.</summary>
    public const string AzureTenant = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _signingKey = new(RSA.Create(2048)) { KeyId = "test-key" };
    private readonly ConcurrentDictionary<string, (FakeProviderUser User, string? Nonce, string? Issuer)> _codes = new();
    private readonly ConcurrentDictionary<string, FakeProviderUser> _accessTokens = new();

    private FakeIdentityProvider(WebApplication app)
    {
        _app = app;
    }

    public FakeProviderUser User { get; set; } = new("1", "someone@example.com", "Someone", EmailVerified: true);

    public Uri BaseAddress { get; private set; } = null!;

    public string OidcIssuer => IssuerAt("/oidc");

    private string IssuerAt(string prefix) => new Uri(BaseAddress, prefix).ToString();

    public static async Task<FakeIdentityProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var provider = new FakeIdentityProvider(builder.Build());
        provider.MapRoutes();
        await provider._app.StartAsync();
        var address = provider._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider.BaseAddress = new Uri(address);
        return provider;
    }

    private void MapRoutes()
    {
        _app.MapGet("/login/oauth/authorize", (HttpRequest request) => Authorize(request, nonce: null, issuer: null));
        _app.MapPost("/login/oauth/access_token", async (HttpRequest request) =>
            await RedeemCodeAsync(request) is { } user ? Results.Json(new { access_token = IssueAccessToken(user), token_type = "bearer" }) : Results.BadRequest());
        _app.MapGet("/api/v3/user", (HttpRequest request) => Caller(request) is { } user
            ? Results.Json(new { id = int.Parse(user.Id, System.Globalization.CultureInfo.InvariantCulture), login = "octo-" + user.Id, name = user.Name, email = (string?)null })
            : Results.Unauthorized());
        _app.MapGet("/api/v3/user/emails", (HttpRequest request) => Caller(request) is { } user
            ? Results.Json(new[] { new { email = "secondary@example.com", primary = false, verified = true }, new { email = user.Email, primary = true, verified = user.EmailVerified } })
            : Results.Unauthorized());

        // GitLab: its own paths, and the user's primary email with confirmed_at on /user.
        _app.MapGet("/oauth/authorize", (HttpRequest request) => Authorize(request, nonce: null, issuer: null));
        _app.MapPost("/oauth/token", async (HttpRequest request) =>
            await RedeemCodeAsync(request) is { } user ? Results.Json(new { access_token = IssueAccessToken(user), token_type = "bearer" }) : Results.BadRequest());
        _app.MapGet("/api/v4/user", (HttpRequest request) => Caller(request) is { } user
            ? Results.Json(new { id = int.Parse(user.Id, System.Globalization.CultureInfo.InvariantCulture), username = "gl-" + user.Id, name = user.Name, email = user.Email, confirmed_at = user.EmailVerified ? "2026-01-01T00:00:00Z" : null })
            : Results.Unauthorized());

        MapOpenIdConnect("/oidc");
        MapOpenIdConnect($"/{AzureTenant}/v2.0");
    }

    private void MapOpenIdConnect(string prefix)
    {
        _app.MapGet(prefix + "/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = IssuerAt(prefix),
            ["authorization_endpoint"] = IssuerAt(prefix) + "/authorize",
            ["token_endpoint"] = IssuerAt(prefix) + "/token",
            ["userinfo_endpoint"] = IssuerAt(prefix) + "/userinfo",
            ["jwks_uri"] = IssuerAt(prefix) + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        _app.MapGet(prefix + "/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(_signingKey);
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, use = "sig", alg = "RS256", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
        });
        _app.MapGet(prefix + "/authorize", (HttpRequest request) => Authorize(request, request.Query["nonce"], IssuerAt(prefix)));
        _app.MapPost(prefix + "/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (!_codes.TryRemove(form["code"].ToString(), out var grant) || !ValidClient(form["client_id"], form["client_secret"], request))
            {
                return Results.BadRequest(new { error = "invalid_grant" });
            }

            return Results.Json(new { access_token = IssueAccessToken(grant.User), token_type = "Bearer", expires_in = 300, id_token = IdToken(grant.User, grant.Nonce, grant.Issuer!) });
        });
        _app.MapGet(prefix + "/userinfo", (HttpRequest request) => Caller(request) is { } user
            ? Results.Json(new { sub = user.Id, email = user.Email, email_verified = user.EmailVerified, name = user.Name })
            : Results.Unauthorized());
    }

    private IResult Authorize(HttpRequest request, string? nonce, string? issuer)
    {
        if (request.Query["client_id"] != ClientId)
        {
            return Results.BadRequest("unknown client");
        }

        var code = Guid.NewGuid().ToString("N");
        var redirectUri = request.Query["redirect_uri"].ToString();
        _codes[code] = (User, nonce, issuer);
        return Results.Redirect($"{redirectUri}?code={code}&state={Uri.EscapeDataString(request.Query["state"].ToString())}");
    }

    private async Task<FakeProviderUser?> RedeemCodeAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        return _codes.TryRemove(form["code"].ToString(), out var grant) && ValidClient(form["client_id"], form["client_secret"], request) ? grant.User : null;
    }

    // Clients authenticate with form fields or HTTP Basic; either must carry the right secret.
    private static bool ValidClient(string? id, string? secret, HttpRequest request)
    {
        if (request.Headers.Authorization.ToString() is { Length: > 6 } basic && basic.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(basic[6..])).Split(':', 2);
            (id, secret) = (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
        }

        return id == ClientId && secret == ClientSecret;
    }

    private string IssueAccessToken(FakeProviderUser user)
    {
        var token = Guid.NewGuid().ToString("N");
        _accessTokens[token] = user;
        return token;
    }

    private FakeProviderUser? Caller(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { Length: > 7 } header && _accessTokens.TryGetValue(header[7..], out var user) ? user : null;

    private string IdToken(FakeProviderUser user, string? nonce, string issuer)
    {
        var claims = new Dictionary<string, object> { ["sub"] = user.Id, ["email"] = user.Email, ["email_verified"] = user.EmailVerified, ["name"] = user.Name };
        if (nonce is not null)
        {
            claims["nonce"] = nonce;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = ClientId,
            Claims = claims,
            IssuedAt = TimeProvider.System.GetUtcNow().UtcDateTime,
            Expires = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(5),
            SigningCredentials = new SigningCredentials(_signingKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
