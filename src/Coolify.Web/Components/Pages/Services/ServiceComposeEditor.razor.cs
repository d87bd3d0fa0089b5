using Coolify.Core.Common;
using Coolify.Core.Services;
using Coolify.Web.Auth;
using Microsoft.AspNetCore.Components;

namespace Coolify.Web.Components.Pages.Services;

/// <summary>Edits a service's compose file; a refused file stays in the editor with its errors, to be fixed.</summary>
public partial class ServiceComposeEditor
{
    private readonly ComposeInput _input = new();
    private IReadOnlyDictionary<string, string[]>? _errors;
    private string? _message;
    private bool _failed;
    private string? _loaded;

    [Parameter, EditorRequired]
    public required Service Service { get; set; }

    [Parameter]
    public bool CanWrite { get; set; }

    [Parameter]
    public bool CanAllowRisky { get; set; }

    /// <summary>After a file was saved (the page reloads the service).</summary>
    [Parameter]
    public EventCallback OnSaved { get; set; }

    [Inject]
    public required DashboardScope Scope { get; init; }

    // The page reloads the service after other actions too: the editor takes the stored file only when that changed,
    // so a refused file the user is fixing stays.
    protected override void OnParametersSet()
    {
        if (_loaded != Service.DockerComposeRaw)
        {
            (_loaded, _input.Compose, _input.AllowRiskyOptions) = (Service.DockerComposeRaw, Service.DockerComposeRaw, Service.AllowRiskyOptions);
        }
    }

    private async Task SaveAsync()
    {
        (_errors, _message, _failed) = (null, null, false);
        var change = new ServiceChange(DockerComposeRaw: _input.Compose ?? string.Empty, AllowRiskyOptions: CanAllowRisky ? _input.AllowRiskyOptions : null);
        try
        {
            await Scope.RunAsync((team, services) => services.GetRequiredService<ComposeServices>().UpdateAsync(team, Service.Uuid, change, CancellationToken.None));
            _message = Service.Status.StartsWith("running", StringComparison.Ordinal) ? "Saved; Restart to run it." : "Saved.";
            await OnSaved.InvokeAsync();
        }
        catch (ValidationException ex)
        {
            (_errors, _message, _failed) = (ex.Errors, "Not saved: the file was refused.", true);
        }
        catch (Exception ex) when (UserErrors.IsShownToUser(ex))
        {
            (_message, _failed) = (ex.Message, true);
        }
    }

    private sealed class ComposeInput
    {
        public string? Compose { get; set; }

        public bool AllowRiskyOptions { get; set; }
    }
}
