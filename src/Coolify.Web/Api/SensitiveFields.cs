using System.Security.Claims;
using System.Text.Json.Serialization.Metadata;
using Coolify.Core.Teams;

namespace Coolify.Web.Api;

/// <summary>
/// The one place secret fields leave API responses: a serializer rule that skips every <see cref="SensitiveAttribute"/>
/// property unless the current caller may read secrets. Endpoints cannot forget it; they only mark fields.
/// </summary>
public static class SensitiveFields
{
    public static bool CanRead(ClaimsPrincipal? caller) =>
        caller?.FindFirst(CoolifyClaims.Abilities)?.Value is { } abilities && Abilities.Allows(Abilities.Parse(abilities), Abilities.ReadSensitive);

    /// <param name="canRead">Asked at serialization time, per response.</param>
    public static Action<JsonTypeInfo> Modifier(Func<bool> canRead) => typeInfo =>
    {
        foreach (var property in typeInfo.Properties)
        {
            if (property.AttributeProvider?.IsDefined(typeof(SensitiveAttribute), inherit: true) == true)
            {
                var inner = property.ShouldSerialize;
                property.ShouldSerialize = (owner, value) => canRead() && (inner?.Invoke(owner, value) ?? true);
            }
        }
    };

    public static IServiceCollection AddSensitiveFieldFilter(this IServiceCollection services)
    {
        services.AddOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>().Configure<IHttpContextAccessor>((o, accessor) =>
            o.SerializerOptions.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { Modifier(() => CanRead(accessor.HttpContext?.User)) } });
        return services;
    }
}
