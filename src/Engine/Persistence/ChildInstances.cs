using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// The rows that link a child instance to its parent (ExecuteWorkflow, DispatchWorkflow): the child's start, in the
/// parent's burst transaction; the parent's resume when the child ends, in the transaction that ends it (its last burst,
/// a cancel, a runtime fault); and the cascade of a cancel. No callback in memory: a host that dies between two of these
/// steps leaves either both or neither committed.
/// </summary>
internal static class ChildInstances
{
    /// <summary>The name of the bookmark an ExecuteWorkflow waits on; only its child's end resumes it (no correlation key, and a payload by token is refused).</summary>
    public const string BookmarkName = "ChildWorkflow";

    /// <summary>
    /// The id of the child that execution <paramref name="executionNumber"/> of <paramref name="activityId"/> in
    /// <paramref name="parentId"/> starts: the same on every replay of that execution, so a burst run again after a crash
    /// (or an attempt rolled back to its savepoint) finds or makes the same instance, never a second one.
    /// </summary>
    public static Guid ChildId(Guid parentId, string activityId, int executionNumber)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"sleek-child:{parentId:N}:{activityId}:{executionNumber}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80); // version 8 (name-based, custom), in Guid's little-endian layout
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }

    /// <summary>
    /// Inserts <paramref name="child"/> with its start work (due now), unless that parent activity execution already
    /// started one: then that one is returned and nothing is written. The unique index on (parent, activity, execution)
    /// backs this up should two writers ever race.
    /// </summary>
    public static async Task<WorkflowInstanceRecord> StartAsync(EngineDbContext db, WorkflowInstanceRecord child, DateTime now, CancellationToken cancellationToken)
    {
        var existing = await db.Instances.AsNoTracking().SingleOrDefaultAsync(
            i => i.ParentInstanceId == child.ParentInstanceId && i.ParentActivityId == child.ParentActivityId && i.ParentExecutionNumber == child.ParentExecutionNumber,
            cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        db.Instances.Add(child);
        db.WorkItems.Add(new WorkItemRecord { InstanceId = child.Id, Kind = WorkKind.Start, CreatedAt = now, AvailableAt = now });
        await db.SaveChangesAsync(cancellationToken);
        return child;
    }

    /// <summary>
    /// When <paramref name="child"/> ended (Completed, Faulted or Cancelled) and its parent still waits for it: consumes the
    /// parent's wait by one conditional update and returns the resume work to queue in the same transaction, with the
    /// child's outcome as payload. Null when nobody waits (a dispatched child, a parent that was cancelled or moved on).
    /// A Faulted parent's resume is parked by the runner until ops retry it, as any resume.
    /// </summary>
    public static async Task<WorkItemRecord?> ResumeParentAsync(EngineDbContext db, WorkflowInstanceRecord child, JsonObject? output, DateTime now, CancellationToken cancellationToken)
    {
        if (child.ParentInstanceId is not { } parentId || child.Status is not (WorkflowStatus.Completed or WorkflowStatus.Faulted or WorkflowStatus.Cancelled))
        {
            return null;
        }

        var wait = await db.Bookmarks.AsNoTracking()
            .Where(b => b.InstanceId == parentId && b.ConsumedAt == null && b.Name == BookmarkName
                && b.ActivityId == child.ParentActivityId && b.ExecutionNumber == child.ParentExecutionNumber)
            .Select(b => new { b.Id })
            .SingleOrDefaultAsync(cancellationToken);
        if (wait is null)
        {
            return null;
        }

        var consumed = await db.Bookmarks.Where(b => b.Id == wait.Id && b.ConsumedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.ConsumedAt, now).SetProperty(b => b.Outcome, BookmarkOutcome.Resumed), cancellationToken);
        if (consumed == 0)
        {
            return null;
        }

        var payload = new JsonObject
        {
            ["instanceId"] = child.Id.ToString(),
            ["definitionId"] = child.DefinitionId,
            ["version"] = child.Version,
            ["status"] = child.Status.ToString(),
            ["output"] = output?.DeepClone(),
            ["error"] = child.Error,
        };
        return new WorkItemRecord { InstanceId = parentId, Kind = WorkKind.Resume, BookmarkId = wait.Id, PayloadJson = payload.ToJsonString(), CreatedAt = now, AvailableAt = now };
    }

    /// <summary>
    /// Cancels every running, suspended or faulted descendant of <paramref name="instanceId"/> (children, their children, …)
    /// in the caller's transaction: their waits closed, their work removed, their incidents resolved. Their parents do not
    /// resume (they are being cancelled too). Returns the ids cancelled.
    /// </summary>
    /// <remarks>
    /// Run it before touching the parent's own bookmarks: a child burst that is committing holds its row and consumes the
    /// parent's wait; taking the children's rows first waits for that burst instead of deadlocking with it.
    /// </remarks>
    public static async Task<List<Guid>> CancelDescendantsAsync(EngineDbContext db, Guid instanceId, DateTime now, CancellationToken cancellationToken)
    {
        var cancelled = new List<Guid>();
        List<Guid> frontier = [instanceId];
        while (frontier.Count > 0)
        {
            var parents = frontier;
            var children = await db.Instances.AsNoTracking()
                .Where(i => i.ParentInstanceId != null && parents.Contains(i.ParentInstanceId.Value)
                    && (i.Status == WorkflowStatus.Running || i.Status == WorkflowStatus.Suspended || i.Status == WorkflowStatus.Faulted))
                .Select(i => i.Id)
                .ToListAsync(cancellationToken);
            if (children.Count == 0)
            {
                break;
            }

            await db.Instances
                .Where(i => children.Contains(i.Id) && (i.Status == WorkflowStatus.Running || i.Status == WorkflowStatus.Suspended || i.Status == WorkflowStatus.Faulted))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(i => i.Status, WorkflowStatus.Cancelled)
                        .SetProperty(i => i.Error, "cancelled: its parent instance was cancelled")
                        .SetProperty(i => i.UpdatedAt, now)
                        .SetProperty(i => i.FinishedAt, now)
                        .SetProperty(i => i.ConcurrencyVersion, i => i.ConcurrencyVersion + 1),
                    cancellationToken);
            await db.Bookmarks.Where(b => children.Contains(b.InstanceId) && b.ConsumedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.ConsumedAt, now).SetProperty(b => b.Outcome, BookmarkOutcome.Cancelled), cancellationToken);
            await db.WorkItems.Where(w => children.Contains(w.InstanceId)).ExecuteDeleteAsync(cancellationToken);
            await db.Incidents.Where(x => children.Contains(x.InstanceId) && x.ResolvedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ResolvedAt, now).SetProperty(x => x.Resolution, IncidentResolution.Cancelled), cancellationToken);
            cancelled.AddRange(children);
            frontier = children;
        }

        return cancelled;
    }
}
