namespace Coolify.Core.Common;

/// <summary>Rows that are hidden rather than deleted (Coolify soft-deletes applications and servers).</summary>
public interface ISoftDeletable
{
    DateTime? DeletedAt { get; set; }
}
