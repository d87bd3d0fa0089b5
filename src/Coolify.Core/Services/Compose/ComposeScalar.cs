namespace Coolify.Core.Services.Compose;

/// <summary>
/// A scalar as written: <see cref="Quoted"/> scalars are strings; plain ones are read by Compose as YAML reads them
/// (numbers, booleans, null), so they are written back plain and keep their meaning.
/// </summary>
public sealed class ComposeScalar(string value, bool quoted) : ComposeNode
{
    public string Value { get; } = value;

    public bool Quoted { get; } = quoted;

    /// <summary>YAML's null (an empty value, <c>~</c> or <c>null</c> written plain).</summary>
    public bool IsNull => !Quoted && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>A string we write (always quoted, so "true" or "8080" stays a string).</summary>
    public static ComposeScalar Text(string value) => new(value, quoted: true);

    /// <summary>A number or boolean we write.</summary>
    public static ComposeScalar Plain(string value) => new(value, quoted: false);

    public override ComposeNode Clone() => this;

    public override string ToString() => Value;
}
