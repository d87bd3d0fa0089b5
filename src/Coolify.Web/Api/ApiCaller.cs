using System.Globalization;
using System.Security.Claims;

namespace Coolify.Web.Api;

internal static class ApiCaller
{
    /// <summary>The authenticated caller's user id (the API's policies guarantee there is one).</summary>
    public static int UserId(this ClaimsPrincipal principal) =>
        int.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture);
}
