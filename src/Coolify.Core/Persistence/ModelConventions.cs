using System.Linq.Expressions;
using System.Reflection;
using Coolify.Core.Common;
using Coolify.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Coolify.Core.Persistence;

/// <summary>
/// Rules every table follows, applied once after the per-entity configurations: snake_case columns (Coolify's
/// field names), a unique public uuid, encrypted secret columns, soft-delete filters, concurrency stamps.
/// </summary>
internal static class ModelConventions
{
    private static readonly MethodInfo SoftDeleteFilterMethod =
        typeof(ModelConventions).GetMethod(nameof(SoftDeleteFilter), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static void Apply(ModelBuilder builder, ISecretProtector protector)
    {
        var secretConverter = new SecretConverter(protector);

        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            foreach (var property in entityType.GetProperties())
            {
                if (property.GetColumnName() == property.Name)
                {
                    property.SetColumnName(SnakeCase.From(property.Name));
                }

                if (IsSecret(entityType, property))
                {
                    property.SetValueConverter(secretConverter);
                }
            }

            if (entityType.IsOwned())
            {
                continue;
            }

            var clrType = entityType.ClrType;
            var entity = builder.Entity(clrType);

            if (typeof(Entity).IsAssignableFrom(clrType) || entityType.FindProperty(nameof(Entity.Uuid)) is not null)
            {
                entity.HasIndex(nameof(Entity.Uuid)).IsUnique();
                entity.Property(nameof(Entity.Uuid)).HasMaxLength(PublicId.Length).IsRequired();
            }

            if (typeof(ISoftDeletable).IsAssignableFrom(clrType))
            {
                entity.HasQueryFilter((LambdaExpression)SoftDeleteFilterMethod.MakeGenericMethod(clrType).Invoke(null, null)!);
            }

            if (typeof(IConcurrencyStamped).IsAssignableFrom(clrType))
            {
                entity.Property(nameof(IConcurrencyStamped.ConcurrencyStamp)).IsConcurrencyToken().HasMaxLength(PublicId.Length);
            }
        }
    }

    // Identity's user tokens hold authenticator keys and recovery codes; Identity's type cannot carry our attribute.
    private static bool IsSecret(IMutableEntityType entityType, IMutableProperty property) =>
        property.PropertyInfo?.GetCustomAttribute<EncryptedAttribute>() is not null
        || (entityType.ClrType == typeof(IdentityUserToken<int>) && property.Name == nameof(IdentityUserToken<int>.Value));

    private static Expression<Func<TEntity, bool>> SoftDeleteFilter<TEntity>()
        where TEntity : ISoftDeletable => e => e.DeletedAt == null;
}
