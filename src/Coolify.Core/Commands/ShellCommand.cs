using System.Text;
using System.Text.RegularExpressions;

namespace Coolify.Core.Commands;

/// <summary>
/// A command for a POSIX shell on a server, kept as argument vectors joined by typed operators — never as a
/// string someone concatenated. <see cref="Render"/> is the only place a command becomes shell text, and it
/// single-quotes every argument, so no value (a branch name, a path, a network name) can be read as syntax.
/// Values that are secrets do not belong here at all: they go on standard input (see <see cref="CommandOptions"/>).
/// </summary>
public abstract partial record ShellCommand
{
    /// <summary>A program and its arguments: <c>ShellCommand.Of("docker", "network", "create", name)</c>.</summary>
    public static ShellCommand Of(string program, params IEnumerable<string> arguments) => new Simple([program, .. arguments], []);

    /// <summary><c>this | next</c>; as in POSIX sh, the pipeline's status is the last part's.</summary>
    public ShellCommand Pipe(ShellCommand next) => new Joined(this, "|", next);

    /// <summary><c>this &amp;&amp; next</c>.</summary>
    public ShellCommand Then(ShellCommand next) => new Joined(this, "&&", next);

    /// <summary><c>this || next</c>.</summary>
    public ShellCommand OrElse(ShellCommand next) => new Joined(this, "||", next);

    /// <summary>Standard output to a file on the server (<c>&gt;</c> or <c>&gt;&gt;</c>).</summary>
    public ShellCommand WriteOutputTo(string path, bool append = false) => new Redirected(this, append ? ">>" : ">", path);

    /// <summary>Standard input from a file on the server (<c>&lt;</c>).</summary>
    public ShellCommand ReadInputFrom(string path) => new Redirected(this, "<", path);

    /// <summary>Standard error into standard output (<c>2&gt;&amp;1</c>).</summary>
    public ShellCommand MergeErrorIntoOutput() => new Redirected(this, "2>&1", null);

    /// <summary>No output at all (<c>&gt;/dev/null 2&gt;&amp;1</c>), for probes whose exit code is the answer.</summary>
    public ShellCommand DiscardOutput() => new Redirected(new Redirected(this, ">", "/dev/null"), "2>&1", null);

    /// <summary>Runs in <paramref name="directory"/>: <c>cd 'dir' &amp;&amp; (command)</c>.</summary>
    public ShellCommand InDirectory(string directory) => new Joined(Of("cd", "--", directory), "&&", new Group(this));

    /// <summary>
    /// An environment variable for a simple command (<c>NAME='value' program ...</c>). Not for secrets: the
    /// rendered line is visible in the server's process list.
    /// </summary>
    public ShellCommand WithEnvironment(string name, string value)
    {
        if (!EnvironmentName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a valid environment variable name.", nameof(name));
        }

        return this is Simple simple
            ? simple with { Environment = [.. simple.Environment, new(name, value)] }
            : Of("env", $"{name}={value}", "sh", "-c", Render());
    }

    /// <summary>
    /// With root rights through <c>sudo -n</c> (never prompts: a missing sudo rule fails at once). Compound
    /// commands run as one <c>sh -c</c> under sudo, so every part gets the rights.
    /// </summary>
    public ShellCommand AsRoot() =>
        this is Simple { Environment.Count: 0 } simple
            ? simple with { Arguments = ["sudo", "-n", "--", .. simple.Arguments] }
            : Of("sudo", "-n", "--", "sh", "-c", Render());

    /// <summary>The command as POSIX shell text, every argument single-quoted. The one renderer.</summary>
    /// <exception cref="ArgumentException">An argument contains a NUL character, which no shell can carry.</exception>
    public string Render()
    {
        var text = new StringBuilder();
        RenderTo(text);
        return text.ToString();
    }

    /// <inheritdoc cref="Render"/>
    public sealed override string ToString() => Render();

    private protected abstract void RenderTo(StringBuilder text);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*\\z")]
    private static partial Regex EnvironmentName();

    private sealed record Simple(IReadOnlyList<string> Arguments, IReadOnlyList<KeyValuePair<string, string>> Environment) : ShellCommand
    {
        private protected override void RenderTo(StringBuilder text)
        {
            foreach (var (name, value) in Environment)
            {
                text.Append(name).Append('=').Append(ShellQuote.Quote(value)).Append(' ');
            }

            text.AppendJoin(' ', Arguments.Select(ShellQuote.Quote));
        }
    }

    private sealed record Joined(ShellCommand Left, string Operator, ShellCommand Right) : ShellCommand
    {
        private protected override void RenderTo(StringBuilder text)
        {
            // sh reads a && b || c from the left, and | binds tighter than both: braces keep the tree's meaning
            // where the text alone would read otherwise.
            RenderOperand(text, Left, grouped: Operator == "|" && Left is Joined { Operator: not "|" });
            text.Append(' ').Append(Operator).Append(' ');
            RenderOperand(text, Right, grouped: Right is Joined);
        }

        private static void RenderOperand(StringBuilder text, ShellCommand operand, bool grouped)
        {
            if (grouped)
            {
                text.Append("{ ");
            }

            operand.RenderTo(text);
            if (grouped)
            {
                text.Append("; }");
            }
        }
    }

    private sealed record Redirected(ShellCommand Command, string Operator, string? Path) : ShellCommand
    {
        private protected override void RenderTo(StringBuilder text)
        {
            var grouped = Command is Joined;
            if (grouped)
            {
                text.Append("{ ");
            }

            Command.RenderTo(text);
            text.Append(grouped ? "; } " : " ").Append(Operator);
            if (Path is not null)
            {
                text.Append(ShellQuote.Quote(Path));
            }
        }
    }

    private sealed record Group(ShellCommand Command) : ShellCommand
    {
        private protected override void RenderTo(StringBuilder text)
        {
            text.Append("( ");
            Command.RenderTo(text);
            text.Append(" )");
        }
    }
}
