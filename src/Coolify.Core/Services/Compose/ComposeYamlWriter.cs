using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Coolify.Core.Services.Compose;

/// <summary>
/// Writes <see cref="ComposeNode"/>s back as YAML: plain scalars plain (their meaning unchanged), strings quoted
/// (multi-line ones as literal blocks), no anchors — what Compose receives is exactly what was checked.
/// </summary>
public static class ComposeYamlWriter
{
    public static string Write(ComposeMap document)
    {
        using var text = new StringWriter();
        var emitter = new Emitter(text, new EmitterSettings(2, int.MaxValue, false, 1024, false, false));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Emit(emitter, document);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Emit(IEmitter emitter, ComposeNode node)
    {
        switch (node)
        {
            case ComposeMap map:
                emitter.Emit(new MappingStart());
                foreach (var (key, value) in map.Entries)
                {
                    emitter.Emit(new Scalar(null, null, key, KeyStyle(key), true, true));
                    Emit(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case ComposeList list:
                emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Block));
                list.Items.ForEach(item => Emit(emitter, item));
                emitter.Emit(new SequenceEnd());
                break;
            case ComposeScalar { IsNull: true }:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
                break;
            case ComposeScalar scalar:
                emitter.Emit(new Scalar(null, null, scalar.Value, Style(scalar), !scalar.Quoted, scalar.Quoted));
                break;
        }
    }

    private static ScalarStyle Style(ComposeScalar scalar) =>
        !scalar.Quoted ? ScalarStyle.Plain
        : scalar.Value.Contains('\n') && !scalar.Value.Any(c => char.IsControl(c) && c is not ('\n' or '\t')) && !scalar.Value.EndsWith(' ') ? ScalarStyle.Literal
        : ScalarStyle.DoubleQuoted;

    // Keys are strings to Compose; a key that would read as something else is quoted.
    private static ScalarStyle KeyStyle(string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.') && !char.IsAsciiDigit(key[0])
            && key.ToLowerInvariant() is not ("true" or "false" or "null" or "yes" or "no" or "on" or "off" or "y" or "n")
            ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted;
}
