namespace Coolify.Core.Audit;

/// <summary>The address of the client the current unit of work serves, when the host knows it.</summary>
public interface IClientAddress
{
    string? Current { get; }
}
