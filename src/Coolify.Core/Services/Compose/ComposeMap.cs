namespace Coolify.Core.Services.Compose;

/// <summary>A YAML mapping with string keys, in the order written (unknown keys are kept and written back).</summary>
public sealed class ComposeMap : ComposeNode
{
    private readonly List<KeyValuePair<string, ComposeNode>> _entries = [];

    public IReadOnlyList<KeyValuePair<string, ComposeNode>> Entries => _entries;

    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    public int Count => _entries.Count;

    public ComposeNode? this[string key]
    {
        get => _entries.FindIndex(e => e.Key == key) is var i and >= 0 ? _entries[i].Value : null;
        set
        {
            var index = _entries.FindIndex(e => e.Key == key);
            if (value is null)
            {
                if (index >= 0)
                {
                    _entries.RemoveAt(index);
                }
            }
            else if (index >= 0)
            {
                _entries[index] = new(key, value);
            }
            else
            {
                _entries.Add(new(key, value));
            }
        }
    }

    public bool ContainsKey(string key) => _entries.Exists(e => e.Key == key);

    /// <summary>The value at <paramref name="key"/> when it is a <typeparamref name="T"/>.</summary>
    public T? Get<T>(string key) where T : ComposeNode => this[key] as T;

    /// <summary>The string value of a scalar at <paramref name="key"/>, null when absent, null or not a scalar.</summary>
    public string? Text(string key) => this[key] is ComposeScalar { IsNull: false } scalar ? scalar.Value : null;

    public override ComposeNode Clone()
    {
        var copy = new ComposeMap();
        foreach (var (key, value) in _entries)
        {
            copy._entries.Add(new(key, value.Clone()));
        }

        return copy;
    }
}
