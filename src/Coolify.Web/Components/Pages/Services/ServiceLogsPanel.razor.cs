using Coolify.Core.Services;
using Coolify.Web.Auth;
using Microsoft.AspNetCore.Components;

namespace Coolify.Web.Components.Pages.Services;

/// <summary>Logs of the container of the compose service the user picks.</summary>
public partial class ServiceLogsPanel
{
    private const int Lines = 100;

    private string? _subService;
    private string? _logs;
    private string? _message;

    [Parameter, EditorRequired]
    public required Service Service { get; set; }

    [Inject]
    public required DashboardScope Scope { get; init; }

    private List<string> Names =>
        [.. Service.Applications.Select(a => a.Name).Concat(Service.Databases.Select(d => d.Name)).Order(StringComparer.Ordinal)];

    // The choice survives reloads of the service unless the compose service is gone from the file.
    protected override void OnParametersSet()
    {
        if (_subService is null || !Names.Contains(_subService))
        {
            _subService = Names.FirstOrDefault();
        }
    }

    private async Task LoadAsync()
    {
        (_logs, _message) = (null, null);
        try
        {
            _logs = await Scope.RunAsync((team, services) =>
                services.GetRequiredService<ComposeServices>().LogsAsync(team, Service.Uuid, _subService, Lines, timestamps: true, CancellationToken.None));
            _message = _logs.Length == 0 ? $"{_subService} has written nothing yet (or is not running)." : null;
        }
        catch (Exception ex) when (UserErrors.IsShownToUser(ex))
        {
            _message = ex.Message;
        }
    }
}
