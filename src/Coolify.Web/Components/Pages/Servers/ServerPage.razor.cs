using Coolify.Core.Common;
using Coolify.Core.Servers;
using Coolify.Web.Auth;
using Coolify.Web.Components.Controls;
using Coolify.Web.Servers;
using Microsoft.AspNetCore.Components;

namespace Coolify.Web.Components.Pages.Servers;

public partial class ServerPage
{
    private readonly CancellationTokenSource _leaving = new();
    private Server? _server;
    private bool _notFound;
    private bool _canWrite;
    private bool _validating;
    private PendingConfirmation? _pending;
    private bool _deleted;
    private readonly DestinationInput _destination = new();
    private IReadOnlyDictionary<string, string[]>? _destinationErrors;
    private string? _destinationMessage;

    [Parameter]
    public string Uuid { get; set; } = string.Empty;

    [Inject]
    public required DashboardScope Scope { get; init; }

    [Inject]
    public required ServerValidationQueue Validations { get; init; }

    [Inject]
    public required NavigationManager NavigationManager { get; init; }

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            (_server, _canWrite) = await Scope.RunAsync(async (team, services) =>
                (await services.GetRequiredService<ServerService>().GetAsync(team, Uuid, CancellationToken.None), team.Access.CanWrite));
        }
        catch (NotFoundException)
        {
            _notFound = true;
        }
    }

    // Validation runs in the background; the log is re-read every second until the verdict line arrives.
    private async Task ValidateAsync(bool installMissing)
    {
        _validating = true;
        var before = _server!.ValidationLogs;
        Validations.Enqueue(_server.Id, installMissing);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var deadline = TimeProvider.System.GetUtcNow() + (installMissing ? ServerPackages.InstallTimeout : TimeSpan.FromMinutes(2));
        try
        {
            while (await timer.WaitForNextTickAsync(_leaving.Token) && TimeProvider.System.GetUtcNow() < deadline)
            {
                await LoadAsync();
                StateHasChanged();
                var log = _server.ValidationLogs;
                if (log != before && log is not null && (log.Contains("Server is", StringComparison.Ordinal) || log.Contains("✗ Not reachable", StringComparison.Ordinal)))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The user left the page.
        }

        _validating = false;
    }

    private async Task ResetHostKeyAsync()
    {
        await Scope.RunAsync((team, services) => services.GetRequiredService<ServerService>().ForgetHostKeyAsync(team, Uuid, CancellationToken.None));
        await LoadAsync();
    }

    private void ConfirmDelete() =>
        _pending = new($"Delete {_server!.Name}?", "Coolify forgets the server; what runs on it keeps running.", "Delete server", async (team, services) =>
        {
            await services.GetRequiredService<ServerService>().DeleteAsync(team, Uuid, CancellationToken.None);
            _deleted = true;
        });

    private void ConfirmRemoveDestination(Destination destination) =>
        _pending = new($"Remove the destination {destination.Name}?", $"The Docker network {destination.Network} is removed from the server.", "Remove destination",
            (team, services) => services.GetRequiredService<DestinationService>().DeleteAsync(team, destination.Uuid, CancellationToken.None));

    private async Task AfterConfirmedAsync()
    {
        if (_deleted)
        {
            NavigationManager.NavigateTo("/servers");
            return;
        }

        await LoadAsync();
    }

    private async Task AddDestinationAsync()
    {
        _destinationErrors = null;
        _destinationMessage = null;
        try
        {
            await Scope.RunAsync((team, services) =>
                services.GetRequiredService<DestinationService>().CreateAsync(team, Uuid, null, _destination.Network, null, CancellationToken.None));
            _destination.Network = null;
            await LoadAsync();
        }
        catch (ValidationException ex)
        {
            _destinationErrors = ex.Errors;
        }
        catch (Exception ex) when (UserErrors.IsShownToUser(ex))
        {
            _destinationMessage = ex.Message;
        }
    }

    private sealed class DestinationInput
    {
        public string? Network { get; set; }
    }

    public void Dispose()
    {
        _leaving.Cancel();
        _leaving.Dispose();
    }
}
