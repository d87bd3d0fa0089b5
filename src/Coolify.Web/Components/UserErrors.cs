using Coolify.Core.Commands;
using Coolify.Core.Common;

namespace Coolify.Web.Components;

/// <summary>
/// Exceptions whose message is meant for the user (a refusal, or a server that could not do it): the dashboard
/// shows them where the action was; anything else is a bug and goes to the error page and the log.
/// </summary>
public static class UserErrors
{
    public static bool IsShownToUser(Exception exception) =>
        exception is ValidationException or ForbiddenException or NotFoundException or ConflictException
            or ServerConnectionException or CommandFailedException or CommandTimeoutException or Coolify.Core.Docker.DockerRequestException
            or Coolify.Core.Databases.DatabaseRuntimeException or Coolify.Core.Services.ServiceRolloutException or Coolify.Core.Proxy.DomainConflictException;
}
