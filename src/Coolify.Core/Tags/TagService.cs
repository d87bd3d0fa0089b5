using Coolify.Core.Common;
using Coolify.Core.Persistence;
using Coolify.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Coolify.Core.Tags;

/// <summary>
/// A team's tags and what carries them. Tags group resources for <c>/deploy?tag=</c> and the lists' <c>tag</c>
/// filter; attaching a tag by name creates it when the team has none of that name.
/// </summary>
public sealed class TagService(CoolifyDbContext db, Audit.AuditLog audit)
{
    public Task<List<Tag>> ListAsync(TeamScope scope, CancellationToken cancellationToken) =>
        scope.Tags.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);

    /// <exception cref="ConflictException">The team has a tag of that name.</exception>
    public async Task<Tag> CreateAsync(TeamScope scope, string? name, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var rules = new InputRules();
        var clean = TagName(rules, "name", name);
        rules.ThrowIfInvalid();
        if (await scope.Tags.AnyAsync(t => t.Name == clean, cancellationToken))
        {
            throw new ConflictException("Tag with this name already exists.");
        }

        var tag = new Tag { TeamId = scope.Access.TeamId, Name = clean };
        db.Tags.Add(tag);
        audit.Add("tag.created", scope.Access.UserId, scope.Access.TeamId, clean);
        await db.SaveChangesAsync(cancellationToken);
        return tag;
    }

    public async Task<Tag> RenameAsync(TeamScope scope, string? uuid, string? name, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var tag = await scope.Tags.SingleOrDefaultAsync(t => t.Uuid == uuid, cancellationToken) ?? throw new NotFoundException("Tag not found.");
        var rules = new InputRules();
        var clean = TagName(rules, "name", name);
        rules.ThrowIfInvalid();
        if (await scope.Tags.AnyAsync(t => t.Name == clean && t.Id != tag.Id, cancellationToken))
        {
            throw new ConflictException("Tag with this name already exists.");
        }

        tag.Name = clean;
        audit.Add("tag.updated", scope.Access.UserId, scope.Access.TeamId, clean);
        await db.SaveChangesAsync(cancellationToken);
        return tag;
    }

    /// <summary>Deletes the tag; it comes off every resource (the links cascade).</summary>
    public async Task DeleteAsync(TeamScope scope, string? uuid, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var tag = await scope.Tags.SingleOrDefaultAsync(t => t.Uuid == uuid, cancellationToken) ?? throw new NotFoundException("Tag not found.");
        db.Taggables.RemoveRange(await db.Taggables.Where(t => t.TagId == tag.Id).ToListAsync(cancellationToken));
        db.Tags.Remove(tag);
        audit.Add("tag.deleted", scope.Access.UserId, scope.Access.TeamId, tag.Name);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The tags of an application or a database of the team.</summary>
    public async Task<List<Tag>> OfAsync(TeamScope scope, ResourceRef resource, CancellationToken cancellationToken)
    {
        var owner = await OwnedResource.FindAsync(scope, resource, cancellationToken);
        return await TagsOf(owner).OrderBy(t => t.Name).ToListAsync(cancellationToken);
    }

    /// <summary>Attaches tags by name, creating the team's missing ones; already attached ones stay once.</summary>
    /// <returns>The resource's tags afterwards.</returns>
    public async Task<List<Tag>> AttachAsync(TeamScope scope, ResourceRef resource, IReadOnlyList<string?> names, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var owner = await OwnedResource.FindAsync(scope, resource, cancellationToken);
        var rules = new InputRules();
        if (names.Count == 0)
        {
            rules.Add("tag_name", "The tag name field is required when tag names is not present.");
        }

        var clean = names.Select(n => TagName(rules, "tag_names", n)).Distinct(StringComparer.Ordinal).ToList();
        rules.ThrowIfInvalid();
        var existing = await scope.Tags.Where(t => clean.Contains(t.Name)).ToListAsync(cancellationToken);
        var created = clean.Except(existing.Select(t => t.Name), StringComparer.Ordinal).Select(n => new Tag { TeamId = scope.Access.TeamId, Name = n }).ToList();
        db.Tags.AddRange(created);
        await db.SaveChangesAsync(cancellationToken);
        var attached = await db.Taggables.Where(t => t.TaggableType == owner.Kind && t.TaggableId == owner.Id).Select(t => t.TagId).ToListAsync(cancellationToken);
        foreach (var tag in existing.Concat(created).Where(t => !attached.Contains(t.Id)))
        {
            db.Taggables.Add(new Taggable { TagId = tag.Id, TaggableType = owner.Kind, TaggableId = owner.Id });
        }

        audit.Add("tag.attached", scope.Access.UserId, scope.Access.TeamId, string.Join(',', clean));
        await db.SaveChangesAsync(cancellationToken);
        return await TagsOf(owner).OrderBy(t => t.Name).ToListAsync(cancellationToken);
    }

    public async Task DetachAsync(TeamScope scope, ResourceRef resource, string? tagUuid, CancellationToken cancellationToken)
    {
        scope.EnsureCanWrite();
        var owner = await OwnedResource.FindAsync(scope, resource, cancellationToken);
        var link = await db.Taggables.SingleOrDefaultAsync(
            t => t.TaggableType == owner.Kind && t.TaggableId == owner.Id && scope.Tags.Any(g => g.Id == t.TagId && g.Uuid == tagUuid), cancellationToken)
            ?? throw new NotFoundException("Tag not found.");
        db.Taggables.Remove(link);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The uuids of the team's applications carrying any of the tags (by name).</summary>
    public Task<List<string>> ApplicationsTaggedAsync(TeamScope scope, IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        scope.Applications.Where(a => db.Taggables.Any(t => t.TaggableType == ResourceKind.Application && t.TaggableId == a.Id
                && scope.Tags.Any(g => g.Id == t.TagId && names.Contains(g.Name))))
            .OrderBy(a => a.Name).Select(a => a.Uuid).ToListAsync(cancellationToken);

    private IQueryable<Tag> TagsOf(OwnedResource owner) =>
        db.Tags.AsNoTracking().Where(g => db.Taggables.Any(t => t.TagId == g.Id && t.TaggableType == owner.Kind && t.TaggableId == owner.Id));

    // Commas separate tags in /deploy?tag=a,b, so a name has none.
    private static string TagName(InputRules rules, string field, string? name)
    {
        var clean = rules.Name(field, name, min: 2);
        if (clean.Contains(','))
        {
            rules.Add(field, "A tag name cannot contain ','.");
        }

        return clean;
    }
}
