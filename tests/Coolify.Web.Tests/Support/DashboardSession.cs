using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Coolify.Web.Tests.Support;

/// <summary>An HTTP client logged into the dashboard through the real login form (antiforgery and all).</summary>
public static partial class DashboardSession
{
    public static async Task<HttpClient> CreateSignedInClientAsync(this CoolifyWebFactory factory, string email, string password = TestAccounts.Password)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await SubmitLoginAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect || LocalPath(response) != "/")
        {
            throw new InvalidOperationException($"Login failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    public static async Task<HttpResponseMessage> SubmitLoginAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        return await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>Fills and submits one of a server-rendered page's forms, antiforgery token included.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string path, string formName, IDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var values = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value,
        };
        return await client.PostAsync(path, new FormUrlEncodedContent(values));
    }

    /// <summary>Where a redirect points, as a path on this site (Blazor answers absolute URLs).</summary>
    public static string? LocalPath(HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? null
        : location.IsAbsoluteUri ? (location.Host == "localhost" ? location.PathAndQuery : location.ToString())
        : location.OriginalString;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
