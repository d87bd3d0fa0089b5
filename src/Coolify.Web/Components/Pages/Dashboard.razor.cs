using Coolify.Web.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Web.Components.Pages;

public partial class Dashboard
{
    private DashboardSummary? _summary;

    [Inject]
    public required DashboardScope Scope { get; init; }

    protected override async Task OnInitializedAsync() =>
        _summary = await Scope.RunAsync(async (team, _) =>
            new DashboardSummary(await team.Projects.CountAsync(), await team.Servers.CountAsync()));

    private sealed record DashboardSummary(int Projects, int Servers);
}
