namespace Coolify.Core.Common;

/// <summary>
/// Marks a string property whose value is a secret: the DbContext stores it encrypted through Data Protection.
/// An attribute rather than a model annotation so the marker never leaks into migration snapshots.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EncryptedAttribute : Attribute;
