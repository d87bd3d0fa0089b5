using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using Coolify.Core.Settings;
using Microsoft.AspNetCore.Authentication.OAuth;

namespace Coolify.Web.Auth.ExternalLogins;

/// <summary>Who signed in with GitHub or GitLab (plain OAuth 2, no id token): read from the provider's user API.</summary>
internal static class OAuthUserInfo
{
    public static async Task AddClaimsAsync(ExternalLoginProvider provider, OAuthCreatingTicketContext context)
    {
        using var user = await GetJsonAsync(context, context.Options.UserInformationEndpoint);
        var root = user.RootElement;
        var identity = context.Identity!;
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, root.GetProperty("id").ToString()));
        var name = Text(root, "name") ?? Text(root, provider == ExternalLoginProviders.GitHub ? "login" : "username");
        if (name is not null)
        {
            identity.AddClaim(new Claim("name", name));
        }

        var (email, verified) = provider == ExternalLoginProviders.GitHub
            ? await GitHubPrimaryEmailAsync(context)
            // GitLab's /user gives the primary email, confirmed once confirmed_at is set.
            : (Text(root, "email"), Text(root, "confirmed_at") is not null);
        if (email is not null)
        {
            identity.AddClaim(new Claim(ClaimTypes.Email, email));
            identity.AddClaim(new Claim(ExternalClaims.EmailVerified, verified ? "true" : "false"));
        }
    }

    // The public profile email may be empty or unverified; /user/emails says which one is primary and verified.
    private static async Task<(string? Email, bool Verified)> GitHubPrimaryEmailAsync(OAuthCreatingTicketContext context)
    {
        using var emails = await GetJsonAsync(context, context.Options.UserInformationEndpoint + "/emails");
        foreach (var entry in emails.RootElement.EnumerateArray())
        {
            if (entry.TryGetProperty("primary", out var primary) && primary.GetBoolean())
            {
                return (Text(entry, "email"), entry.TryGetProperty("verified", out var verified) && verified.GetBoolean());
            }
        }

        return (null, false);
    }

    private static async Task<JsonDocument> GetJsonAsync(OAuthCreatingTicketContext context, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", context.AccessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Coolify.NET", "1.0"));
        using var response = await context.Backchannel.SendAsync(request, context.HttpContext.RequestAborted);
        response.EnsureSuccessStatusCode();
        return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(context.HttpContext.RequestAborted), cancellationToken: context.HttpContext.RequestAborted);
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
