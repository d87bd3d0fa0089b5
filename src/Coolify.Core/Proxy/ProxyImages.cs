namespace Coolify.Core.Proxy;

/// <summary>
/// The images of the proxy containers: settings of the instance (<c>COOLIFY_PROXY_IMAGE_CADDY</c>,
/// <c>_TRAEFIK</c>), so an operator can pin or mirror them and tests can use an image built from Debian's caddy.
/// The Caddy image needs <c>caddy</c> on its PATH and a shell; certificates go to <c>/data</c> (XDG_DATA_HOME).
/// </summary>
public sealed record ProxyImages(string Caddy = "caddy:2-alpine", string Traefik = "traefik:v3.5");
