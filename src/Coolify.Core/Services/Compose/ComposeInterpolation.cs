using System.Text;

namespace Coolify.Core.Services.Compose;

/// <summary>
/// Compose's variable syntax, done here rather than by Compose on the server, so values (secrets included) never go
/// to an <c>.env</c> file and a missing required one is a message before anything starts: <c>$$</c>, <c>$NAME</c>,
/// <c>${NAME}</c>, <c>${NAME:-default}</c> / <c>${NAME-default}</c>, <c>${NAME:?error}</c> / <c>${NAME?error}</c>,
/// <c>${NAME:+other}</c> / <c>${NAME+other}</c>, defaults themselves holding variables.
/// </summary>
public static class ComposeInterpolation
{
    private const int MaxNesting = 8;

    /// <summary>
    /// The variables a text refers to, each with the text written after its operator (a default after <c>:-</c> or
    /// <c>-</c>, a message after <c>:?</c> or <c>?</c>, which makes it required), defaults' own variables included.
    /// </summary>
    public static List<ComposeReference> References(string text)
    {
        var found = new List<ComposeReference>();
        Expand(text, 0, name => null, found.Add);
        return found;
    }

    /// <summary>The text with every variable replaced from <paramref name="lookup"/> (null: unset).</summary>
    /// <exception cref="ComposeInterpolationException">A required variable is unset or empty, or the syntax is broken.</exception>
    public static string Apply(string text, Func<string, string?> lookup)
    {
        var result = Expand(text, 0, lookup, null);
        // Values that refer to each other many times over could grow without end; a compose value never needs this much.
        return result.Length <= MaxLength ? result : throw new ComposeInterpolationException($"A value grows beyond {MaxLength / 1024} KB once its variables are filled in.");
    }

    private const int MaxLength = 1024 * 1024;

    private static string Expand(string text, int depth, Func<string, string?> lookup, Action<ComposeReference>? seen)
    {
        if (!text.Contains('$'))
        {
            return text;
        }

        if (depth > MaxNesting)
        {
            throw new ComposeInterpolationException($"Variables nest deeper than {MaxNesting} levels in \"{text}\".");
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '$' || i + 1 == text.Length)
            {
                result.Append(text[i]);
                continue;
            }

            var next = text[i + 1];
            if (next == '$')
            {
                result.Append('$');
                i++;
            }
            else if (next == '{')
            {
                var end = ClosingBrace(text, i + 2) ?? throw new ComposeInterpolationException($"Unclosed ${{ in \"{text}\".");
                result.Append(Braced(text[(i + 2)..end], depth, lookup, seen));
                i = end;
            }
            else if (IsNameStart(next))
            {
                var end = i + 1;
                while (end < text.Length && IsNamePart(text[end]))
                {
                    end++;
                }

                var name = text[(i + 1)..end];
                seen?.Invoke(new(name, null, false));
                result.Append(lookup(name) ?? string.Empty);
                i = end - 1;
            }
            else
            {
                result.Append('$');
            }
        }

        return result.ToString();
    }

    private static string Braced(string inner, int depth, Func<string, string?> lookup, Action<ComposeReference>? seen)
    {
        var length = 0;
        while (length < inner.Length && IsNamePart(inner[length]))
        {
            length++;
        }

        var name = inner[..length];
        if (name.Length == 0 || !IsNameStart(name[0]))
        {
            throw new ComposeInterpolationException($"\"${{{inner}}}\" does not name a variable.");
        }

        var rest = inner[length..];
        var value = lookup(name);
        if (rest.Length == 0)
        {
            seen?.Invoke(new(name, null, false));
            return value ?? string.Empty;
        }

        var colon = rest[0] == ':';
        var op = colon ? (rest.Length > 1 ? rest[1] : '\0') : rest[0];
        var argument = rest[(colon ? 2 : 1)..];
        var unset = colon ? string.IsNullOrEmpty(value) : value is null;
        switch (op)
        {
            case '-':
                seen?.Invoke(new(name, argument, false));
                return unset ? Expand(argument, depth + 1, lookup, seen) : value!;
            case '?':
                seen?.Invoke(new(name, argument, true));
                if (seen is not null)
                {
                    Expand(argument, depth + 1, lookup, seen);
                }
                else if (unset)
                {
                    var message = Expand(argument, depth + 1, lookup, seen);
                    throw new ComposeInterpolationException(
                        message.Length > 0 ? $"{name}: {message}" : $"The variable {name} is required.", name);
                }

                return value ?? string.Empty;
            case '+':
                seen?.Invoke(new(name, null, false));
                return unset && seen is null ? string.Empty : Expand(argument, depth + 1, lookup, seen);
            default:
                throw new ComposeInterpolationException($"\"${{{inner}}}\" is not a variable form Compose knows.");
        }
    }

    private static int? ClosingBrace(string text, int from)
    {
        var open = 1;
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                open++;
                i++;
            }
            else if (text[i] == '}' && --open == 0)
            {
                return i;
            }
        }

        return null;
    }

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsNamePart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
