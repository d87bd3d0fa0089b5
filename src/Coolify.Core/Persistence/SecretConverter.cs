using Coolify.Core.Security;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Coolify.Core.Persistence;

/// <summary>Stores an <see cref="Common.EncryptedAttribute"/> column through an <see cref="ISecretProtector"/>.</summary>
internal sealed class SecretConverter(ISecretProtector protector)
    : ValueConverter<string, string>(v => protector.Protect(v), v => protector.Unprotect(v));
