using System.Text;
using System.Text.RegularExpressions;

namespace Coolify.Core.Backups;

/// <summary>
/// Reads an SQL dump the user uploaded before it is fed to the engine's client, and refuses what would run anything
/// but SQL in the database the user picked: client commands (psql's <c>\!</c>, <c>\o |…</c>, <c>\copy … program</c>,
/// <c>\connect</c>; mysql's <c>\!</c>, <c>system</c>, <c>source</c>, <c>use</c>) and PostgreSQL's
/// <c>COPY … PROGRAM</c>. It follows quotes, comments, dollar quoting and COPY data blocks, so data that merely
/// looks like a command passes. The restore itself runs inside the database's own container; this is the guard
/// in front of it, not the only wall.
/// </summary>
public sealed partial class DumpScanner(SqlDialect dialect)
{
    // What pg_dump itself writes (\restrict from 17.6, 16.10, ...) and MariaDB's "enable the sandbox" marker.
    private static readonly HashSet<string> AllowedPsql = new(StringComparer.Ordinal) { "restrict", "unrestrict" };
    private static readonly HashSet<string> AllowedMysql = new(StringComparer.Ordinal) { "-" };
    private static readonly HashSet<string> MysqlLineCommands = new(StringComparer.OrdinalIgnoreCase) { "system", "source", "tee", "pager", "connect", "use", "edit", "nopager", "notee" };
    private const int StatementCap = 64 * 1024;

    // Client-only encodings in which a multibyte character's second byte can be a backslash or a quote.
    private static readonly HashSet<string> UnsafeEncodings = new(StringComparer.OrdinalIgnoreCase) { "SJIS", "SHIFT_JIS", "BIG5", "GBK", "UHC", "GB18030", "JOHAB", "WIN932", "WIN936", "WIN949", "WIN950" };

    // The quoted texts of the statement being read (a few, short ones: settings' names and values).
    private readonly List<string> _statementQuoted = [];

    private readonly StringBuilder _statement = new();
    private readonly StringBuilder _quoted = new();
    private int _line = 1;
    private bool _copyData;
    private bool _statementHasText;
    private bool _escapesEverywhere = dialect == SqlDialect.Mysql;

    /// <summary>The first thing refused in <paramref name="reader"/>'s text ("line 12: ..."), or null when it is plain SQL.</summary>
    public static async Task<string?> ScanAsync(TextReader reader, SqlDialect dialect, CancellationToken cancellationToken)
    {
        var scanner = new DumpScanner(dialect);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (scanner.Line(line) is { } refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    private enum State { Normal, Single, Double, Backtick, Dollar, BlockComment }

    private State _state = State.Normal;
    private bool _escapes;
    private string _dollarTag = string.Empty;
    private int _depth;
    private string _delimiter = ";";

    /// <summary>Takes one line (without its end); returns why it is refused, if it is.</summary>
    public string? Line(string text)
    {
        try
        {
            if (_copyData)
            {
                _copyData = text != "\\.";
                return null;
            }

            if (dialect == SqlDialect.Mysql && _state == State.Normal && !_statementHasText && MysqlLineCommand(text) is { } command)
            {
                return Refuse($"the mysql client command \"{command}\" (it would run something other than SQL or switch databases)");
            }

            return Characters(text);
        }
        finally
        {
            _line++;
        }
    }

    private string? Characters(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            switch (_state)
            {
                case State.Single or State.Double or State.Backtick:
                    var quote = _state switch { State.Single => '\'', State.Double => '"', _ => '`' };
                    if (c == '\\' && (_escapes || (_escapesEverywhere && (_state == State.Single || (dialect == SqlDialect.Mysql && _state == State.Double)))))
                    {
                        i++;
                    }
                    else if (c == quote && next == quote)
                    {
                        i++;
                    }
                    else if (c == quote && QuotedEnds() is { } refusal)
                    {
                        return refusal;
                    }
                    else if (c != quote)
                    {
                        Keep(_quoted, c);
                    }

                    continue;
                case State.Dollar:
                    if (c == '$' && string.CompareOrdinal(text, i, _dollarTag, 0, _dollarTag.Length) == 0)
                    {
                        i += _dollarTag.Length - 1;
                        if (QuotedEnds() is { } refusal)
                        {
                            return refusal;
                        }
                    }
                    else
                    {
                        Keep(_quoted, c);
                    }

                    continue;
                case State.BlockComment:
                    if (c == '*' && next == '/')
                    {
                        (_depth, i) = (_depth - 1, i + 1);
                        _state = _depth == 0 ? State.Normal : State.BlockComment;
                    }
                    else if (dialect == SqlDialect.Postgres && c == '/' && next == '*')
                    {
                        (_depth, i) = (_depth + 1, i + 1);
                    }

                    continue;
            }

            if ((c == '-' && next == '-' && (dialect == SqlDialect.Postgres || i + 2 >= text.Length || text[i + 2] is ' ' or '\t' or '\r' or '\n' or '\f' or '\v'))
                || (c == '#' && dialect == SqlDialect.Mysql))
            {
                break; // a comment to the end of the line
            }

            if (c == '/' && next == '*' && !(dialect == SqlDialect.Mysql && i + 2 < text.Length && text[i + 2] is '!' or 'M'))
            {
                (_state, _depth, i) = (State.BlockComment, 1, i + 1);
                continue;
            }

            if (c == '\\')
            {
                var name = ClientCommand(text, i + 1);
                if (!(dialect == SqlDialect.Postgres ? AllowedPsql : AllowedMysql).Contains(name))
                {
                    return Refuse($"the {(dialect == SqlDialect.Postgres ? "psql" : "mysql")} client command \\{name} (only SQL is restored)");
                }

                if (dialect == SqlDialect.Postgres)
                {
                    // pg_dump's own \restrict KEY stands alone on its line; psql would end its arguments at a next
                    // backslash and run that command too, so nothing else may follow it.
                    if (!RestrictLine().IsMatch(text))
                    {
                        return Refuse($"the psql client command \\{name} with more on its line");
                    }

                    break;
                }

                i += name.Length;
                continue;
            }

            if (c is '\'' or '"' || (c == '`' && dialect == SqlDialect.Mysql))
            {
                _state = c switch { '\'' => State.Single, '"' => State.Double, _ => State.Backtick };
                _escapes = c == '\'' && i > 0 && text[i - 1] is 'E' or 'e' && (i < 2 || !IsWordCharacter(text[i - 2]));
                _quoted.Clear();
                Keep(_statement, ' ');
                _statementHasText = true;
                continue;
            }

            if (c == '$' && dialect == SqlDialect.Postgres && (i == 0 || !IsWordCharacter(text[i - 1])) && DollarTag().Match(text, i) is { Success: true } tag && tag.Index == i)
            {
                (_state, _dollarTag, i) = (State.Dollar, tag.Value, i + tag.Length - 1);
                _quoted.Clear();
                continue;
            }

            if (string.CompareOrdinal(text, i, _delimiter, 0, _delimiter.Length) == 0)
            {
                if (StatementEnds() is { } refusal)
                {
                    return refusal;
                }

                i += _delimiter.Length - 1;
                continue;
            }

            Keep(_statement, c);
            _statementHasText |= !char.IsWhiteSpace(c);
        }

        Keep(_statement, '\n');
        return null;
    }

    // A whole statement outside quotes: COPY ... PROGRAM is refused; COPY ... FROM stdin starts its data on the next line.
    private string? StatementEnds()
    {
        var statement = _statement.ToString();
        var quoted = _statementQuoted.ToList();
        _statement.Clear();
        _statementQuoted.Clear();
        _statementHasText = false;
        if (dialect != SqlDialect.Postgres)
        {
            return null;
        }

        var words = Words().Matches(statement).Select(m => m.Value.ToUpperInvariant()).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        if (words[0] == "COPY" && (words.Contains("PROGRAM") || statement.Length >= StatementCap))
        {
            return Refuse("COPY … PROGRAM (it runs a program on the database's server)");
        }

        // Data follows only a COPY of a table from stdin (not "COPY (SELECT ... FROM stdin) TO ...").
        _copyData = CopyFromStdin().IsMatch(statement);

        // How psql splits the text depends on these two settings: only their plain forms are followed.
        if (Mentions(words, quoted, "STANDARD_CONFORMING_STRINGS"))
        {
            if (words is not ["SET", "STANDARD_CONFORMING_STRINGS", "ON" or "OFF"] and not ["SET", "STANDARD_CONFORMING_STRINGS", "TO", "ON" or "OFF"])
            {
                return Refuse("standard_conforming_strings set other than by SET ... = on|off");
            }

            _escapesEverywhere = words[^1] == "OFF";
        }

        if (Mentions(words, quoted, "CLIENT_ENCODING") && words.Concat(quoted).Any(w => UnsafeEncodings.Contains(w.Trim())))
        {
            return Refuse("a client encoding whose characters can hide a backslash or a quote (SJIS, BIG5, GBK, UHC, GB18030, JOHAB)");
        }

        return null;
    }

    // Quoted text is data, but a function body or a dynamic statement in it could still reach COPY ... PROGRAM.
    private string? QuotedEnds()
    {
        _state = State.Normal;
        if (_statementQuoted.Count < 16 && _quoted.Length <= 256)
        {
            _statementQuoted.Add(_quoted.ToString().ToUpperInvariant());
        }

        return dialect == SqlDialect.Postgres && CopyProgram().IsMatch(_quoted.ToString())
            ? Refuse("COPY … PROGRAM inside quoted text (it runs a program on the database's server)") : null;
    }

    private string? MysqlLineCommand(string text)
    {
        var trimmed = text.TrimStart();
        var word = new string(trimmed.TakeWhile(char.IsLetter).ToArray());
        if (word.Equals("delimiter", StringComparison.OrdinalIgnoreCase))
        {
            _delimiter = trimmed[word.Length..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? ";";
            return null;
        }

        return MysqlLineCommands.Contains(word) && (trimmed.Length == word.Length || !IsWordCharacter(trimmed[word.Length])) ? word.ToLowerInvariant() : null;
    }

    private static string ClientCommand(string text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return end > start ? text[start..end] : start < text.Length ? text[start].ToString() : string.Empty;
    }

    private static void Keep(StringBuilder text, char c)
    {
        if (text.Length < StatementCap)
        {
            text.Append(c);
        }
    }

    // As psql's lexer: ASCII letters, digits, _ and $, and every non-ASCII character.
    private static bool IsWordCharacter(char c) => c >= 0x80 || char.IsAsciiLetterOrDigit(c) || c is '_' or '$';

    private static bool Mentions(List<string> words, List<string> quoted, string name) =>
        words.Contains(name) || quoted.Any(q => q.Contains(name, StringComparison.Ordinal));

    private string Refuse(string what) => $"line {_line}: {what}";

    [GeneratedRegex(@"^\s*\\(un)?restrict\s+[A-Za-z0-9]+\s*$")]
    private static partial Regex RestrictLine();

    [GeneratedRegex(@"^\s*COPY\s+[^()]*?(\([^()]*\))?\s*FROM\s+STDIN\s*(\bWITH\b|\(|$)", RegexOptions.IgnoreCase)]
    private static partial Regex CopyFromStdin();

    [GeneratedRegex(@"\G\$([A-Za-z_][A-Za-z0-9_]*)?\$")]
    private static partial Regex DollarTag();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Words();

    [GeneratedRegex(@"\bcopy\b[\s\S]*\bprogram\b", RegexOptions.IgnoreCase)]
    private static partial Regex CopyProgram();
}

/// <summary>Which client reads the dump: quoting and client commands differ.</summary>
public enum SqlDialect
{
    Postgres,
    Mysql,
}
