namespace Coolify.Core.Common;

/// <summary>
/// Base of every table: an integer key for joins and a public <see cref="Uuid"/> for URLs and the API.
/// Timestamps are UTC and maintained by the DbContext on save.
/// </summary>
public abstract class Entity : ITimestamped
{
    public int Id { get; set; }

    public string Uuid { get; set; } = PublicId.New();

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
