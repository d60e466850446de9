using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Activities.BuiltIn;
using Sleek.Workflows.Engine.Runtime.Views;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>Read side of human tasks: the open <see cref="HumanTask"/> waits, as task lists and single tasks.</summary>
public sealed class TaskQueries(EngineDb engineDb)
{
    /// <summary>Open tasks matching the filter, oldest first (the one waiting longest is on top).</summary>
    public async Task<Page<TaskView>> ListAsync(TaskFilter filter, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        var query = from b in db.Bookmarks.AsNoTracking()
                    join i in db.Instances.AsNoTracking() on b.InstanceId equals i.Id
                    where b.Name == HumanTask.BookmarkName && b.ConsumedAt == null
                    select new { Bookmark = b, i.DefinitionId, i.CorrelationId };
        if (filter.InstanceIds is { } ids)
        {
            query = query.Where(x => ids.Contains(x.Bookmark.InstanceId));
        }

        if (!string.IsNullOrEmpty(filter.CorrelationId))
        {
            query = query.Where(x => x.CorrelationId == filter.CorrelationId);
        }

        // Role and assignee live in the task's data (JSON, read the same way on both providers): narrowed in
        // memory after the indexed filters above.
        var rows = await query.OrderBy(x => x.Bookmark.CreatedAt).ThenBy(x => x.Bookmark.Id).ToListAsync(cancellationToken);
        var tasks = rows.Select(x => ToView(x.Bookmark, x.DefinitionId, x.CorrelationId))
            .Where(t => filter.Role is null || string.Equals(t.Role, filter.Role, StringComparison.OrdinalIgnoreCase))
            .Where(t => filter.Assignee is null || t.Assignee == filter.Assignee || (filter.IncludeUnassigned && t.Assignee is null))
            .ToList();
        var page = tasks.Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToList();
        return new Page<TaskView>(page, filter.Page, filter.PageSize, tasks.Count);
    }

    /// <summary>One open task and the token that completes it; null when there is no such open task.</summary>
    public async Task<(TaskView Task, string Token)?> FindOpenAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        var row = await (from b in db.Bookmarks.AsNoTracking()
                         join i in db.Instances.AsNoTracking() on b.InstanceId equals i.Id
                         where b.Id == id && b.Name == HumanTask.BookmarkName && b.ConsumedAt == null
                         select new { Bookmark = b, i.DefinitionId, i.CorrelationId })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : (ToView(row.Bookmark, row.DefinitionId, row.CorrelationId), row.Bookmark.Token);
    }

    /// <summary>Whether a task with this id ever existed (to tell "already completed" from "unknown").</summary>
    public async Task<bool> ExistsAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        return await db.Bookmarks.AnyAsync(b => b.Id == id && b.Name == HumanTask.BookmarkName, cancellationToken);
    }

    /// <summary>The task a HumanTask bookmark is, as the API shows it.</summary>
    internal static TaskView ToView(BookmarkRecord bookmark, string definitionId, string? correlationId)
    {
        var data = JsonNode.Parse(bookmark.DataJson) as JsonObject ?? [];
        return new TaskView(
            bookmark.Id,
            bookmark.InstanceId,
            definitionId,
            correlationId,
            bookmark.ActivityId,
            Text(data, "title") ?? bookmark.ActivityId,
            Text(data, "description"),
            Text(data, "role") ?? "",
            Text(data, "assignee"),
            data["form"] as JsonArray is { } form ? (JsonArray)form.DeepClone() : [],
            data["outcomes"] as JsonArray is { } outcomes ? (JsonArray)outcomes.DeepClone() : [],
            bookmark.CreatedAt);
    }

    private static string? Text(JsonObject data, string name) =>
        data[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
