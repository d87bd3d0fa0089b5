using Coolify.Core.Audit;

namespace Coolify.Web.Auth;

/// <summary>
/// The client address of the current HTTP request (after trusted-proxy handling). Inside an interactive
/// dashboard circuit there is no request, and events carry no address.
/// </summary>
public sealed class HttpClientAddress(IHttpContextAccessor accessor) : IClientAddress
{
    public string? Current => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
