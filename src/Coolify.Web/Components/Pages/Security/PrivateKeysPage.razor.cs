using Coolify.Core.Common;
using Coolify.Core.Security;
using Coolify.Web.Auth;
using Coolify.Web.Components.Controls;
using Microsoft.AspNetCore.Components;

namespace Coolify.Web.Components.Pages.Security;

public partial class PrivateKeysPage
{
    private readonly GenerateInput _generate = new();
    private ImportInput _import = new();
    private List<PrivateKey>? _keys;
    private bool _canWrite;
    private PendingConfirmation? _pending;
    private IReadOnlyDictionary<string, string[]>? _generateErrors;
    private IReadOnlyDictionary<string, string[]>? _importErrors;

    [Inject]
    public required DashboardScope Scope { get; init; }

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        (_keys, _canWrite) = await Scope.RunAsync(async (team, services) =>
            (await services.GetRequiredService<PrivateKeys>().ListAsync(team, CancellationToken.None), team.Access.CanWrite));
    }

    private async Task GenerateAsync()
    {
        _generateErrors = null;
        try
        {
            await Scope.RunAsync((team, services) =>
                services.GetRequiredService<PrivateKeys>().GenerateAsync(team, _generate.Name, null, _generate.Algorithm, CancellationToken.None));
            _generate.Name = null;
            await LoadAsync();
        }
        catch (ValidationException ex)
        {
            _generateErrors = ex.Errors;
        }
    }

    private async Task ImportAsync()
    {
        _importErrors = null;
        try
        {
            await Scope.RunAsync((team, services) =>
                services.GetRequiredService<PrivateKeys>().ImportAsync(team, _import.Name, null, _import.PrivateKey, CancellationToken.None, _import.Passphrase));
            _import = new();
            await LoadAsync();
        }
        catch (ValidationException ex)
        {
            _importErrors = ex.Errors;
        }
    }

    private void ConfirmDelete(PrivateKey key) =>
        _pending = new($"Delete the key \"{key.Name}\"?", "Servers can no longer be reached with it; the key cannot be recovered.", "Delete key",
            (team, services) => services.GetRequiredService<PrivateKeys>().DeleteAsync(team, key.Uuid, CancellationToken.None));

    private sealed class GenerateInput
    {
        public string? Name { get; set; }

        public SshKeyAlgorithm Algorithm { get; set; } = SshKeyAlgorithm.Ed25519;
    }

    private sealed class ImportInput
    {
        public string? Name { get; set; }

        public string? PrivateKey { get; set; }

        public string? Passphrase { get; set; }
    }
}
