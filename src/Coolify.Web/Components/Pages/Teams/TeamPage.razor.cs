using Coolify.Core.Common;
using Coolify.Core.Teams;
using Coolify.Web.Auth;
using Coolify.Web.Components.Controls;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Web.Components.Pages.Teams;

public partial class TeamPage
{
    private readonly DetailsInput _details = new();
    private readonly DetailsInput _newTeam = new();
    private TeamView? _view;
    private PendingConfirmation? _pending;
    private string? _message;
    private IReadOnlyDictionary<string, string[]>? _errors;
    private IReadOnlyDictionary<string, string[]>? _newTeamErrors;

    [Inject]
    public required DashboardScope Scope { get; init; }

    protected override Task OnInitializedAsync() => LoadAsync();

    private static IEnumerable<TeamRole> RolesUpTo(TeamRole role) => Enum.GetValues<TeamRole>().Where(r => r <= role);

    private async Task LoadAsync()
    {
        _view = await Scope.RunAsync(async (scope, services) =>
        {
            var management = services.GetRequiredService<TeamManagement>();
            var team = await scope.Team.AsNoTracking().SingleAsync();
            var invitations = scope.Access.CanWrite
                ? await services.GetRequiredService<TeamInvitations>().PendingAsync(scope, CancellationToken.None)
                : [];
            return new TeamView(
                scope.Access, team, await management.MembersAsync(scope, CancellationToken.None), invitations,
                await services.GetRequiredService<TeamQueries>().ListForUserAsync(scope.Access.UserId, CancellationToken.None));
        });
        _details.Name = _view.Team.Name;
        _details.Description = _view.Team.Description;
    }

    /// <summary>Runs a change, shows what went wrong in words, and reloads.</summary>
    private async Task ChangeAsync(Func<TeamScope, IServiceProvider, Task> change)
    {
        _message = null;
        _errors = null;
        try
        {
            await Scope.RunAsync((scope, services) =>
                change(scope, services));
        }
        catch (ValidationException ex)
        {
            _errors = ex.Errors;
            _message = ex.Message;
        }
        catch (Exception ex) when (ex is ForbiddenException or NotFoundException)
        {
            _message = ex.Message;
        }

        await LoadAsync();
    }

    private Task SaveDetailsAsync() =>
        ChangeAsync((scope, services) => services.GetRequiredService<TeamManagement>().UpdateAsync(scope, _details.Name, _details.Description, CancellationToken.None));

    private Task ChangeRoleAsync(int userId, string? role) =>
        ChangeAsync((scope, services) => Enum.TryParse<TeamRole>(role, out var parsed)
            ? services.GetRequiredService<TeamManagement>().ChangeRoleAsync(scope, userId, parsed, CancellationToken.None)
            : throw ValidationException.For("role", "Unknown role."));

    private void ConfirmRemove(TeamMember member) =>
        _pending = new($"Remove {member.User?.Email} from {_view!.Team.Name}?", "They lose access to every resource of this team at once.", "Remove member",
            (scope, services) => services.GetRequiredService<TeamManagement>().RemoveMemberAsync(scope, member.UserId, CancellationToken.None));

    private Task SwitchAsync(int teamId) =>
        ChangeAsync((scope, services) => services.GetRequiredService<TeamManagement>().SwitchAsync(scope.Access.UserId, teamId, CancellationToken.None));

    private void ConfirmLeave() =>
        _pending = new($"Leave {_view!.Team.Name}?", "You lose access to its resources until someone invites you again.", "Leave team",
            (scope, services) => services.GetRequiredService<TeamManagement>().LeaveAsync(scope, CancellationToken.None));

    private void ConfirmDelete() =>
        _pending = new($"Delete {_view!.Team.Name}?", "The team, its members' access and its invitations are gone for good.", "Delete team",
            (scope, services) => services.GetRequiredService<TeamManagement>().DeleteAsync(scope, CancellationToken.None));

    private async Task CreateTeamAsync()
    {
        _newTeamErrors = null;
        try
        {
            await Scope.RunAsync((scope, services) =>
                services.GetRequiredService<TeamManagement>().CreateAsync(scope.Access.UserId, _newTeam.Name, null, CancellationToken.None));
            _newTeam.Name = null;
        }
        catch (ValidationException ex)
        {
            _newTeamErrors = ex.Errors;
        }

        await LoadAsync();
    }

    private sealed record TeamView(TeamAccess Access, Team Team, List<TeamMember> Members, List<TeamInvitation> Invitations, List<Team> MyTeams);

    private sealed class DetailsInput
    {
        public string? Name { get; set; }

        public string? Description { get; set; }
    }
}
