namespace Coolify.Core.Services.Compose;

/// <summary>
/// An option that reaches beyond the resource's own containers (the host's network, devices or files, another
/// container's namespaces): refused unless a team admin allows such options for that resource.
/// </summary>
public sealed record ComposeRisk(string Service, string Option, string Detail)
{
    public override string ToString() => $"services.{Service}.{Option}: {Detail}";
}
