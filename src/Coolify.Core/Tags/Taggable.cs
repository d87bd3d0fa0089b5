namespace Coolify.Core.Tags;

/// <summary>A tag attached to a resource of any kind (Coolify's polymorphic <c>taggables</c> pivot).</summary>
public class Taggable
{
    public int TagId { get; set; }

    public Tag? Tag { get; set; }

    public required string TaggableType { get; set; }

    public int TaggableId { get; set; }
}
