using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// The writes of one burst, shared by the workers' bursts (<see cref="BurstExecutor"/>) and the bursts a
/// request runs inline (<see cref="InlineBursts"/>): what the interpreter is given as the instance's waits,
/// and how its result becomes rows, all in the caller's transaction.
/// </summary>
internal static class BurstCommit
{
    /// <summary>
    /// The waits of an instance: its open bookmarks, and those of accepted resumes found through their work items
    /// (bookmark consumed, work queued, not run yet). The latter are still waits: a burst that ran without them would
    /// see nothing open, complete the instance and so drop the accepted resume. Two index lookups in one statement
    /// (UNION ALL), so the cost does not grow with the consumed bookmarks a long-lived instance piles up.
    /// </summary>
    /// <param name="db">The burst's context.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="runningWorkId">The work item the burst runs (its own resume is no wait), if any.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async Task<List<OpenBookmark>> WaitsAsync(EngineDbContext db, Guid instanceId, long? runningWorkId, CancellationToken cancellationToken)
    {
        var running = runningWorkId ?? 0;
        var open = await db.Bookmarks.AsNoTracking()
            .Where(b => b.InstanceId == instanceId && b.ConsumedAt == null)
            .Select(b => new { b.Id, b.ActivityId, b.ExecutionNumber, b.Name, b.DataJson })
            .Concat(
                from w in db.WorkItems
                join b in db.Bookmarks on w.BookmarkId equals (Guid?)b.Id
                where w.InstanceId == instanceId && w.Kind == WorkKind.Resume && w.Id != running && b.ConsumedAt != null
                select new { b.Id, b.ActivityId, b.ExecutionNumber, b.Name, b.DataJson })
            .ToListAsync(cancellationToken);
        return [.. open.Select(b => new OpenBookmark(b.Id, b.ActivityId, b.ExecutionNumber, b.Name, ParseObject(b.DataJson)))];
    }

    /// <summary>
    /// An ops retry queued meanwhile (e.g. while a timer's lease was held) is still work of the instance: a burst
    /// that ran out of steps must not complete the instance before that retry runs; it stays suspended.
    /// </summary>
    public static async Task KeepForQueuedRetryAsync(EngineDbContext db, Guid instanceId, long? runningWorkId, BurstResult result, CancellationToken cancellationToken)
    {
        var running = runningWorkId ?? 0;
        if (result.Status == WorkflowStatus.Completed && !result.CompletedByActivity
            && await db.WorkItems.AnyAsync(w => w.InstanceId == instanceId && w.Kind == WorkKind.Retry && w.Id != running && w.AvailableAt != WorkItemRecord.Parked, cancellationToken))
        {
            result.Status = WorkflowStatus.Suspended;
        }
    }

    /// <summary>
    /// The rows the burst's result becomes: the instance (changed in place: status, state, times, concurrency
    /// version, error), new bookmarks and their timers, scheduled retries, journal rows and the incident.
    /// </summary>
    public static BurstRows Rows(WorkflowInstanceRecord instance, BurstResult result, DateTime now, ILogger logger)
    {
        instance.Status = result.Status;
        instance.StateJson = JsonSerializer.Serialize(result.State, StateJson.Options);
        instance.UpdatedAt = now;
        instance.ConcurrencyVersion++;
        if (result.Status is WorkflowStatus.Completed or WorkflowStatus.Faulted)
        {
            instance.FinishedAt = now;
        }

        var bookmarks = new List<BookmarkRecord>(result.NewBookmarks.Count);
        var work = new List<WorkItemRecord>();
        foreach (var bookmark in result.NewBookmarks)
        {
            bookmarks.Add(new BookmarkRecord
            {
                Id = bookmark.Id,
                InstanceId = instance.Id,
                ActivityId = bookmark.ActivityId,
                ExecutionNumber = bookmark.ExecutionNumber,
                Name = bookmark.Request.Name,
                CorrelationKey = bookmark.Request.CorrelationKey,
                Token = BookmarkTokens.New(),
                DueAt = bookmark.Request.DueAt,
                DataJson = (bookmark.Request.Data ?? []).ToJsonString(),
                CreatedAt = now,
            });
            if (bookmark.Request.DueAt is { } dueAt)
            {
                work.Add(new WorkItemRecord { InstanceId = instance.Id, Kind = WorkKind.Timer, BookmarkId = bookmark.Id, CreatedAt = now, AvailableAt = dueAt });
            }
        }

        foreach (var retry in result.ScheduledRetries)
        {
            work.Add(new WorkItemRecord
            {
                InstanceId = instance.Id,
                Kind = WorkKind.Retry,
                PayloadJson = new JsonObject { ["activityId"] = retry.ActivityId, ["executionNumber"] = retry.ExecutionNumber, ["attempt"] = retry.Attempt }.ToJsonString(),
                CreatedAt = now,
                AvailableAt = retry.DueAt,
            });
        }

        var journal = new List<JournalRecord>(result.Journal.Count);
        foreach (var entry in result.Journal)
        {
            journal.Add(new JournalRecord
            {
                InstanceId = instance.Id,
                ActivityId = entry.ActivityId,
                ActivityType = entry.ActivityType,
                ExecutionNumber = entry.ExecutionNumber,
                Event = entry.Event,
                StartedAt = entry.StartedAt,
                CompletedAt = entry.CompletedAt,
                InputsJson = entry.Inputs?.ToJsonString(),
                OutputJson = entry.Output?.ToJsonString(),
                Ports = entry.Ports,
                Error = entry.Error,
            });
        }

        IncidentRecord? incidentRecord = null;
        if (result.Incident is { } incident)
        {
            instance.Error = incident.Error;
            incidentRecord = new IncidentRecord
            {
                Id = Guid.NewGuid(),
                InstanceId = instance.Id,
                ActivityId = incident.ActivityId,
                ActivityType = incident.ActivityType,
                Attempt = incident.Attempt,
                Error = incident.Error,
                CreatedAt = now,
            };
            logger.LogWarning("Instance {InstanceId} faulted in activity {ActivityId}: {Error}", instance.Id, incident.ActivityId, incident.Error);
        }

        return new BurstRows(instance, bookmarks, work, journal, incidentRecord, result.CancelledBookmarks, now);
    }

    /// <summary>
    /// Adds the rows to the context (the instance must be tracked) and closes the bookmarks the burst cancelled;
    /// the caller saves and commits.
    /// </summary>
    public static async Task AddAsync(EngineDbContext db, BurstRows rows, CancellationToken cancellationToken)
    {
        db.Bookmarks.AddRange(rows.Bookmarks);
        db.WorkItems.AddRange(rows.WorkItems);
        db.Journal.AddRange(rows.Journal);
        if (rows.Incident is not null)
        {
            db.Incidents.Add(rows.Incident);
        }

        if (rows.CancelledBookmarks.Count > 0)
        {
            var ids = rows.CancelledBookmarks;
            var now = rows.Now;
            await db.Bookmarks.Where(b => ids.Contains(b.Id) && b.ConsumedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.ConsumedAt, now).SetProperty(b => b.Outcome, "Cancelled"), cancellationToken);
            await db.WorkItems.Where(w => w.BookmarkId != null && ids.Contains(w.BookmarkId.Value)).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>A bookmark's data as an object (empty when not one).</summary>
    public static JsonObject ParseObject(string json) => JsonNode.Parse(json) as JsonObject ?? [];
}
