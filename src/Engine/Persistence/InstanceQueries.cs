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

    /// <summary>Journal rows returned with an instance.</summary>
    public const int MaxJournalRows = 1000;

    /// <summary>Instances matching a filter, newest first.</summary>
    public async Task<Page<InstanceSummary>> ListAsync(InstanceFilter filter, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        var query = db.Instances.AsNoTracking();
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
        var journal = includeJournal
            ? await db.Journal.AsNoTracking().Where(j => j.InstanceId == id).OrderBy(j => j.Id).Take(MaxJournalRows).ToListAsync(cancellationToken)
            : [];
        var state = JsonSerializer.Deserialize<InstanceState>(instance.StateJson, StateJson.Options) ?? new InstanceState();
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
            [.. incidents.Select(ToView)],
            [.. journal.Select(j => new JournalView(j.Id, j.ActivityId, j.ActivityType, j.ExecutionNumber, j.Event, j.StartedAt, j.CompletedAt, Parse(j.InputsJson), Parse(j.OutputJson), j.Ports, j.Error))]);
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

    private static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);
}
