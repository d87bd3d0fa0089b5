using Coolify.Core.Persistence;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Web.Components.Pages;

public partial class Dashboard
{
    private DashboardSummary? _summary;

    [Inject]
    public required IDbContextFactory<CoolifyDbContext> DbFactory { get; init; }

    protected override async Task OnInitializedAsync()
    {
        // Instance-wide until accounts and teams exist ([2/7]); then these counts go through the team scope.
        await using var db = await DbFactory.CreateDbContextAsync();
        _summary = new DashboardSummary(await db.Projects.CountAsync(), await db.Servers.CountAsync());
    }

    private sealed record DashboardSummary(int Projects, int Servers);
}
