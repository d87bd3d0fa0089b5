using Coolify.Core.Audit;

namespace Coolify.Web.Auth;

/// <summary>
/// The client address of the current HTTP request (after trusted-proxy handling). Inside an interactive
/// dashboard circuit there is no request: <see cref="DashboardScope"/> supplies the address the session
/// logged in from.
/// </summary>
public sealed class HttpClientAddress(IHttpContextAccessor accessor) : IClientAddress
{
    public string? SessionAddress { get; set; }

    public string? Current => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? SessionAddress;
}
