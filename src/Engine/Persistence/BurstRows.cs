using System.Text.Json;
using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// The rows one burst writes, built once from its result (<see cref="From"/>) and written by
/// <see cref="IBurstStore.CommitAsync"/>: through EF Core on SQLite, as one batch with the commit on PostgreSQL.
/// </summary>
/// <param name="Instance">The instance with its new status, state, times and concurrency version (an UPDATE of its row).</param>
/// <param name="Bookmarks">New bookmarks.</param>
/// <param name="WorkItems">New timer, retry and continuation work.</param>
/// <param name="Journal">New journal rows, in order.</param>
/// <param name="Incident">The incident the burst raised, if any.</param>
/// <param name="CancelledBookmarks">Open bookmarks the burst closed (their timers go too).</param>
/// <param name="Now">When the burst was written.</param>
public sealed record BurstRows(
    WorkflowInstanceRecord Instance,
    List<BookmarkRecord> Bookmarks,
    List<WorkItemRecord> WorkItems,
    List<JournalRecord> Journal,
    IncidentRecord? Incident,
    IReadOnlyList<Guid> CancelledBookmarks,
    DateTime Now)
{
    /// <summary>The leased work item the burst ran, deleted with the commit (null for a request's own burst, and for a fired timer, whose claim deleted its item).</summary>
    public long? FinishedWork { get; init; }

    /// <summary>
    /// The instance is new: a request's own start, whose row is inserted with the commit (with its state after the burst)
    /// rather than inserted before the burst and updated after it. Nothing refers to an instance's row while its first
    /// burst runs in the request (no other transaction can see it yet), so it takes one round trip less.
    /// </summary>
    public bool InstanceIsNew { get; init; }

    /// <summary>Release the instance's parked work (an ops retry got past the failure: what waited meanwhile runs now).</summary>
    public bool ReleaseParkedWork { get; init; }

    /// <summary>
    /// The rows <paramref name="result"/> becomes: the instance (changed in place: status, state, times, concurrency
    /// version, error), new bookmarks with fresh tokens and their timers, scheduled retries, the continuation of a burst that
    /// paused at its step bound, journal rows and the incident.
    /// </summary>
    public static BurstRows From(WorkflowInstanceRecord instance, BurstResult result, DateTime now)
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

        if (result.Paused)
        {
            // The burst stopped at its step bound: the rest runs as the next item of the queue, after what is due before it.
            work.Add(new WorkItemRecord { InstanceId = instance.Id, Kind = WorkKind.Continue, CreatedAt = now, AvailableAt = now });
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
        }

        return new BurstRows(instance, bookmarks, work, journal, incidentRecord, result.CancelledBookmarks, now);
    }
}
