using Coolify.Core.Teams;
using Microsoft.AspNetCore.Authorization;

namespace Coolify.Web.Auth;

/// <summary>The API ability an endpoint needs.</summary>
public sealed class AbilityRequirement(string ability) : IAuthorizationRequirement
{
    public string Ability { get; } = ability;
}

/// <summary>Grants an <see cref="AbilityRequirement"/> from the token's abilities; refuses tokens that exceed their holder's role.</summary>
public sealed class AbilityRequirementHandler : AuthorizationHandler<AbilityRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AbilityRequirement requirement)
    {
        var user = context.User;
        if (user.HasClaim(ApiTokenAuthenticationHandler.ExceedsRoleClaim, "true"))
        {
            return Task.CompletedTask;
        }

        var granted = Abilities.Parse(user.FindFirst(CoolifyClaims.Abilities)?.Value ?? string.Empty);
        if (Abilities.Allows(granted, requirement.Ability))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
