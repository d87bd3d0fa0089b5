namespace Coolify.Core.Notifications;

/// <summary>
/// Messages about an account sent to its email address: password reset links and team invitations. Until the
/// SMTP sender arrives with the notifications work, <see cref="LoggedAccountMail"/> writes them to the log.
/// </summary>
public interface IAccountMail
{
    Task SendPasswordResetAsync(string email, Uri link, CancellationToken cancellationToken);

    Task SendInvitationAsync(string email, string teamName, Uri link, CancellationToken cancellationToken);
}
