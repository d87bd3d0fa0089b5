namespace Coolify.Core.Services.Magic;

/// <summary>
/// What a compose file asks of a service's variables: the values once the plan is applied, the variables to add (never
/// overwriting a stored one, so generated passwords stay), the domain variables refreshed from the services' domains,
/// the required ones, and the domains given to compose services that had none.
/// </summary>
public sealed class ServiceVariablePlan
{
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Created { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Refreshed { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Required { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Domains { get; } = new(StringComparer.Ordinal);

    public void Create(string key, string value)
    {
        if (!Values.ContainsKey(key))
        {
            Values[key] = value;
            Created[key] = value;
        }
    }

    public void Refresh(string key, string value)
    {
        if (!Values.TryGetValue(key, out var old) || Created.ContainsKey(key))
        {
            Values[key] = value;
            Created[key] = value;
        }
        else if (old != value)
        {
            Values[key] = value;
            Refreshed[key] = value;
        }
    }
}
