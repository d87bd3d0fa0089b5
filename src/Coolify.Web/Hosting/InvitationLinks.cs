using Coolify.Core.Notifications;
using Coolify.Core.Persistence;
using Coolify.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Web.Hosting;

/// <summary>The link of a new team invitation, and its delivery by email when the inviter asks for it.</summary>
public static class InvitationLinks
{
    public static async Task<Uri> DeliverAsync(
        IServiceProvider services, TeamScope scope, CreatedInvitation created, Uri requestBase, bool sendEmail, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<CoolifyDbContext>();
        var link = new Uri(await SiteAddress.ResolveAsync(db, requestBase, cancellationToken), $"/invitations/{created.Secret}");
        if (sendEmail)
        {
            var teamName = await scope.Team.Select(t => t.Name).SingleAsync(cancellationToken);
            await services.GetRequiredService<IAccountMail>().SendInvitationAsync(created.Invitation.Email, teamName, link, cancellationToken);
        }

        return link;
    }
}
