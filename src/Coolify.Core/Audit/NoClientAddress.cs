namespace Coolify.Core.Audit;

/// <summary>For hosts without requests (admin command, workers): events carry no address.</summary>
public sealed class NoClientAddress : IClientAddress
{
    public string? Current => null;
}
