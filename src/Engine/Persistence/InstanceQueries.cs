using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Engine.Runtime.Views;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>Read side of instances: lists, details, incidents.</summary>
public sealed class InstanceQueries(EngineDb engineDb)
{
    /// <summary>Largest page of a list.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Journal rows in a page unless the caller asks for fewer; also the page returned with an instance.</summary>
    public const int JournalPageSize = 100;

    /// <summary>Child workflows an instance view lists (the oldest; a loop that starts more is rare).</summary>
    public const int ChildrenShown = 200;

    /// <summary>Largest journal page.</summary>
    public const int MaxJournalPageSize = 500;

    /// <summary>Instances matching a filter, newest first.</summary>
    public async Task<Page<InstanceSummary>> ListAsync(InstanceFilter filter, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        var query = db.Instances.AsNoTracking();
        if (filter.OnlyIds is { } only)
        {
            query = query.Where(i => only.Contains(i.Id));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }

        if (!string.IsNullOrEmpty(filter.DefinitionId))
        {
            query = query.Where(i => i.DefinitionId == filter.DefinitionId);
        }

        if (!string.IsNullOrEmpty(filter.CorrelationId))
        {
            query = query.Where(i => i.CorrelationId == filter.CorrelationId);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id)
            .Skip((filter.Page - 1) * filter.PageSize)
            .Take(filter.PageSize)
            .Select(i => new InstanceSummary(i.Id, i.DefinitionId, i.Version, i.Status, i.CorrelationId, i.CreatedAt, i.UpdatedAt, i.FinishedAt))
            .ToListAsync(cancellationToken);
        return new Page<InstanceSummary>(items, filter.Page, filter.PageSize, total);
    }

    /// <summary>One instance with open bookmarks, incidents and optionally its journal; null when unknown.</summary>
    public async Task<InstanceView?> GetAsync(Guid id, bool includeJournal, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        var instance = await db.Instances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (instance is null)
        {
            return null;
        }

        var bookmarks = await db.Bookmarks.AsNoTracking()
            .Where(b => b.InstanceId == id && b.ConsumedAt == null)
            .OrderBy(b => b.CreatedAt)
            .ToListAsync(cancellationToken);
        var incidents = await db.Incidents.AsNoTracking()
            .Where(x => x.InstanceId == id)
            .OrderByDescending(x => x.CreatedAt)
            .Take(50)
            .ToListAsync(cancellationToken);
        var journal = includeJournal ? await JournalPageAsync(db, id, null, JournalPageSize, cancellationToken) : new JournalPage([], null);
        var state = JsonSerializer.Deserialize<InstanceState>(instance.StateJson, StateJson.Options) ?? new InstanceState();
        var children = await db.Instances.AsNoTracking()
            .Where(i => i.ParentInstanceId == id)
            .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .Take(ChildrenShown)
            .Select(i => new ChildInstanceView(i.Id, i.DefinitionId, i.Version, i.Status, i.ParentActivityId, i.CreatedAt, i.FinishedAt))
            .ToListAsync(cancellationToken);
        // None: left null, as in a request's own answer (which reads nothing back), so the two agree.
        return ViewOf(instance, state, bookmarks, incidents, journal) with { Children = children.Count > 0 ? children : null };
    }

    /// <summary>
    /// The view of an instance from its row, its state, its open bookmarks (oldest first), its latest incidents
    /// (newest first, at most 50) and a journal page: shared by <see cref="GetAsync"/> and the answer of a
    /// burst a request ran, which has all of these at hand after its commit.
    /// </summary>
    internal static InstanceView ViewOf(WorkflowInstanceRecord instance, InstanceState state, IEnumerable<BookmarkRecord> bookmarks, IEnumerable<IncidentRecord> incidents, JournalPage journal)
    {
        // A cancelled (or faulted) instance runs no scheduled retry, whatever its state still lists.
        var retries = state.Retries
            .Where(r => r.Value.NextAttemptAt is not null && instance.Status is WorkflowStatus.Running or WorkflowStatus.Suspended)
            .Select(r => new PendingRetryView(r.Key, r.Value.ExecutionNumber, r.Value.FailedAttempts, r.Value.NextAttemptAt!.Value))
            .OrderBy(r => r.NextAttemptAt);
        return new InstanceView(
            instance.Id,
            instance.DefinitionId,
            instance.Version,
            instance.Status,
            instance.CorrelationId,
            instance.CreatedAt,
            instance.UpdatedAt,
            instance.FinishedAt,
            instance.Error,
            state.Variables,
            state.Input,
            [.. bookmarks.Select(ToView)],
            [.. retries],
            [.. incidents.Select(ToView)],
            journal.Items,
            journal.Next is not null,
            Parent: instance.ParentInstanceId is { } parent ? new ParentLinkView(parent, instance.ParentActivityId) : null);
    }

    /// <summary>
    /// Journal rows after sequence <paramref name="after"/> (from the start when null), oldest first,
    /// at most <paramref name="limit"/>; null when the instance is unknown.
    /// </summary>
    public async Task<JournalPage?> JournalAsync(Guid id, long? after, int limit, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        if (!await db.Instances.AnyAsync(i => i.Id == id, cancellationToken))
        {
            return null;
        }

        return await JournalPageAsync(db, id, after, Math.Clamp(limit, 1, MaxJournalPageSize), cancellationToken);
    }

    /// <summary>Incidents, open ones only unless <paramref name="includeResolved"/>, newest first.</summary>
    public async Task<Page<IncidentView>> IncidentsAsync(bool includeResolved, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        var query = db.Incidents.AsNoTracking();
        if (!includeResolved)
        {
            query = query.Where(x => x.ResolvedAt == null);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(x => x.CreatedAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new Page<IncidentView>([.. items.Select(ToView)], page, pageSize, total);
    }

    /// <summary>The instance an incident belongs to, or null when the incident is unknown.</summary>
    public async Task<Guid?> IncidentInstanceAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        return await db.Incidents.Where(x => x.Id == incidentId).Select(x => (Guid?)x.InstanceId).SingleOrDefaultAsync(cancellationToken);
    }

    internal static BookmarkView ToView(BookmarkRecord b) =>
        new(b.Id, b.ActivityId, b.Name, b.CorrelationKey, b.Token, b.DueAt, JsonNode.Parse(b.DataJson) as JsonObject ?? [], b.CreatedAt);

    private static IncidentView ToView(IncidentRecord x) =>
        new(x.Id, x.InstanceId, x.ActivityId, x.ActivityType, x.Attempt, x.Error, x.CreatedAt, x.ResolvedAt, x.Resolution);

    private static async Task<JournalPage> JournalPageAsync(EngineDbContext db, Guid id, long? after, int limit, CancellationToken cancellationToken)
    {
        var query = db.Journal.AsNoTracking().Where(j => j.InstanceId == id);
        if (after is { } sequence)
        {
            query = query.Where(j => j.Id > sequence);
        }

        // One row more than asked says whether another page follows.
        var rows = await query.OrderBy(j => j.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var items = rows.Take(limit)
            .Select(j => new JournalView(j.Id, j.ActivityId, j.ActivityType, j.ExecutionNumber, j.Event, j.StartedAt, j.CompletedAt, Parse(j.InputsJson), Parse(j.OutputJson), j.Ports, j.Error))
            .ToList();
        return new JournalPage(items, rows.Count > limit ? items[^1].Sequence : null);
    }

    private static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);
}
