using Coolify.Core.Common;
using Coolify.Core.Services;
using Coolify.Web.Auth;
using Microsoft.AspNetCore.Components;

namespace Coolify.Web.Components.Pages.Services;

/// <summary>A compose service application's card; its domains are edited in place.</summary>
public partial class ServiceApplicationCard
{
    private readonly DomainsInput _input = new();
    private IReadOnlyDictionary<string, string[]>? _errors;
    private bool _saved;
    private string? _shown;

    [Parameter, EditorRequired]
    public required string ServiceUuid { get; set; }

    [Parameter, EditorRequired]
    public required ServiceApplication Application { get; set; }

    [Parameter]
    public bool CanWrite { get; set; }

    [Parameter]
    public EventCallback OnSaved { get; set; }

    [Inject]
    public required DashboardScope Scope { get; init; }

    // The stored domains fill the field when they change (after a save, or a new file); what the user types stays otherwise.
    protected override void OnParametersSet()
    {
        var stored = string.Join(", ", ServiceText.Domains(Application.Fqdn));
        if (stored != _shown)
        {
            (_shown, _input.Url) = (stored, stored);
        }
    }

    private async Task SaveAsync()
    {
        (_errors, _saved) = (null, false);
        try
        {
            await Scope.RunAsync((team, services) => services.GetRequiredService<ComposeServices>().UpdateApplicationAsync(
                team, ServiceUuid, Application.Uuid, new ServiceApplicationChange(Url: _input.Url ?? string.Empty), CancellationToken.None));
            _saved = true;
            await OnSaved.InvokeAsync();
        }
        catch (ValidationException ex)
        {
            _errors = ex.Errors;
        }
        catch (Coolify.Core.Proxy.DomainConflictException ex)
        {
            _errors = new Dictionary<string, string[]> { ["url"] = [.. ex.Conflicts.Select(c => c.Message)] };
        }
        catch (Exception ex) when (UserErrors.IsShownToUser(ex))
        {
            _errors = new Dictionary<string, string[]> { ["url"] = [ex.Message] };
        }
    }

    private sealed class DomainsInput
    {
        public string? Url { get; set; }
    }
}
