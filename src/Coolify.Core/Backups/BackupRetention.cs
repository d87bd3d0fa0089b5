namespace Coolify.Core.Backups;

/// <summary>
/// Which successful backups a retention policy lets go, as Coolify decides it (for local files and S3 apart): beyond
/// the newest <c>amount</c>; older than the newest one minus <c>days</c>; and, walking from the second newest, everything
/// older than the backup at which the running total passes <c>maxGigabytes</c>. Zero turns a rule off.
/// </summary>
public static class BackupRetention
{
    public sealed record Kept(int Id, DateTime CreatedAt, long Size);

    public static IReadOnlySet<int> ToDelete(IEnumerable<Kept> backups, int amount, int days, decimal maxGigabytes)
    {
        var newestFirst = backups.OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id).ToList();
        var doomed = new HashSet<int>();
        if (newestFirst.Count == 0)
        {
            return doomed;
        }

        if (amount > 0)
        {
            doomed.UnionWith(newestFirst.Skip(amount).Select(b => b.Id));
        }

        if (days > 0)
        {
            var limit = newestFirst[0].CreatedAt.AddDays(-days);
            doomed.UnionWith(newestFirst.Where(b => b.CreatedAt < limit).Select(b => b.Id));
        }

        if (maxGigabytes > 0)
        {
            var limit = maxGigabytes * 1024 * 1024 * 1024;
            decimal total = 0;
            foreach (var (backup, index) in newestFirst.Select((b, i) => (b, i)).Skip(1))
            {
                total += backup.Size;
                if (total > limit)
                {
                    // The one that crossed the limit stays; everything older goes.
                    doomed.UnionWith(newestFirst.Skip(index + 1).Select(b => b.Id));
                    break;
                }
            }
        }

        return doomed;
    }
}
