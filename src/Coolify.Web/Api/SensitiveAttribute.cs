namespace Coolify.Web.Api;

/// <summary>
/// Marks a response property holding a secret (a password, a private key, an env value): the API leaves it out
/// unless the caller's token has <c>read:sensitive</c> (or <c>root</c>), as Coolify does. See <see cref="SensitiveFields"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute : Attribute;
