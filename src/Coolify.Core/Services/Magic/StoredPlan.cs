using Coolify.Core.Applications;
using Coolify.Core.Persistence;

namespace Coolify.Core.Services.Magic;

/// <summary>A plan's variables into a resource's stored ones: new ones added (runtime only), refreshed domain values changed in place.</summary>
public static class StoredPlan
{
    public static void Apply(CoolifyDbContext db, ServiceVariablePlan plan, string kind, int resourceId, IEnumerable<EnvironmentVariable> stored)
    {
        foreach (var (key, value) in plan.Created)
        {
            db.EnvironmentVariables.Add(new EnvironmentVariable { ResourceableType = kind, ResourceableId = resourceId, Key = key, Value = value, IsBuildtime = false });
        }

        foreach (var variable in stored.Where(v => plan.Refreshed.ContainsKey(v.Key)))
        {
            variable.Value = plan.Refreshed[variable.Key];
        }
    }
}
