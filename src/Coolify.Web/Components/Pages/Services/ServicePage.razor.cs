using Coolify.Core.Common;
using Coolify.Core.Services;
using Coolify.Web.Auth;
using Coolify.Web.Components.Controls;
using Microsoft.AspNetCore.Components;

namespace Coolify.Web.Components.Pages.Services;

/// <summary>
/// A service's page. Start and restart answer when the rollout is done (as the API does), with what happened to each
/// compose service (rolled out start-first, or restarted in place), shown until the next action.
/// </summary>
public partial class ServicePage
{
    private Service? _service;
    private bool _notFound;
    private bool _canWrite;
    private bool _canAllowRisky;
    private bool _busy;
    private string? _busyText;
    private bool _failed;
    private string? _message;
    private IReadOnlyDictionary<string, string[]>? _errors;
    private IReadOnlyList<string>? _runLog;
    private bool _keepVolumes;
    private bool _deleted;
    private int _variablesVersion;
    private PendingConfirmation? _pending;

    [Parameter]
    public string Uuid { get; set; } = string.Empty;

    [Inject]
    public required DashboardScope Scope { get; init; }

    [Inject]
    public required NavigationManager NavigationManager { get; init; }

    private string EnvironmentAddress =>
        $"/projects/{Uri.EscapeDataString(_service?.Environment?.Project?.Uuid ?? string.Empty)}/{Uri.EscapeDataString(_service?.Environment?.Name ?? string.Empty)}";

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            (_service, _canWrite, _canAllowRisky) = await Scope.RunAsync(async (team, services) =>
                (await services.GetRequiredService<ComposeServices>().GetAsync(team, Uuid, CancellationToken.None),
                 team.Access.CanWrite, ServiceText.CanAllowRisky(team.Access)));
        }
        catch (NotFoundException)
        {
            _notFound = true;
        }
    }

    private Task StartAsync(bool recreate) => RunAsync(recreate ? "Restarting: every container is made anew…" : "Starting…", async (team, services) =>
    {
        _runLog = await services.GetRequiredService<ComposeServices>().StartAsync(team, Uuid, CancellationToken.None, recreate);
        return recreate ? "Service restarted." : "Service started.";
    });

    private Task StopAsync() => RunAsync("Stopping…", async (team, services) =>
    {
        await services.GetRequiredService<ComposeServices>().StopAsync(team, Uuid, CancellationToken.None);
        return "Service stopped (its volumes are kept).";
    });

    private async Task RunAsync(string busyText, Func<Core.Teams.TeamScope, IServiceProvider, Task<string>> action)
    {
        (_busy, _busyText, _message, _failed, _errors, _runLog) = (true, busyText, null, false, null, null);
        try
        {
            _message = await Scope.RunAsync(action);
        }
        catch (ValidationException ex)
        {
            (_message, _failed, _errors) = ("The service could not start:", true, ex.Errors);
        }
        catch (Exception ex) when (UserErrors.IsShownToUser(ex))
        {
            (_message, _failed) = (ex.Message, true);
        }
        finally
        {
            _busy = false;
            await LoadAsync();
        }
    }

    // A saved file may have added compose services and generated variables for them.
    private async Task ComposeSavedAsync()
    {
        _variablesVersion++;
        await LoadAsync();
    }

    private void ConfirmDelete()
    {
        var deleteVolumes = !_keepVolumes;
        _pending = new($"Delete the service \"{_service!.Name}\"?",
            deleteVolumes ? "Its containers and its volumes, with their data, are removed from the server." : "Its containers are removed; its volumes stay on the server.",
            "Delete service",
            async (team, services) =>
            {
                await services.GetRequiredService<ComposeServices>().DeleteAsync(team, Uuid, deleteVolumes, CancellationToken.None);
                _deleted = true;
            });
    }

    private async Task AfterConfirmedAsync()
    {
        if (_deleted)
        {
            NavigationManager.NavigateTo(EnvironmentAddress);
            return;
        }

        await LoadAsync();
    }
}
