using Coolify.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Coolify.Web.Api;

/// <summary>The API's error answers, with Coolify's bodies.</summary>
public static class ApiResults
{
    public static JsonHttpResult<ApiMessage> NotFound() =>
        TypedResults.Json(new ApiMessage("Resource not found."), statusCode: StatusCodes.Status404NotFound);

    public static JsonHttpResult<ApiMessage> Forbidden(string message) =>
        TypedResults.Json(new ApiMessage(message), statusCode: StatusCodes.Status403Forbidden);

    public static JsonHttpResult<ApiValidationError> Validation(ValidationException ex) =>
        TypedResults.Json(new ApiValidationError(ex.Message, ex.Errors), statusCode: StatusCodes.Status422UnprocessableEntity);
}
