using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Engine.Definitions;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime.Views;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// The commands clients give the engine: start, resume by token, publish an event, cancel, retry.
/// A start or resume runs its burst in the request, in one transaction with the bookmark it consumes
/// (<see cref="InlineBursts"/>). Otherwise — instance busy with another burst, a burst that failed,
/// the further waits an event resumes, an ops retry — the work is queued in the same transaction as
/// the state change and run at once in the request when no worker has taken it first; the workers
/// pick up anything left.
/// </summary>
public sealed class WorkflowRuntime(
    EngineDb engineDb,
    DefinitionStore definitions,
    InstanceQueries queries,
    WorkQueue queue,
    BurstExecutor executor,
    InlineBursts inline,
    WorkSignal signal,
    TimeProvider clock,
    ILogger<WorkflowRuntime> logger)
{
    /// <summary>Starts an instance and runs it until its first wait.</summary>
    public async Task<OperationResult<InstanceView>> StartAsync(StartRequest request, CancellationToken cancellationToken)
    {
        if (request.InstanceId is { } chosen && await queries.GetAsync(chosen, includeJournal: false, cancellationToken) is { } started)
        {
            // A repeat of a start that already created its instance (the first run's host died or failed): no second one.
            return OperationResult<InstanceView>.Created(started);
        }

        var record = await definitions.FindAsync(request.DefinitionId, cancellationToken);
        if (record is null)
        {
            return OperationResult<InstanceView>.NotFound($"workflow '{request.DefinitionId}' does not exist");
        }

        var version = request.Version ?? record.LatestVersion;
        if (version == 0)
        {
            return OperationResult<InstanceView>.Conflict($"workflow '{request.DefinitionId}' has no published version yet; publish it first");
        }

        var definition = await definitions.GetCompiledAsync(request.DefinitionId, version, cancellationToken);
        if (definition is null)
        {
            return OperationResult<InstanceView>.NotFound($"workflow '{request.DefinitionId}' has no published version {version}");
        }

        var input = request.Input ?? [];
        var inputErrors = WorkflowInputCheck.Check(definition.Definition, input);
        if (inputErrors.Count > 0)
        {
            return OperationResult<InstanceView>.Invalid("The input does not match the workflow's declared inputs.", inputErrors);
        }

        var state = new InstanceState { Input = (JsonObject)input.DeepClone() };
        foreach (var variable in definition.Definition.Variables)
        {
            state.Variables[variable.Name] = variable.Default?.DeepClone();
        }

        var now = InlineBursts.ToStoredPrecision(Now());
        var instanceId = request.InstanceId ?? Guid.CreateVersion7();
        var stateJson = JsonSerializer.Serialize(state, StateJson.Options);
        WorkflowInstanceRecord NewInstance() => new()
        {
            Id = instanceId,
            DefinitionId = request.DefinitionId,
            Version = version,
            Status = WorkflowStatus.Running,
            CorrelationId = request.CorrelationId,
            StateJson = stateJson,
            CreatedAt = now,
            UpdatedAt = now,
        };

        logger.LogInformation("Starting instance {InstanceId} of {DefinitionId} v{Version} (correlation {CorrelationId})", instanceId, request.DefinitionId, version, request.CorrelationId);
        // The burst changes the state it is given in place: a copy, as the queued path below would read from the row.
        var burstState = JsonSerializer.Deserialize<InstanceState>(stateJson, StateJson.Options) ?? new InstanceState();
        if (await inline.StartAsync(NewInstance(), definition, burstState, cancellationToken) is { } ran)
        {
            return OperationResult<InstanceView>.Created(ran);
        }

        // The inline burst failed and kept nothing: queue the start, which retries it with backoff and finally faults.
        var work = new WorkItemRecord { InstanceId = instanceId, Kind = WorkKind.Start, CreatedAt = now, AvailableAt = now };
        queue.LeaseToSelf(work);
        await using (var db = engineDb.CreateContext())
        {
            using var gate = await engineDb.WriteGateAsync(cancellationToken);
            db.Instances.Add(NewInstance());
            db.WorkItems.Add(work);
            await db.SaveChangesAsync(cancellationToken);
        }

        await RunLeasedAsync(work, cancellationToken);
        return OperationResult<InstanceView>.Created((await queries.GetAsync(instanceId, includeJournal: false, cancellationToken))!);
    }

    /// <summary>
    /// Resumes the wait a token names, exactly once: the bookmark is consumed by a conditional update,
    /// so of any number of racing requests one wins and the rest get a conflict with the current state.
    /// </summary>
    public async Task<OperationResult<InstanceView>> ResumeAsync(string token, JsonNode? payload, CancellationToken cancellationToken)
    {
        if (await inline.ResumeAsync(token, payload, cancellationToken) is { } ran)
        {
            return OperationResult<InstanceView>.Ok(ran);
        }

        // Not run inline: an unknown token, a consumed bookmark, a refused payload (each answered below as before),
        // an instance busy with another burst or a burst that failed (both queued and run as before).
        BookmarkRecord bookmark;
        (string DefinitionId, int Version) definition;
        await using (var db = engineDb.CreateContext())
        {
            // The instance's definition version comes along, for checking the payload without another query.
            var found = await (
                from b in db.Bookmarks.AsNoTracking()
                join i in db.Instances on b.InstanceId equals i.Id
                where b.Token == token
                select new { Bookmark = b, i.DefinitionId, i.Version }).SingleOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return OperationResult<InstanceView>.NotFound("no bookmark has this token");
            }

            (bookmark, definition) = (found.Bookmark, (found.DefinitionId, found.Version));
        }

        var outcome = await ConsumeAndQueueAsync(bookmark, definition, payload, runHere: true, cancellationToken);
        if (outcome.Status != OperationStatus.Ok)
        {
            return new OperationResult<InstanceView>(outcome.Status, outcome.Value?.Current, outcome.Message, outcome.Errors);
        }

        await RunLeasedAsync(outcome.Value!.Item!, cancellationToken);
        return OperationResult<InstanceView>.Ok((await queries.GetAsync(bookmark.InstanceId, includeJournal: false, cancellationToken))!);
    }

    /// <summary>Resumes every open wait for this event name and correlation id.</summary>
    public async Task<OperationResult<EventResult>> PublishEventAsync(string eventName, string correlationId, JsonNode? payload, CancellationToken cancellationToken)
    {
        List<BookmarkRecord> matching;
        await using (var db = engineDb.CreateContext())
        {
            matching = await db.Bookmarks.AsNoTracking()
                .Where(b => b.Name == eventName && b.CorrelationKey == correlationId)
                .OrderBy(b => b.CreatedAt)
                .ToListAsync(cancellationToken);
        }

        if (matching.Count == 0)
        {
            return OperationResult<EventResult>.NotFound($"no workflow waits for event '{eventName}' with correlation id '{correlationId}'");
        }

        var queued = new List<(Guid InstanceId, WorkItemRecord Item)>();
        var resumed = new List<InstanceView>();
        OperationResult<QueuedWork>? lastRefusal = null;
        foreach (var bookmark in matching.Where(b => b.ConsumedAt is null))
        {
            // This request runs the first resume itself, inline when it can; the others are announced, so idle
            // workers of any host share them.
            var first = queued.Count == 0 && resumed.Count == 0;
            if (first && await inline.ResumeAsync(bookmark.Token, payload, cancellationToken) is { } ran)
            {
                resumed.Add(ran);
                continue;
            }

            var outcome = await ConsumeAndQueueAsync(bookmark, null, payload, runHere: first, cancellationToken);
            if (outcome.Status == OperationStatus.Ok)
            {
                queued.Add((bookmark.InstanceId, outcome.Value!.Item!));
            }
            else
            {
                lastRefusal = outcome;
            }
        }

        if (queued.Count == 0 && resumed.Count == 0)
        {
            if (lastRefusal is { Status: OperationStatus.Invalid })
            {
                return OperationResult<EventResult>.Invalid(lastRefusal.Message!, lastRefusal.Errors!);
            }

            var current = new List<InstanceView>();
            foreach (var instanceId in matching.Select(b => b.InstanceId).Distinct())
            {
                current.Add((await queries.GetAsync(instanceId, includeJournal: false, cancellationToken))!);
            }

            return OperationResult<EventResult>.Conflict(
                $"event '{eventName}' for '{correlationId}' was already delivered; its waits are consumed",
                new EventResult(eventName, correlationId, current));
        }

        foreach (var (instanceId, item) in queued)
        {
            await (item.LockedBy is null ? RunNowAsync(item.Id, cancellationToken) : RunLeasedAsync(item, cancellationToken));
            resumed.Add((await queries.GetAsync(instanceId, includeJournal: false, cancellationToken))!);
        }

        return OperationResult<EventResult>.Ok(new EventResult(eventName, correlationId, resumed));
    }

    /// <summary>Cancels an instance: its waits and queued work are removed and it never resumes.</summary>
    public async Task<OperationResult<InstanceView>> CancelAsync(Guid instanceId, string? reason, CancellationToken cancellationToken)
    {
        await using (var write = await engineDb.WriteInstanceAsync(instanceId, cancellationToken))
        {
            var (db, instance) = (write.Db, write.Instance);
            if (instance is null)
            {
                return OperationResult<InstanceView>.NotFound($"instance {instanceId} does not exist");
            }

            if (instance.Status is WorkflowStatus.Completed or WorkflowStatus.Cancelled)
            {
                await write.RollbackAsync(cancellationToken);
                return OperationResult<InstanceView>.Conflict($"instance {instanceId} is already {instance.Status}", await queries.GetAsync(instanceId, false, cancellationToken));
            }

            var now = Now();
            instance.Status = WorkflowStatus.Cancelled;
            instance.Error = string.IsNullOrWhiteSpace(reason) ? instance.Error : $"cancelled: {reason}";
            instance.UpdatedAt = now;
            instance.FinishedAt = now;
            instance.ConcurrencyVersion++;
            await db.Bookmarks.Where(b => b.InstanceId == instanceId && b.ConsumedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.ConsumedAt, now).SetProperty(b => b.Outcome, "Cancelled"), cancellationToken);
            await db.WorkItems.Where(w => w.InstanceId == instanceId).ExecuteDeleteAsync(cancellationToken);
            await db.Incidents.Where(x => x.InstanceId == instanceId && x.ResolvedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ResolvedAt, now).SetProperty(x => x.Resolution, "Cancelled"), cancellationToken);
            await write.CommitAsync(cancellationToken);
        }

        logger.LogInformation("Cancelled instance {InstanceId}: {Reason}", instanceId, reason ?? "no reason given");
        return OperationResult<InstanceView>.Ok((await queries.GetAsync(instanceId, false, cancellationToken))!);
    }

    /// <summary>Retries a faulted instance from the activity that failed, with its current variables.</summary>
    public async Task<OperationResult<InstanceView>> RetryAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        var work = new WorkItemRecord { InstanceId = instanceId, Kind = WorkKind.Retry };
        await using (var write = await engineDb.WriteInstanceAsync(instanceId, cancellationToken))
        {
            var (db, instance) = (write.Db, write.Instance);
            if (instance is null)
            {
                return OperationResult<InstanceView>.NotFound($"instance {instanceId} does not exist");
            }

            var incident = await db.Incidents.Where(x => x.InstanceId == instanceId && x.ResolvedAt == null).OrderByDescending(x => x.CreatedAt).FirstOrDefaultAsync(cancellationToken);
            if (instance.Status != WorkflowStatus.Faulted || incident is null)
            {
                await write.RollbackAsync(cancellationToken);
                return OperationResult<InstanceView>.Conflict($"instance {instanceId} is {instance.Status} without an open incident; only faulted instances can be retried", await queries.GetAsync(instanceId, false, cancellationToken));
            }

            var now = Now();
            instance.Status = WorkflowStatus.Running;
            instance.Error = null;
            instance.FinishedAt = null;
            instance.UpdatedAt = now;
            instance.ConcurrencyVersion++;
            incident.ResolvedAt = now;
            incident.Resolution = "Retried";
            if (incident.ActivityId is null)
            {
                // The failure was outside an activity (e.g. a step limit): there is nothing to re-run, only waits to continue,
                // including work parked while the instance was faulted.
                var parked = await db.WorkItems.Where(w => w.InstanceId == instanceId && w.AvailableAt == WorkItemRecord.Parked)
                    .ExecuteUpdateAsync(s => s.SetProperty(w => w.AvailableAt, now), cancellationToken);
                // Queued work includes a retry another branch's policy scheduled that was not due yet.
                var waiting = parked > 0
                    || await db.WorkItems.AnyAsync(w => w.InstanceId == instanceId, cancellationToken)
                    || await db.Bookmarks.AnyAsync(b => b.InstanceId == instanceId && b.ConsumedAt == null, cancellationToken);
                instance.Status = waiting ? WorkflowStatus.Suspended : WorkflowStatus.Completed;
            }
            else
            {
                work.CreatedAt = now;
                work.AvailableAt = now;
                work.PayloadJson = new JsonObject { ["activityId"] = incident.ActivityId }.ToJsonString();
                queue.LeaseToSelf(work);
                db.WorkItems.Add(work);
            }

            await write.CommitAsync(cancellationToken);
        }

        if (work.Id != 0)
        {
            await RunLeasedAsync(work, cancellationToken);
        }

        return OperationResult<InstanceView>.Ok((await queries.GetAsync(instanceId, false, cancellationToken))!);
    }

    private async Task<OperationResult<QueuedWork>> ConsumeAndQueueAsync(BookmarkRecord bookmark, (string DefinitionId, int Version)? definition, JsonNode? payload, bool runHere, CancellationToken cancellationToken)
    {
        if (bookmark.ConsumedAt is not null)
        {
            return await ConflictAsync(bookmark, AlreadyConsumed(bookmark), cancellationToken);
        }

        var definitionProblem = await ValidatePayloadAsync(bookmark, definition, payload, cancellationToken);
        if (definitionProblem is not null)
        {
            return definitionProblem;
        }

        await using var db = engineDb.CreateContext();
        using var gate = await engineDb.WriteGateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = Now();
        // One statement checks that the instance still resumes and consumes the bookmark; why it did not is asked only then.
        var consumed = await db.Bookmarks
            .Where(b => b.Id == bookmark.Id && b.ConsumedAt == null
                && db.Instances.Any(i => i.Id == b.InstanceId && (i.Status == WorkflowStatus.Suspended || i.Status == WorkflowStatus.Running)))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.ConsumedAt, now).SetProperty(b => b.Outcome, "Resumed"), cancellationToken);
        if (consumed == 0)
        {
            var status = await db.Instances.Where(i => i.Id == bookmark.InstanceId).Select(i => (WorkflowStatus?)i.Status).SingleOrDefaultAsync(cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            return await ConflictAsync(
                bookmark,
                status is WorkflowStatus.Suspended or WorkflowStatus.Running ? AlreadyConsumed(bookmark) : $"instance {bookmark.InstanceId} is {status} and does not resume",
                cancellationToken);
        }

        if (bookmark.DueAt is not null)
        {
            // A timer resumed early by its token must not fire again later (only timers have a work item of their own).
            await db.WorkItems.Where(w => w.BookmarkId == bookmark.Id).ExecuteDeleteAsync(cancellationToken);
        }
        var work = new WorkItemRecord
        {
            InstanceId = bookmark.InstanceId,
            Kind = WorkKind.Resume,
            BookmarkId = bookmark.Id,
            PayloadJson = payload?.ToJsonString(),
            CreatedAt = now,
            AvailableAt = now,
        };
        if (runHere)
        {
            queue.LeaseToSelf(work);
        }

        db.WorkItems.Add(work);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return OperationResult<QueuedWork>.Ok(new QueuedWork(work));
    }

    private async Task<OperationResult<QueuedWork>?> ValidatePayloadAsync(BookmarkRecord bookmark, (string DefinitionId, int Version)? known, JsonNode? payload, CancellationToken cancellationToken)
    {
        string definitionId;
        int version;
        if (known is { } knownVersion)
        {
            (definitionId, version) = knownVersion;
        }
        else
        {
            await using var db = engineDb.CreateContext();
            var instance = await db.Instances.AsNoTracking().Where(i => i.Id == bookmark.InstanceId).Select(i => new { i.DefinitionId, i.Version }).SingleAsync(cancellationToken);
            (definitionId, version) = (instance.DefinitionId, instance.Version);
        }

        var definition = await definitions.GetCompiledAsync(definitionId, version, cancellationToken);
        if (definition is null || !definition.HasNode(bookmark.ActivityId) || definition.Descriptor(bookmark.ActivityId).Create() is not IResumableActivity activity)
        {
            return null;
        }

        var data = JsonNode.Parse(bookmark.DataJson) as JsonObject ?? [];
        var errors = activity.ValidateResumeInput(data, payload);
        return errors.Count == 0
            ? null
            : OperationResult<QueuedWork>.Invalid(
                $"The payload does not fit what activity '{bookmark.ActivityId}' waits for; nothing was resumed.",
                errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
    }

    private async Task<OperationResult<QueuedWork>> ConflictAsync(BookmarkRecord bookmark, string message, CancellationToken cancellationToken)
    {
        var current = await queries.GetAsync(bookmark.InstanceId, includeJournal: false, cancellationToken);
        return new OperationResult<QueuedWork>(OperationStatus.Conflict, new QueuedWork(null, current), message);
    }

    private static string AlreadyConsumed(BookmarkRecord bookmark) =>
        bookmark.Outcome == "Cancelled"
            ? $"the wait of activity '{bookmark.ActivityId}' was cancelled; it will not resume"
            : $"the wait of activity '{bookmark.ActivityId}' was already resumed; a bookmark runs at most once";

    /// <summary>Runs an item this request leased to itself when queuing it (see <see cref="WorkQueue.LeaseToSelf"/>).</summary>
    private Task RunLeasedAsync(WorkItemRecord item, CancellationToken cancellationToken) =>
        executor.RunAsync(WorkQueue.Leased(item), cancellationToken);

    private async Task RunNowAsync(long workItemId, CancellationToken cancellationToken)
    {
        // Run it in this request so the caller sees the result; only if another worker got there first
        // (or takes it after a failure) does the background queue carry it.
        var claimed = await queue.ClaimAsync(workItemId, cancellationToken);
        if (claimed is not null)
        {
            await executor.RunAsync(claimed, cancellationToken);
        }
        else
        {
            signal.Pulse();
        }
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    /// <summary>A queued resume (or, on conflict, the instance as it is).</summary>
    private sealed record QueuedWork(WorkItemRecord? Item, InstanceView? Current = null);
}
