using Coolify.Core.Teams;
using Microsoft.AspNetCore.Authorization;

namespace Coolify.Web.Auth;

/// <summary>Policies for the API: one per ability, each only for API tokens.</summary>
public static class ApiAuthorization
{
    public static string PolicyFor(string ability) => $"api:{ability}";

    public static AuthorizationBuilder AddApiPolicies(this AuthorizationBuilder builder)
    {
        foreach (var ability in Abilities.All)
        {
            builder.AddPolicy(PolicyFor(ability), policy => policy
                .AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .AddRequirements(new AbilityRequirement(ability)));
        }

        return builder;
    }

    /// <summary>Requires an API token with <paramref name="ability"/> (write routes: <c>write</c>, and so on).</summary>
    public static TBuilder RequireAbility<TBuilder>(this TBuilder builder, string ability)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(PolicyFor(ability));
}
