using Coolify.Core.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace Coolify.Web.Api;

/// <summary>Turns the domain's refusals into Coolify's API answers (422, 403) instead of a 500.</summary>
public sealed class ApiExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        IResult? result = exception switch
        {
            ValidationException validation => ApiResults.Validation(validation),
            ForbiddenException forbidden => ApiResults.Forbidden(forbidden.Message),
            NotFoundException => ApiResults.NotFound(),
            ConflictException conflict => TypedResults.Json(new ApiMessage(conflict.Message), statusCode: StatusCodes.Status409Conflict),
            Coolify.Core.Proxy.DomainConflictException domains => TypedResults.Json(
                new DomainConflictResponse(domains.Message, "Using the same domain for multiple resources can cause routing conflicts and unpredictable behavior.", domains.Conflicts),
                statusCode: StatusCodes.Status409Conflict),
            // A server that cannot be reached is a fact about input the user gave (address, key): 422 with the reason.
            Coolify.Core.Commands.ServerConnectionException unreachable => ApiResults.Validation(ValidationException.For("server", unreachable.Message)),
            // So is a server that cannot do what was asked (Docker missing, a command refused or too slow there).
            Coolify.Core.Commands.CommandFailedException or Coolify.Core.Commands.CommandTimeoutException or Coolify.Core.Docker.DockerRequestException
                or Coolify.Core.Databases.DatabaseRuntimeException or Coolify.Core.Services.ServiceRolloutException =>
                ApiResults.Validation(ValidationException.For("server", exception.Message)),
            // Unreadable bodies (malformed JSON, wrong types) are bad input like any other: 422, not a bare 400.
            BadHttpRequestException bad => ApiResults.Validation(ValidationException.For("body", $"The request body could not be read: {bad.Message}")),
            _ => null,
        };
        if (result is null)
        {
            return false;
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }
}

/// <summary>Coolify's 409 body for domains in use.</summary>
public sealed record DomainConflictResponse(string Message, string Warning, IReadOnlyList<Coolify.Core.Proxy.DomainConflict> Conflicts);
