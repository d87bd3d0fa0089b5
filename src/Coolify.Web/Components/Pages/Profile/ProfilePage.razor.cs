using Coolify.Core.Common;
using Coolify.Core.Teams;
using Coolify.Web.Auth;
using Microsoft.AspNetCore.Components;

namespace Coolify.Web.Components.Pages.Profile;

public partial class ProfilePage
{
    private readonly NameInput _name = new();
    private readonly PasswordInput _password = new();
    private string? _email;
    private TwoFactorStatus? _twoFactor;
    private List<UserSession>? _sessions;
    private string? _currentSessionKey;
    private string? _saved;
    private IReadOnlyDictionary<string, string[]>? _nameErrors;
    private IReadOnlyDictionary<string, string[]>? _passwordErrors;

    [Inject]
    public required DashboardScope Scope { get; init; }

    [Inject]
    public required NavigationManager NavigationManager { get; init; }

    [CascadingParameter]
    public required Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState> AuthenticationState { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var user = await Scope.RunAsync((team, services) => services.GetRequiredService<AccountProfile>().GetAsync(team.Access.UserId, CancellationToken.None));
        _email = user.Email;
        _name.Value = user.Name;
        _twoFactor = await Scope.RunAsync((team, services) => services.GetRequiredService<TwoFactorAuthentication>().GetStatusAsync(team.Access.UserId, CancellationToken.None));
        _currentSessionKey = (await AuthenticationState).User.FindFirst(CoolifyClaims.SessionKey)?.Value;
        await LoadSessionsAsync();
    }

    private async Task LoadSessionsAsync() =>
        _sessions = await Scope.RunAsync((team, services) => services.GetRequiredService<UserSessions>().ListAsync(team.Access.UserId, CancellationToken.None));

    private async Task RevokeSessionAsync(int sessionId)
    {
        await Scope.RunAsync((team, services) => services.GetRequiredService<UserSessions>().RevokeAsync(team.Access.UserId, sessionId, CancellationToken.None));
        await LoadSessionsAsync();
    }

    private async Task RevokeOtherSessionsAsync()
    {
        await Scope.RunAsync((team, services) => services.GetRequiredService<UserSessions>().RevokeOthersAsync(team.Access.UserId, _currentSessionKey, CancellationToken.None));
        await LoadSessionsAsync();
    }

    private async Task RenameAsync()
    {
        _saved = null;
        _nameErrors = null;
        try
        {
            await Scope.RunAsync((team, services) =>
                services.GetRequiredService<AccountProfile>().RenameAsync(team.Access.UserId, _name.Value, CancellationToken.None));
            _saved = "Name saved.";
        }
        catch (ValidationException ex)
        {
            _nameErrors = ex.Errors;
        }
    }

    private async Task ChangePasswordAsync()
    {
        _passwordErrors = null;
        try
        {
            await Scope.RunAsync((team, services) =>
                services.GetRequiredService<AccountProfile>().ChangePasswordAsync(team.Access.UserId, _password.Current, _password.New, CancellationToken.None));
            // The session's cookie carries the old security stamp: start a fresh one.
            NavigationManager.NavigateTo("/login?returnUrl=%2Fprofile", forceLoad: true);
        }
        catch (ValidationException ex)
        {
            _passwordErrors = ex.Errors;
        }
    }

    private sealed class NameInput
    {
        public string? Value { get; set; }
    }

    private sealed class PasswordInput
    {
        public string? Current { get; set; }

        public string? New { get; set; }
    }
}
