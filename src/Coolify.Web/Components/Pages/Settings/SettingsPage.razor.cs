using Coolify.Core.Common;
using Coolify.Core.Settings;
using Coolify.Web.Auth;
using Microsoft.AspNetCore.Components;

namespace Coolify.Web.Components.Pages.Settings;

public partial class SettingsPage
{
    private SettingsInput? _input;
    private bool _canEdit;
    private bool _saved;
    private string? _message;
    private IReadOnlyDictionary<string, string[]>? _errors;

    [Inject]
    public required DashboardScope Scope { get; init; }

    protected override async Task OnInitializedAsync()
    {
        var (settings, canEdit) = await Scope.RunAsync(async (team, services) =>
            (await services.GetRequiredService<InstanceSettingsService>().GetAsync(CancellationToken.None), team.Access.IsInstanceAdmin));
        _canEdit = canEdit;
        _input = new SettingsInput
        {
            InstanceName = settings.InstanceName,
            Fqdn = settings.Fqdn,
            IsRegistrationEnabled = settings.IsRegistrationEnabled,
            IsApiEnabled = settings.IsApiEnabled,
            AllowedIps = settings.AllowedIps,
            DisableTwoStepConfirmation = settings.DisableTwoStepConfirmation,
        };
    }

    private async Task SaveAsync()
    {
        _saved = false;
        _message = null;
        _errors = null;
        var input = _input!;
        try
        {
            await Scope.RunAsync((team, services) =>
                services.GetRequiredService<InstanceSettingsService>().UpdateAsync(team.Access, new InstanceSettingsChange(
                    input.InstanceName, input.Fqdn, input.IsRegistrationEnabled, input.IsApiEnabled, input.AllowedIps, input.DisableTwoStepConfirmation),
                    CancellationToken.None));
            _saved = true;
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

    private sealed class SettingsInput
    {
        public string? InstanceName { get; set; }

        public string? Fqdn { get; set; }

        public bool IsRegistrationEnabled { get; set; }

        public bool IsApiEnabled { get; set; }

        public string? AllowedIps { get; set; }

        public bool DisableTwoStepConfirmation { get; set; }
    }
}
