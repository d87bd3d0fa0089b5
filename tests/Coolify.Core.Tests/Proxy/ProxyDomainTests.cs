using Coolify.Core.Common;
using Coolify.Core.Proxy;

namespace Coolify.Core.Tests.Proxy;

public sealed class ProxyDomainTests
{
    [Fact]
    public void ParseList_CoolifyDomains_ReadAsSchemeHostContainerPortAndPath()
    {
        var rules = new InputRules();

        var domains = ProxyDomain.ParseList(rules, "domains", " https://App.Example.com , http://api.example.com:3000/v1/ ,http://x.127.0.0.1.sslip.io");

        Assert.True(rules.IsValid);
        Assert.Equal(
            [new ProxyDomain(true, "app.example.com", null, "/"), new ProxyDomain(false, "api.example.com", 3000, "/v1"), new ProxyDomain(false, "x.127.0.0.1.sslip.io", null, "/")],
            domains);
        Assert.Equal("http://api.example.com:3000/v1", domains[1].ToString());
    }

    [Theory]
    [InlineData("https://app.example.com;id")]
    [InlineData("https://app.example.com`id`")]
    [InlineData("https://$(id).example.com")]
    [InlineData("https://app.example.com\n{")]
    [InlineData("https://app .example.com")]
    [InlineData("https://аpp.example.com")] // Cyrillic 'а'
    [InlineData("https://app.example.com/{path}")]
    [InlineData("https://app.example.com/a b")]
    [InlineData("https://user:pw@app.example.com")]
    [InlineData("https://app.example.com?x=1")]
    [InlineData("https://app.example.com:0")]
    [InlineData("https://app.example.com:70000")]
    [InlineData("ftp://app.example.com")]
    [InlineData("javascript://app.example.com")]
    [InlineData("app.example.com")]
    [InlineData("https://-app.example.com")]
    [InlineData("https://app..example.com")]
    [InlineData("https://*.example.com")]
    public void ParseList_HostileOrMalformed_IsRefusedOnTheField(string value)
    {
        var rules = new InputRules();

        var domains = ProxyDomain.ParseList(rules, "domains", value);

        Assert.Empty(domains);
        Assert.False(rules.IsValid);
    }

    [Fact]
    public void ParseList_OverLongLabelOrName_IsRefused()
    {
        var rules = new InputRules();
        ProxyDomain.ParseList(rules, "domains", $"https://{new string('a', 64)}.example.com, https://{string.Join('.', Enumerable.Repeat(new string('b', 60), 5))}.com");

        var refused = Assert.Throws<ValidationException>(rules.ThrowIfInvalid);
        Assert.Equal(2, refused.Errors["domains"].Length);
    }
}
