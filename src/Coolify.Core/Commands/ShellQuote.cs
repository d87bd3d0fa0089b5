namespace Coolify.Core.Commands;

/// <summary>The one quoting function: POSIX single quotes, in which nothing but <c>'</c> itself is special.</summary>
public static class ShellQuote
{
    /// <exception cref="ArgumentException"><paramref name="value"/> contains NUL, which cannot pass through a shell.</exception>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("A command argument cannot contain a NUL character.", nameof(value));
        }

        // 'it'\''s': close the quote, an escaped quote, reopen.
        return "'" + value.Replace("'", @"'\''", StringComparison.Ordinal) + "'";
    }
}
