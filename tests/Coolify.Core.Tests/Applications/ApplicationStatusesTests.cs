using Coolify.Core.Applications;

namespace Coolify.Core.Tests.Applications;

public sealed class ResourceStatusesTests
{
    private static (string State, string Status) Container(string state, string status) => (state, status);

    [Theory]
    [InlineData("running", "Up 5 minutes (healthy)", "running:healthy")]
    [InlineData("running", "Up 5 minutes (unhealthy)", "running:unhealthy")]
    [InlineData("running", "Up 2 hours", "running:unknown")]
    [InlineData("running", "Up 3 seconds (health: starting)", "starting:unknown")]
    [InlineData("restarting", "Restarting (1) 3 seconds ago", "restarting")]
    [InlineData("exited", "Exited (137) 2 minutes ago", "exited")]
    public void OneContainer_MapsToCoolifysStatus(string state, string status, string expected) =>
        Assert.Equal(expected, ResourceStatuses.StatusOf([Container(state, status)]));

    [Fact]
    public void NoContainer_IsExited() => Assert.Equal("exited", ResourceStatuses.StatusOf([]));

    [Fact]
    public void DuringARollout_TheServingContainerDecides() =>
        Assert.Equal("running:healthy", ResourceStatuses.StatusOf([Container("running", "Up 1 hour (healthy)"), Container("running", "Up 1 second (health: starting)")]));

    [Fact]
    public void DuringARollout_AnOldContainerWithoutHealthCheck_StaysUnknown() =>
        Assert.Equal("running:unknown", ResourceStatuses.StatusOf([Container("running", "Up 1 hour"), Container("running", "Up 1 second (health: starting)")]));

    [Fact]
    public void RunningContainersThatDisagree_AreDegraded() =>
        Assert.Equal("degraded", ResourceStatuses.StatusOf([Container("running", "Up 1 hour (healthy)"), Container("running", "Up 1 hour (unhealthy)")]));
}
