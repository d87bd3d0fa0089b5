namespace Coolify.Core.Teams;

/// <summary>Claim types the host puts on a caller's principal.</summary>
public static class CoolifyClaims
{
    /// <summary>The team an API token acts for (a dashboard session uses the user's current team).</summary>
    public const string TeamId = "coolify:team_id";

    public const string TokenId = "coolify:token_id";

    /// <summary>Space-separated abilities of the API token.</summary>
    public const string Abilities = "coolify:abilities";

    /// <summary>The dashboard session (<see cref="UserSession.Key"/>) a cookie belongs to.</summary>
    public const string SessionKey = "coolify:sid";
}
