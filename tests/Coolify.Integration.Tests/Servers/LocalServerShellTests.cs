using Coolify.Core.Commands;
using Coolify.Infrastructure.Servers;

namespace Coolify.Integration.Tests.Servers;

/// <summary>The host itself as a server: commands as local processes.</summary>
public sealed class LocalServerShellTests : ServerShellContract
{
    protected override IServerShell Shell { get; } = new LocalServerShell();
}
