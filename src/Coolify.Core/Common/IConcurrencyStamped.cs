namespace Coolify.Core.Common;

/// <summary>
/// Rows two writers can race on (e.g. two workers claiming one deployment). SQLite has no rowversion, so the
/// stamp is app-managed: the DbContext renews it on every update and EF checks the old value in the WHERE clause.
/// </summary>
public interface IConcurrencyStamped
{
    string ConcurrencyStamp { get; set; }
}
