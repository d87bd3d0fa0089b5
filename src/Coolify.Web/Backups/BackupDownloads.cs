using Coolify.Core.Backups;
using Coolify.Core.Common;
using Coolify.Core.Teams;
using Microsoft.AspNetCore.Mvc;

namespace Coolify.Web.Backups;

/// <summary>
/// A backup's file as an HTTP download, streamed from wherever it is kept; and the dashboard's own link for it (the
/// signed-in session, not a token: a browser cannot send one on a plain link).
/// </summary>
public static class BackupDownloads
{
    public const string DashboardPath = "/databases/{uuid}/backups/{scheduled_backup_uuid}/executions/{execution_uuid}/download";

    public static string LinkFor(string databaseUuid, string scheduleUuid, string executionUuid) =>
        $"/databases/{Uri.EscapeDataString(databaseUuid)}/backups/{Uri.EscapeDataString(scheduleUuid)}/executions/{Uri.EscapeDataString(executionUuid)}/download";

    /// <param name="aborted">The request's own token: a download the client left stops reading the server or S3.</param>
    public static IResult Result(BackupDownload download, CancellationToken aborted) =>
        TypedResults.Stream(body => download.WriteToAsync(body, aborted), "application/octet-stream", download.FileName);

    public static IEndpointRouteBuilder MapBackupDownloadEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet(DashboardPath, DownloadAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    // The same as the API route; in the dashboard, those who may reveal credentials (write roles) may download.
    private static async Task<IResult> DownloadAsync(
        string uuid, [FromRoute(Name = "scheduled_backup_uuid")] string scheduleUuid, [FromRoute(Name = "execution_uuid")] string executionUuid,
        HttpContext context, TeamScopeFactory scopes, BackupFiles files)
    {
        var scope = await scopes.CreateAsync(context.User, context.RequestAborted);
        if (scope is not { Access.CanWrite: true })
        {
            return TypedResults.Forbid();
        }

        try
        {
            return Result(await files.OpenAsync(scope, uuid, scheduleUuid, executionUuid, context.RequestAborted), context.RequestAborted);
        }
        catch (NotFoundException)
        {
            return TypedResults.NotFound();
        }
        catch (ValidationException ex)
        {
            return TypedResults.Text(string.Join(" ", ex.Errors.SelectMany(e => e.Value)), "text/plain", statusCode: StatusCodes.Status422UnprocessableEntity);
        }
    }
}
