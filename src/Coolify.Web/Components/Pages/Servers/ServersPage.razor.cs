using Coolify.Core.Common;
using Coolify.Core.Security;
using Coolify.Core.Servers;
using Coolify.Web.Auth;
using Microsoft.AspNetCore.Components;

namespace Coolify.Web.Components.Pages.Servers;

public partial class ServersPage
{
    private readonly ServerInput _input = new();
    private List<Server>? _servers;
    private List<PrivateKey> _keys = [];
    private bool _canWrite;
    private IReadOnlyDictionary<string, string[]>? _errors;

    [Inject]
    public required DashboardScope Scope { get; init; }

    [Inject]
    public required NavigationManager NavigationManager { get; init; }

    internal static string Status(Server server) => server.Settings switch
    {
        { IsUsable: true } => "usable",
        { IsReachable: true } => "reachable, not usable",
        _ when server.ValidationLogs is null => "not validated",
        _ => "unreachable",
    };

    internal static string StatusClass(Server server) => server.Settings?.IsUsable == true ? "ok" : server.Settings?.IsReachable == true ? "warn" : "bad";

    protected override async Task OnInitializedAsync() =>
        (_servers, _keys, _canWrite) = await Scope.RunAsync(async (team, services) =>
            (await services.GetRequiredService<ServerService>().ListAsync(team, CancellationToken.None),
             await services.GetRequiredService<PrivateKeys>().ListAsync(team, CancellationToken.None),
             team.Access.CanWrite));

    private async Task AddAsync()
    {
        _errors = null;
        try
        {
            var uuid = await Scope.RunAsync(async (team, services) =>
            {
                // Key and server together or neither: a refused server leaves no orphan key behind.
                await using var transaction = await services.GetRequiredService<Coolify.Core.Persistence.CoolifyDbContext>().Database.BeginTransactionAsync();
                var keyUuid = _input.PrivateKeyUuid;
                if (string.IsNullOrEmpty(keyUuid))
                {
                    // The server page then shows its public key to paste into authorized_keys.
                    keyUuid = (await services.GetRequiredService<PrivateKeys>()
                        .GenerateAsync(team, $"{_input.Name} key", null, SshKeyAlgorithm.Ed25519, CancellationToken.None)).Uuid;
                }

                var change = new ServerChange(Name: _input.Name, Ip: _input.Ip, Port: _input.Port, User: _input.User, PrivateKeyUuid: keyUuid);
                var server = await services.GetRequiredService<ServerService>().CreateAsync(team, change, CancellationToken.None);
                await transaction.CommitAsync();
                return server.Uuid;
            });
            NavigationManager.NavigateTo($"/servers/{uuid}");
        }
        catch (ValidationException ex)
        {
            _errors = ex.Errors;
        }
    }

    private sealed class ServerInput
    {
        public string? Name { get; set; }

        public string? Ip { get; set; }

        public int Port { get; set; } = 22;

        public string? User { get; set; } = "root";

        public string? PrivateKeyUuid { get; set; }
    }
}
