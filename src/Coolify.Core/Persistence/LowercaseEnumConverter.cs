using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Coolify.Core.Persistence;

/// <summary>Stores an enum as its lowercase name (<c>owner</c>, <c>admin</c>...), the values Coolify's API uses.</summary>
internal sealed class LowercaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    v => v.ToString().ToLowerInvariant(),
    v => Enum.Parse<TEnum>(v, true))
    where TEnum : struct, Enum;
