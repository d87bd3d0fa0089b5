using Coolify.Core.Persistence;

namespace Coolify.Core.Tests.Persistence;

public class SnakeCaseTests
{
    [Theory]
    [InlineData("Fqdn", "fqdn")]
    [InlineData("GitRepository", "git_repository")]
    [InlineData("PortsExposes", "ports_exposes")]
    [InlineData("LimitsCpus", "limits_cpus")]
    [InlineData("PublicIpv4", "public_ipv4")]
    [InlineData("HealthCheckReturnCode", "health_check_return_code")]
    [InlineData("ConcurrentBuilds", "concurrent_builds")]
    [InlineData("DockerRegistryImageTag", "docker_registry_image_tag")]
    [InlineData("IsSpa", "is_spa")]
    [InlineData("Id", "id")]
    public void From_PascalCase_GivesCoolifyColumnName(string name, string expected) => Assert.Equal(expected, SnakeCase.From(name));
}
