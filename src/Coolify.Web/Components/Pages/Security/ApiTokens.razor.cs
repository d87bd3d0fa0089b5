using Coolify.Core.Common;
using Coolify.Core.Teams;
using Coolify.Web.Auth;
using Microsoft.AspNetCore.Components;

using Coolify.Web.Components.Controls;

namespace Coolify.Web.Components.Pages.Security;

public partial class ApiTokens
{
    private readonly TokenInput _input = new();
    private List<PersonalAccessToken>? _tokens;
    private string? _created;
    private PendingConfirmation? _pending;
    private string? _message;
    private IReadOnlyDictionary<string, string[]>? _errors;

    [Inject]
    public required DashboardScope Dashboard { get; init; }

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync() =>
        _tokens = await Dashboard.RunAsync((team, services) =>
            services.GetRequiredService<ApiTokenService>().ListAsync(team, CancellationToken.None));

    private void Toggle(string ability, bool on)
    {
        if (on)
        {
            _input.Abilities.Add(ability);
        }
        else
        {
            _input.Abilities.Remove(ability);
        }
    }

    private async Task CreateAsync()
    {
        _created = null;
        _message = null;
        _errors = null;
        try
        {
            var created = await Dashboard.RunAsync((team, services) =>
                services.GetRequiredService<ApiTokenService>().CreateAsync(team.Access, _input.Name, _input.Abilities, null, CancellationToken.None));
            _created = created.PlainText;
            _input.Name = null;
            await LoadAsync();
        }
        catch (ValidationException ex)
        {
            _errors = ex.Errors;
        }
        catch (ForbiddenException ex)
        {
            _message = ex.Message;
        }
    }

    private void ConfirmRevoke(PersonalAccessToken token) =>
        _pending = new($"Revoke the token \"{token.Name}\"?", "Programs using it get 401 from their next request on.", "Revoke token",
            (team, services) => services.GetRequiredService<ApiTokenService>().RevokeAsync(team, token.Id, CancellationToken.None));

    private sealed class TokenInput
    {
        public string? Name { get; set; }

        public HashSet<string> Abilities { get; } = [Core.Teams.Abilities.Read];
    }
}
