using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Coolify.Core.Persistence;

/// <summary>Times are UTC everywhere: written as UTC, read back with <see cref="DateTimeKind.Utc"/>.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
