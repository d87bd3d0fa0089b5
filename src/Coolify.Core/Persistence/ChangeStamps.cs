using Coolify.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Coolify.Core.Persistence;

/// <summary>Maintains timestamps and concurrency stamps of tracked rows just before they are saved.</summary>
internal static class ChangeStamps
{
    public static void Apply(ChangeTracker tracker, DateTime utcNow)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Added)
            {
                if (entry.Entity is ITimestamped added)
                {
                    added.CreatedAt = added.CreatedAt == default ? utcNow : added.CreatedAt;
                    added.UpdatedAt = utcNow;
                }
            }
            else if (entry.State is EntityState.Modified)
            {
                if (entry.Entity is ITimestamped modified)
                {
                    modified.UpdatedAt = utcNow;
                }

                if (entry.Entity is IConcurrencyStamped stamped)
                {
                    stamped.ConcurrencyStamp = PublicId.New();
                }
            }
        }
    }
}
