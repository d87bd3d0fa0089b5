using Coolify.Core.Common;
using Coolify.Core.Projects;
using Coolify.Core.Servers;
using Coolify.Core.Services.Catalog;
using Coolify.Web.Auth;
using Microsoft.AspNetCore.Components;

namespace Coolify.Web.Components.Pages.Services;

/// <summary>
/// A new service in an environment: the catalog, then the chosen template's Compose file and the creation form
/// (the <c>service-create</c> region); or the user's own compose file.
/// </summary>
public partial class NewServicePage
{
    private ProjectEnvironment? _environment;
    private ServiceTemplate? _template;
    private bool _notFound;
    private bool _canWrite;
    private bool _canAllowRisky;
    private bool _ownFile;
    private List<Server> _servers = [];

    [Parameter]
    public string ProjectUuid { get; set; } = string.Empty;

    /// <summary>The environment's name or uuid, as on the environment's page.</summary>
    [Parameter]
    public string Environment { get; set; } = string.Empty;

    [Inject]
    public required DashboardScope Scope { get; init; }

    private string EnvironmentAddress => $"/projects/{Uri.EscapeDataString(ProjectUuid)}/{Uri.EscapeDataString(Environment)}";

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            (_environment, _servers, _canWrite, _canAllowRisky) = await Scope.RunAsync(async (team, services) =>
                (await services.GetRequiredService<ProjectService>().GetEnvironmentAsync(team, ProjectUuid, Environment, CancellationToken.None),
                 await services.GetRequiredService<ServerService>().ListAsync(team, CancellationToken.None),
                 team.Access.CanWrite, ServiceText.CanAllowRisky(team.Access)));
        }
        catch (NotFoundException)
        {
            _notFound = true;
        }
    }

    private void Pick(ServiceTemplate template) => _template = template;
}
