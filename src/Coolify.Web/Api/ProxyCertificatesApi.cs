using System.Security.Claims;
using Coolify.Core.Proxy;
using Coolify.Core.Teams;
using Coolify.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Coolify.Web.Api;

/// <summary>
/// Certificates uploaded for a server's proxy (Coolify keeps them as files on the server; here they are a list
/// with its own routes). The private key goes in and never comes out.
/// </summary>
public static class ProxyCertificatesApi
{
    public static IEndpointRouteBuilder MapProxyCertificateEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1").WithTags("Servers").RequireAbility(Abilities.Read).RequireRateLimiting(ApiRateLimiting.Policy);
        read.MapGet("/servers/{uuid}/proxy/certificates", ListAsync).WithName("list-server-proxy-certificates");

        var write = app.MapGroup("/api/v1").WithTags("Servers").RequireAbility(Abilities.Write).RequireRateLimiting(ApiRateLimiting.Policy);
        write.MapPost("/servers/{uuid}/proxy/certificates", UploadAsync).WithName("upload-server-proxy-certificate");
        write.MapDelete("/servers/{uuid}/proxy/certificates/{certificateUuid}", DeleteAsync).WithName("delete-server-proxy-certificate");
        return app;
    }

    /// <param name="Certificate">PEM: the server's certificate first, then its chain.</param>
    /// <param name="PrivateKey">PEM: the certificate's private key.</param>
    public sealed record CertificateUpload(string? Certificate, string? PrivateKey);

    public sealed record CertificateResponse(
        string Uuid, IReadOnlyList<string> Hosts, string Issuer, string Subject, DateTime NotBefore, DateTime NotAfter, string Fingerprint, DateTime CreatedAt);

    public static async Task<Ok<IEnumerable<CertificateResponse>>> ListAsync(
        string uuid, ClaimsPrincipal user, TeamScopeFactory scopes, ProxyCertificates certificates, CancellationToken ct) =>
        TypedResults.Ok((await certificates.ListAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, ct)).Select(ToResponse));

    public static async Task<Created<CertificateResponse>> UploadAsync(
        string uuid, CertificateUpload body, ClaimsPrincipal user, TeamScopeFactory scopes, ProxyCertificates certificates, CancellationToken ct)
    {
        var certificate = await certificates.UploadAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, body.Certificate, body.PrivateKey, ct);
        return TypedResults.Created($"/api/v1/servers/{uuid}/proxy/certificates", ToResponse(certificate));
    }

    public static async Task<Ok<ApiMessage>> DeleteAsync(
        string uuid, string certificateUuid, ClaimsPrincipal user, TeamScopeFactory scopes, ProxyCertificates certificates, CancellationToken ct)
    {
        await certificates.DeleteAsync(await ApiScope.RequireAsync(user, scopes, ct), uuid, certificateUuid, ct);
        return TypedResults.Ok(new ApiMessage("Certificate deleted."));
    }

    private static CertificateResponse ToResponse(ProxyCertificate c) =>
        new(c.Uuid, c.HostList, c.Issuer, c.Subject, c.NotBefore, c.NotAfter, c.Fingerprint, c.CreatedAt);
}
