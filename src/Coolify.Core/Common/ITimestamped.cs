namespace Coolify.Core.Common;

/// <summary>Rows whose <c>created_at</c>/<c>updated_at</c> the DbContext maintains (UTC).</summary>
public interface ITimestamped
{
    DateTime CreatedAt { get; set; }

    DateTime UpdatedAt { get; set; }
}
