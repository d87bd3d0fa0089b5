using System.Security.Claims;
using System.Text.Encodings.Web;
using Coolify.Core.Teams;
using Coolify.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Coolify.Web.Auth;

/// <summary>
/// <c>Authorization: Bearer &lt;id&gt;|&lt;secret&gt;</c>. The token's team membership and role are checked on every
/// request; a member whose token holds more than <c>read</c> is authenticated but marked, and refused (403).
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens,
    TeamAccessResolver access) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string ExceedsRoleClaim = "coolify:token_exceeds_role";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = await tokens.FindAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (token?.User is null)
        {
            return AuthenticateResult.Fail("Invalid token.");
        }

        var teamAccess = await access.ResolveAsync(token.UserId, token.TeamId, Context.RequestAborted);
        if (teamAccess is null)
        {
            return AuthenticateResult.Fail("The token's user is no longer in its team.");
        }

        var abilities = Abilities.Parse(token.Abilities);
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, token.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, token.User.Email ?? string.Empty),
            new(CoolifyClaims.TeamId, token.TeamId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(CoolifyClaims.TokenId, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(CoolifyClaims.Abilities, token.Abilities),
        ];
        if (!teamAccess.CanWrite && Abilities.ExceedsRead(abilities))
        {
            claims.Add(new Claim(ExceedsRoleClaim, "true"));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Response.WriteAsJsonAsync(new ApiMessage("Unauthenticated."));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var message = Context.User.HasClaim(ExceedsRoleClaim, "true")
            ? "Your role in this team only allows read-only tokens."
            : "This token does not have the ability this action needs.";
        return Response.WriteAsJsonAsync(new ApiMessage(message));
    }
}
