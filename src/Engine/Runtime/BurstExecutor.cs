using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// Runs one claimed work item as a burst and commits everything it changed — instance state,
/// bookmarks created and consumed, journal rows, incident, the work item itself — in one transaction.
/// On PostgreSQL the instance row is locked for the burst, so one instance never runs twice at once.
/// </summary>
public sealed class BurstExecutor(
    EngineDb engineDb,
    DefinitionStore definitions,
    WorkflowInterpreter interpreter,
    WorkQueue queue,
    RuntimeOptions options,
    TimeProvider clock,
    ILogger<BurstExecutor> logger)
{
    /// <summary>After this many failed attempts the instance faults instead of retrying the item forever.</summary>
    public const int MaxAttempts = 5;

    /// <summary>Runs the item; failures are logged and the item is released with backoff.</summary>
    public async Task RunAsync(ClaimedWork work, CancellationToken cancellationToken)
    {
        using var telemetry = EngineTelemetry.StartBurst(work);
        // Renew the lease while the burst runs, so only a dead host's work is taken over. SQLite needs none:
        // one process, and its writer lock keeps every other claim waiting until the burst ends.
        await using var heartbeat = engineDb.IsPostgres ? LeaseHeartbeat.Start(queue, work, options.HeartbeatInterval, clock, logger) : null;
        try
        {
            await RunBurstAsync(work, telemetry, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the lease expires and another worker (or this one after restart) takes the item.
        }
        catch (Exception ex)
        {
            telemetry.Failed(ex);
            if (work.Attempts >= MaxAttempts)
            {
                logger.LogError(ex, "Work item {WorkItemId} ({Kind}) of instance {InstanceId} failed {Attempts} times; faulting the instance", work.Id, work.Kind, work.InstanceId, work.Attempts);
                await FaultAfterRepeatedFailuresAsync(work, ex, CancellationToken.None);
                return;
            }

            var delay = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, work.Attempts)));
            logger.LogWarning(ex, "Work item {WorkItemId} ({Kind}) of instance {InstanceId} failed on attempt {Attempts}; retrying in {Delay}", work.Id, work.Kind, work.InstanceId, work.Attempts, delay);
            await queue.ReleaseAsync(work.Id, delay, CancellationToken.None);
        }
    }

    private async Task RunBurstAsync(ClaimedWork work, BurstTelemetry telemetry, CancellationToken cancellationToken)
    {
        await using var write = await engineDb.WriteInstanceAsync(work.InstanceId, cancellationToken);
        var (db, instance) = (write.Db, write.Instance);
        var item = await db.WorkItems.SingleOrDefaultAsync(w => w.Id == work.Id, cancellationToken);
        if (instance is null || item is null || item.LockedBy is null)
        {
            // Deleted meanwhile, or finished by the worker whose lease expired: nothing to do.
            if (item is not null)
            {
                db.WorkItems.Remove(item);
            }

            await write.CommitAsync(cancellationToken);
            return;
        }

        if (instance.Status == WorkflowStatus.Faulted && work.Kind is WorkKind.Timer or WorkKind.Resume or WorkKind.Retry)
        {
            // A faulted instance moves only when ops retry it. Dropping this item would lose the timer
            // (its bookmark stays open, nothing would fire it), the resume or another branch's scheduled
            // retry: park it for the retry. (An ops retry sets the instance Running before it queues.)
            item.AvailableAt = WorkItemRecord.Parked;
            item.LockedBy = null;
            item.LockedUntil = null;
            await write.CommitAsync(cancellationToken);
            return;
        }

        db.WorkItems.Remove(item);
        var trigger = await TriggerForAsync(db, work, instance, cancellationToken);
        if (trigger is null)
        {
            await write.CommitAsync(cancellationToken);
            return;
        }

        var definition = await definitions.GetCompiledAsync(instance.DefinitionId, instance.Version, cancellationToken)
            ?? throw new InvalidOperationException($"definition {instance.DefinitionId} v{instance.Version} is not published");
        var state = JsonSerializer.Deserialize<InstanceState>(instance.StateJson, StateJson.Options) ?? new InstanceState();
        // A resume accepted but not run yet (bookmark consumed, work queued) is still a wait of the
        // instance: a burst that ran first without it would see nothing open, complete the instance
        // and so drop the accepted resume.
        var openBookmarks = await BurstCommit.WaitsAsync(db, instance.Id, work.Id, cancellationToken);

        // Activities that keep records of their own write them in this same transaction.
        var burstTransaction = new BurstTransaction(db.Database.GetDbConnection(), write.Transaction.GetDbTransaction(), engineDb.IsPostgres);
        var result = await interpreter.RunAsync(new BurstRequest(definition, instance.Id, instance.CorrelationId, state, trigger, openBookmarks, burstTransaction), cancellationToken);
        await BurstCommit.KeepForQueuedRetryAsync(db, instance.Id, work.Id, result, cancellationToken);
        await BurstCommit.AddAsync(db, BurstCommit.Rows(instance, result, clock.GetUtcNow().UtcDateTime, logger), cancellationToken);
        if (work.Kind == WorkKind.Retry && result.Status != WorkflowStatus.Faulted)
        {
            // The retry got past the failure: work parked while the instance was faulted runs now, after it.
            var now = clock.GetUtcNow().UtcDateTime;
            await db.WorkItems.Where(w => w.InstanceId == instance.Id && w.AvailableAt == WorkItemRecord.Parked)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.AvailableAt, now), cancellationToken);
        }

        await write.CommitAsync(cancellationToken);
        telemetry.Ran(instance.DefinitionId, instance.Version, result.Status, result.Steps, result.Incident);
        logger.LogInformation(
            "Burst of instance {InstanceId} ({DefinitionId} v{Version}) ran {Steps} steps after {Kind}: {Status}",
            instance.Id, instance.DefinitionId, instance.Version, result.Steps, work.Kind, result.Status);
    }

    private async Task<BurstTrigger?> TriggerForAsync(EngineDbContext db, ClaimedWork work, WorkflowInstanceRecord instance, CancellationToken cancellationToken)
    {
        if (instance.Status is WorkflowStatus.Completed or WorkflowStatus.Cancelled)
        {
            return null;
        }

        switch (work.Kind)
        {
            case WorkKind.Start:
                return instance.Status == WorkflowStatus.Running ? new BurstTrigger.Start() : null;
            case WorkKind.Retry:
                // {"activityId"} from ops; {"activityId", "executionNumber", "attempt"} from a retry policy.
                var retry = JsonNode.Parse(work.PayloadJson ?? "{}");
                var activityId = retry?["activityId"]?.GetValue<string>();
                return activityId is null ? null : new BurstTrigger.Retry(activityId, retry?["executionNumber"]?.GetValue<int>(), retry?["attempt"]?.GetValue<int>());
            case WorkKind.Timer:
                if (instance.Status == WorkflowStatus.Faulted)
                {
                    return null;
                }

                // The timer fires only if nothing consumed the bookmark first (resume by token, cancel).
                var now = clock.GetUtcNow().UtcDateTime;
                var fired = await db.Bookmarks
                    .Where(b => b.Id == work.BookmarkId && b.ConsumedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.ConsumedAt, now).SetProperty(b => b.Outcome, "Resumed"), cancellationToken);
                return fired == 1 ? await ResumeTriggerAsync(db, work, cancellationToken) : null;
            case WorkKind.Resume:
                return instance.Status == WorkflowStatus.Faulted ? null : await ResumeTriggerAsync(db, work, cancellationToken);
            default:
                throw new InvalidOperationException($"unknown work kind '{work.Kind}'");
        }
    }

    private static async Task<BurstTrigger?> ResumeTriggerAsync(EngineDbContext db, ClaimedWork work, CancellationToken cancellationToken)
    {
        var bookmark = await db.Bookmarks.AsNoTracking().SingleOrDefaultAsync(b => b.Id == work.BookmarkId, cancellationToken);
        if (bookmark is null)
        {
            return null;
        }

        var open = new OpenBookmark(bookmark.Id, bookmark.ActivityId, bookmark.ExecutionNumber, bookmark.Name, BurstCommit.ParseObject(bookmark.DataJson));
        return new BurstTrigger.Resume(open, work.PayloadJson is null ? null : JsonNode.Parse(work.PayloadJson));
    }

    private async Task FaultAfterRepeatedFailuresAsync(ClaimedWork work, Exception error, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        using var gate = await engineDb.WriteGateAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var instance = await db.Instances.SingleOrDefaultAsync(i => i.Id == work.InstanceId, cancellationToken);
        await db.WorkItems.Where(w => w.Id == work.Id).ExecuteDeleteAsync(cancellationToken);
        if (instance is null || instance.Status is WorkflowStatus.Completed or WorkflowStatus.Cancelled)
        {
            return;
        }

        var message = $"the runtime could not run this instance's {work.Kind} work after {work.Attempts} attempts: {error.Message}";
        instance.Status = WorkflowStatus.Faulted;
        instance.Error = message;
        instance.UpdatedAt = now;
        instance.FinishedAt = now;
        instance.ConcurrencyVersion++;
        db.Incidents.Add(new IncidentRecord { Id = Guid.NewGuid(), InstanceId = instance.Id, Attempt = work.Attempts, Error = message, CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        EngineTelemetry.RecordIncident(null);
    }
}
