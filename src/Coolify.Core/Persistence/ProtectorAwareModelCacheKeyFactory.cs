using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Coolify.Core.Persistence;

/// <summary>
/// EF caches the built model per context type, and the model holds the secret converters. Keying the cache on
/// the protector too keeps two hosts in one process (tests) from decrypting with each other's keys.
/// </summary>
internal sealed class ProtectorAwareModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is CoolifyDbContext coolify
            ? (context.GetType(), coolify.SecretProtector, designTime)
            : (object)(context.GetType(), designTime);
}
