using Microsoft.Extensions.Logging;

namespace Coolify.Core.Notifications;

/// <summary>
/// Account mail without a mail server: each message is logged at Information, where an operator (or a test) can
/// read the link. The links are one-use secrets, so only the addressee's operator should see this log.
/// </summary>
public sealed partial class LoggedAccountMail(ILogger<LoggedAccountMail> logger) : IAccountMail
{
    public Task SendPasswordResetAsync(string email, Uri link, CancellationToken cancellationToken)
    {
        LogPasswordReset(email, link);
        return Task.CompletedTask;
    }

    public Task SendInvitationAsync(string email, string teamName, Uri link, CancellationToken cancellationToken)
    {
        LogInvitation(email, teamName, link);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No mail server configured; password reset link for {Email}: {Link}")]
    private partial void LogPasswordReset(string email, Uri link);

    [LoggerMessage(Level = LogLevel.Information, Message = "No mail server configured; invitation for {Email} to team {Team}: {Link}")]
    private partial void LogInvitation(string email, string team, Uri link);
}
