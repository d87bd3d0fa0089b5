using Coolify.Core.Common;
using Coolify.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Coolify.Web.Tests.Hosting;

public class TrustedProxiesTests
{
    [Fact]
    public void ConfiguredProxies_AreTheOnlyOnesBelieved()
    {
        var options = Configure("10.0.0.1, 192.168.0.0/16");

        Assert.Equal(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, options.ForwardedHeaders);
        Assert.Empty(options.KnownProxies);
        Assert.Equal(["10.0.0.1/32", "192.168.0.0/16"], options.KnownIPNetworks.Select(n => n.ToString()));
    }

    [Fact]
    public void NoProxies_MeansForwardedHeadersAreIgnored() =>
        Assert.Equal(ForwardedHeaders.None, Configure(null).ForwardedHeaders);

    [Fact]
    public void AnEntryThatIsNotAnAddress_StopsTheStart()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Configure("10.0.0.1, proxy.internal"));
        Assert.Contains("'proxy.internal'", ex.Message, StringComparison.Ordinal);
    }

    private static ForwardedHeadersOptions Configure(string? value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [TrustedProxies.Variable] = value })
            .Build();
        using var services = new ServiceCollection().AddTrustedProxies(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
    }
}
