using Coolify.Core.Commands;

namespace Coolify.Core.Tests.Commands;

public class ShellCommandTests
{
    [Fact]
    public void Render_QuotesEveryArgument_IncludingTheProgram()
    {
        var command = ShellCommand.Of("docker", "network", "create", "my net");

        Assert.Equal("'docker' 'network' 'create' 'my net'", command.Render());
    }

    [Theory]
    [InlineData("it's", @"'it'\''s'")]
    [InlineData("$(reboot)", "'$(reboot)'")]
    [InlineData("`id`", "'`id`'")]
    [InlineData("a; rm -rf /", "'a; rm -rf /'")]
    [InlineData("", "''")]
    [InlineData("--force", "'--force'")]
    public void Quote_LeavesNothingForTheShellToInterpret(string value, string expected) =>
        Assert.Equal(expected, ShellQuote.Quote(value));

    [Fact]
    public void Quote_RefusesNul() =>
        Assert.Throws<ArgumentException>(() => ShellCommand.Of("printf", "%s", "a\0b").Render());

    [Fact]
    public void Operators_ComeOnlyFromTheTypedHelpers()
    {
        var command = ShellCommand.Of("docker", "ps", "-q")
            .Pipe(ShellCommand.Of("wc", "-l"))
            .WriteOutputTo("/tmp/count")
            .InDirectory("/srv/app dir");

        Assert.Equal("'cd' '--' '/srv/app dir' && ( { 'docker' 'ps' '-q' | 'wc' '-l'; } >'/tmp/count' )", command.Render());
    }

    [Fact]
    public void Chains_AndRedirects()
    {
        var command = ShellCommand.Of("test", "-d", "/data").Then(ShellCommand.Of("echo", "yes")).OrElse(ShellCommand.Of("echo", "no"));

        Assert.Equal("'test' '-d' '/data' && 'echo' 'yes' || 'echo' 'no'", command.Render());
        // Nesting the text alone would lose: sh reads a && b || c as (a && b) || c, and a && b | c as a && (b | c).
        Assert.Equal(
            "'test' '-d' '/data' && { 'echo' 'yes' || 'echo' 'no'; }",
            ShellCommand.Of("test", "-d", "/data").Then(ShellCommand.Of("echo", "yes").OrElse(ShellCommand.Of("echo", "no"))).Render());
        Assert.Equal(
            "{ 'echo' 'a' && 'echo' 'b'; } | 'wc' '-l'",
            ShellCommand.Of("echo", "a").Then(ShellCommand.Of("echo", "b")).Pipe(ShellCommand.Of("wc", "-l")).Render());
        Assert.Equal("'git' '--version' >'/dev/null' 2>&1", ShellCommand.Of("git", "--version").DiscardOutput().Render());
    }

    [Fact]
    public void AsRoot_UsesSudoThatNeverPrompts()
    {
        Assert.Equal("'sudo' '-n' '--' 'apt-get' 'install' '-y' 'git'", ShellCommand.Of("apt-get", "install", "-y", "git").AsRoot().Render());
        var compound = ShellCommand.Of("mkdir", "-p", "/data").Then(ShellCommand.Of("chown", "1000", "/data"));
        Assert.Equal("'sudo' '-n' '--' 'sh' '-c' " + ShellQuote.Quote(compound.Render()), compound.AsRoot().Render());
    }

    [Fact]
    public void WithEnvironment_QuotesTheValue_AndChecksTheName()
    {
        Assert.Equal("LANG='C; id' 'git' 'status'", ShellCommand.Of("git", "status").WithEnvironment("LANG", "C; id").Render());
        Assert.Throws<ArgumentException>(() => ShellCommand.Of("git", "status").WithEnvironment("A=B; id", "x"));
        Assert.Throws<ArgumentException>(() => ShellCommand.Of("git", "status").WithEnvironment("A\n", "x")); // a line break would end the shell command
    }
}
