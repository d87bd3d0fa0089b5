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
