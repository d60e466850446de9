using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime.Views;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// Runs bursts: claims what runs through the <see cref="IBurstStore"/>, runs the interpreter, and commits everything
/// the burst changed — instance state, bookmarks created and consumed, journal, incident, the activities' own records
/// — in one transaction. Two modes:
/// <list type="bullet">
/// <item><b>Inline</b>, a request's own burst (<see cref="ResumeInlineAsync"/>, <see cref="StartInlineAsync"/>), in one
/// transaction with the bookmark it consumes or the instance it inserts; the answer is built from what it wrote, not
/// read back. Only activities that stay in this process and transaction (<see cref="ActivityAttribute.InProcess"/>)
/// run here, so should the host die meanwhile nothing was committed nor answered and the client repeats its request.
/// When the instance is busy, a burst reaches another activity (<see cref="OutOfProcessActivityException"/>) or
/// anything fails, everything is rolled back and the caller takes the queued path.</item>
/// <item><b>Leased</b>, a claimed work item (<see cref="RunLeasedAsync"/>), with its lease renewed while it runs; a
/// failure is retried with backoff, and after <see cref="MaxAttempts"/> the instance faults.</item>
/// </list>
/// </summary>
public sealed class BurstRunner(
    IBurstStore store,
    InstanceStore instances,
    WorkQueue queue,
    DefinitionStore definitions,
    WorkflowInterpreter interpreter,
    EngineDb engineDb,
    RuntimeOptions options,
    WorkSignal signal,
    InstanceChanges changes,
    TimeProvider clock,
    ILogger<BurstRunner> logger)
{
    /// <summary>After this many failed attempts the instance faults instead of retrying the item forever.</summary>
    public const int MaxAttempts = 5;

    /// <summary>
    /// Resumes the wait a token names and runs the burst, all in one transaction. <paramref name="admit"/>, when given,
    /// is asked right after the claim — the instance locked, the wait consumed, both in this transaction — and before
    /// the payload is checked; a refusal rolls everything back. The outcome says whether the burst ran (the instance
    /// as committed), was refused, or was not run here: nothing claimed (unknown token, bookmark already consumed,
    /// instance not resumable or busy), payload refused, or the burst did not finish inline; the caller's queued path
    /// then decides. Internal: callers resume through <see cref="WorkflowRuntime"/>, whose <see cref="ResumeGate"/> no
    /// resume may pass by.
    /// </summary>
    internal async Task<InlineResume> ResumeInlineAsync(string token, JsonNode? payload, ResumeAdmission? admit, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(cancellationToken);
        var claim = await store.ClaimByTokenAsync(session, token, Now(), cancellationToken);
        if (claim is null)
        {
            return InlineResume.NotClaimed;
        }

        if (admit is not null && await admit(claim, session.Transaction, cancellationToken) is { } refusal)
        {
            return new InlineResume(null, refusal, Admitted: false);
        }

        var instance = claim.Instance;
        var definition = await definitions.GetCompiledAsync(instance.DefinitionId, instance.Version, cancellationToken);
        if (definition is null || ResumePayload.Problems(definition, claim.Resumed, payload).Count > 0)
        {
            return new InlineResume(null, null, Admitted: admit is not null);
        }

        var trigger = new BurstTrigger.Resume(OpenBookmark.Of(claim.Resumed), payload?.DeepClone());
        var ran = await RunInlineAsync(session, instance, definition, trigger, ReadState(instance), claim.Waits, claim.Open, claim.Incidents, claim.Resumed.Id, cancellationToken);
        return new InlineResume(ran, null, Admitted: admit is not null);
    }

    /// <summary>
    /// Runs a new instance to its first wait and inserts it with everything the burst wrote, in one transaction (the
    /// commit's round trip; <see cref="BurstRows.InstanceIsNew"/>). Returns the instance as committed;
    /// null when the burst did not finish inline (nothing is kept): the caller queues the start.
    /// </summary>
    public async Task<InstanceView?> StartInlineAsync(WorkflowInstanceRecord instance, CompiledDefinition definition, InstanceState state, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(cancellationToken);
        return await RunInlineAsync(session, instance, definition, new BurstTrigger.Start(), state, [], [], [], null, cancellationToken);
    }

    /// <summary>Runs a leased work item; failures are logged and the item is released with backoff, or the instance faults.</summary>
    public async Task RunLeasedAsync(ClaimedWork work, CancellationToken cancellationToken)
    {
        using var telemetry = EngineTelemetry.StartBurst(work);
        // Renew the lease while the burst runs, so only a dead host's work is taken over. A single writer needs none:
        // one process, and its gate keeps every other claim waiting until the burst ends.
        await using var heartbeat = engineDb.SingleWriter ? null : LeaseHeartbeat.Start(queue, work, options.HeartbeatInterval, clock, logger);
        try
        {
            await RunClaimedAsync(work, telemetry, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the lease expires and another worker (or this one after restart) takes the item.
        }
        catch (Exception ex)
        {
            telemetry.Failed(ex);
            if (work.Attempts >= MaxAttempts || RepeatsOnRetry(ex))
            {
                logger.LogError(ex, "Work item {WorkItemId} ({Kind}) of instance {InstanceId} failed on attempt {Attempts}; faulting the instance", work.Id, work.Kind, work.InstanceId, work.Attempts);
                var message = RepeatsOnRetry(ex)
                    ? $"the runtime stopped this instance's {work.Kind} work: {ex.GetType().Name}: {ex.Message} (not retried: another attempt would do the same)"
                    : $"the runtime could not run this instance's {work.Kind} work after {work.Attempts} attempts: {ex.Message}";
                if (await instances.FaultAsync(work, message, Now(), CancellationToken.None))
                {
                    EngineTelemetry.RecordIncident(null);
                }

                return;
            }

            var delay = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, work.Attempts)));
            logger.LogWarning(ex, "Work item {WorkItemId} ({Kind}) of instance {InstanceId} failed on attempt {Attempts}; retrying in {Delay}", work.Id, work.Kind, work.InstanceId, work.Attempts, delay);
            await queue.ReleaseAsync(work.Id, delay, CancellationToken.None);
        }
    }

    /// <summary>
    /// Failures another attempt would only repeat, at the whole host's expense: running out of memory or stack (a burst
    /// whose data or definition needs more than the host has), or a sandbox limit that escaped its activity. The
    /// instance faults at once with an incident for ops instead of being retried <see cref="MaxAttempts"/> times.
    /// </summary>
    internal static bool RepeatsOnRetry(Exception ex) =>
        ex is OutOfMemoryException or InsufficientExecutionStackException or Expressions.ExpressionException;

    private async Task<InstanceView?> RunInlineAsync(
        BurstSession session,
        WorkflowInstanceRecord instance,
        CompiledDefinition definition,
        BurstTrigger trigger,
        InstanceState state,
        IReadOnlyList<BookmarkRecord> waits,
        IReadOnlyList<BookmarkRecord> open,
        IReadOnlyList<IncidentRecord> incidents,
        Guid? resumedBookmark,
        CancellationToken cancellationToken)
    {
        var kind = trigger is BurstTrigger.Start ? WorkKind.Start : WorkKind.Resume;
        using var telemetry = EngineTelemetry.StartBurst(new ClaimedWork(0, instance.Id, kind, resumedBookmark, null, 1));
        try
        {
            var result = await RunAsync(session, instance, definition, trigger, state, waits, inProcessOnly: true, runningWorkId: null, queuedRetry: null, cancellationToken);
            var rows = BurstRows.From(instance, result, Now()) with { InstanceIsNew = trigger is BurstTrigger.Start };
            await ResumeParentAsync(session, rows, result, cancellationToken);
            await store.CommitAsync(session, rows, cancellationToken);
            Committed(instance, result);
            telemetry.Ran(instance.DefinitionId, instance.Version, result.Status, result.Steps, result.Incident);
            logger.LogInformation(
                "Burst of instance {InstanceId} ({DefinitionId} v{Version}) ran {Steps} steps after {Kind} in its request: {Status}",
                instance.Id, instance.DefinitionId, instance.Version, result.Steps, kind, result.Status);

            // The answer as committed: the waits still open (less those the burst closed) and the new ones; incidents newest first.
            var cancelled = result.CancelledBookmarks.ToHashSet();
            var bookmarks = open.Where(b => !cancelled.Contains(b.Id)).Concat(rows.Bookmarks).OrderBy(b => b.CreatedAt);
            var allIncidents = rows.Incident is null ? incidents : [rows.Incident, .. incidents.Take(49)];
            return InstanceQueries.ViewOf(instance, result.State, bookmarks, allIncidents, new JournalPage([], null));
        }
        catch (OutOfProcessActivityException reached)
        {
            // Nothing is kept here (disposing the session rolls back) and the caller queues the burst.
            telemetry.Queued();
            logger.LogDebug(
                "Burst of instance {InstanceId} reaches activity {ActivityId} ({ActivityType}), which may call out; it runs on the queued path",
                instance.Id, reached.ActivityId, reached.ActivityType);
            return null;
        }
        catch (CommitOutcomeUnknownException ex)
        {
            // Maybe committed: the queued path would start the instance a second time or find "its" bookmark consumed.
            // The request is answered "outcome unknown"; a repeat with its Idempotency-Key finds what happened.
            telemetry.Failed(ex);
            logger.LogWarning(ex, "Inline {Kind} of instance {InstanceId}: the connection was lost while committing; it may or may not have been committed", kind, instance.Id);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Rolled back on return: the queued path runs it again, with its retries and incident.
            telemetry.Failed(ex);
            logger.LogWarning(ex, "Inline {Kind} of instance {InstanceId} failed; queuing it", kind, instance.Id);
            return null;
        }
    }

    private async Task RunClaimedAsync(ClaimedWork work, BurstTelemetry telemetry, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(cancellationToken);
        var claim = await store.ClaimWorkAsync(session, work, Now(), cancellationToken);
        if (!claim.Runs)
        {
            // Deleted meanwhile, or finished by the worker whose lease expired: nothing to do.
            await store.FinishWorkAsync(session, work.Id, park: false, cancellationToken);
            return;
        }

        var instance = claim.Instance!;
        if (instance.Status == WorkflowStatus.Faulted && work.Kind is WorkKind.Timer or WorkKind.Resume or WorkKind.Retry)
        {
            // A faulted instance moves only when ops retry it. Dropping this item would lose the timer
            // (its bookmark stays open, nothing would fire it), the resume or another branch's scheduled
            // retry: park it for the retry. (An ops retry sets the instance Running before it queues.)
            await store.FinishWorkAsync(session, work.Id, park: true, cancellationToken);
            return;
        }

        var trigger = TriggerFor(work, instance, claim);
        var state = ReadState(instance);
        if (trigger is null || (trigger is BurstTrigger.Continue && state.Pending.Count == 0))
        {
            // A continuation finds nothing due when another burst of the instance (a resume, a timer) ran it first.
            await store.FinishWorkAsync(session, work.Id, park: false, cancellationToken);
            return;
        }

        var definition = await definitions.GetCompiledAsync(instance.DefinitionId, instance.Version, cancellationToken)
            ?? throw new InvalidOperationException($"definition {instance.DefinitionId} v{instance.Version} is not published");
        var result = await RunAsync(session, instance, definition, trigger, state, claim.Waits, inProcessOnly: false, work.Id, claim.HasQueuedRetry, cancellationToken);
        var rows = BurstRows.From(instance, result, Now()) with
        {
            // A fired timer's item went with its claim (the store deleted it when it consumed the bookmark).
            FinishedWork = claim.TimerFired ? null : work.Id,
            // The retry got past the failure: work parked while the instance was faulted runs now, after it.
            ReleaseParkedWork = work.Kind == WorkKind.Retry && result.Status != WorkflowStatus.Faulted,
        };
        await ResumeParentAsync(session, rows, result, cancellationToken);
        await store.CommitAsync(session, rows, cancellationToken);
        Committed(instance, result);
        telemetry.Ran(instance.DefinitionId, instance.Version, result.Status, result.Steps, result.Incident);
        logger.LogInformation(
            "Burst of instance {InstanceId} ({DefinitionId} v{Version}) ran {Steps} steps after {Kind}: {Status}",
            instance.Id, instance.DefinitionId, instance.Version, result.Steps, work.Kind, result.Status);
    }

    /// <summary>
    /// Runs the interpreter in the session's transaction, with the instance's waits. <paramref name="queuedRetry"/>: whether
    /// another retry of the instance is queued, when the claim read it already; null asks the store if it matters.
    /// </summary>
    private async Task<BurstResult> RunAsync(
        BurstSession session,
        WorkflowInstanceRecord instance,
        CompiledDefinition definition,
        BurstTrigger trigger,
        InstanceState state,
        IReadOnlyList<BookmarkRecord> waits,
        bool inProcessOnly,
        long? runningWorkId,
        bool? queuedRetry,
        CancellationToken cancellationToken)
    {
        // Activities that keep records of their own write them in this same transaction.
        var request = new BurstRequest(definition, instance.Id, instance.CorrelationId, state, trigger, [.. waits.Select(OpenBookmark.Of)], session.Transaction, inProcessOnly);
        var result = await interpreter.RunAsync(request, cancellationToken);
        if (result.Status == WorkflowStatus.Completed && !result.CompletedByActivity
            && (queuedRetry ?? await store.HasQueuedRetryAsync(session, instance.Id, runningWorkId, cancellationToken)))
        {
            // An ops retry queued meanwhile (e.g. while a timer's lease was held) is still work of the instance: a burst
            // that ran out of steps must not complete the instance before that retry runs; it stays suspended.
            result.Status = WorkflowStatus.Suspended;
        }

        if (result.Incident is { } incident)
        {
            logger.LogWarning("Instance {InstanceId} faulted in activity {ActivityId}: {Error}", instance.Id, incident.ActivityId, incident.Error);
        }

        return result;
    }

    /// <summary>
    /// After a commit: a burst that paused at its step bound queued its continuation, due now; idle workers of this
    /// process wake for it (on PostgreSQL the queue's NOTIFY wakes every host's as well). This process's live streams
    /// hear of the instance at once; other hosts' shortly after, in a batch (<see cref="InstanceChanges"/>).
    /// </summary>
    private void Committed(WorkflowInstanceRecord instance, BurstResult result)
    {
        changes.Publish(instance.Id);
        // Also when the burst started a child or, as a child, ended and resumed its parent: that work is due now.
        var childWork = result.Journal.Exists(e => e.ActivityType is "ExecuteWorkflow" or "DispatchWorkflow")
            || (instance.ParentInstanceId is not null && result.Status is WorkflowStatus.Completed or WorkflowStatus.Faulted);
        if (result.Paused || childWork)
        {
            signal.Pulse();
        }
    }

    /// <summary>
    /// A child whose burst ends it (Completed, or Faulted with an incident) resumes the parent that waits for it, in this
    /// same transaction: the parent's wait is consumed and its resume queued with the burst's rows (one extra round trip,
    /// only for a child that ends). The parent's host wakes by the queue's NOTIFY (PostgreSQL) or this process's signal.
    /// </summary>
    private async Task ResumeParentAsync(BurstSession session, BurstRows rows, BurstResult result, CancellationToken cancellationToken)
    {
        if (rows.Instance.ParentInstanceId is null || result.Status is not (WorkflowStatus.Completed or WorkflowStatus.Faulted))
        {
            return;
        }

        if (await ChildInstances.ResumeParentAsync(session.Db, rows.Instance, result.State.Variables, rows.Now, cancellationToken) is { } resume)
        {
            rows.WorkItems.Add(resume);
        }
    }

    private static BurstTrigger? TriggerFor(ClaimedWork work, WorkflowInstanceRecord instance, WorkClaim claim)
    {
        if (instance.Status is WorkflowStatus.Completed or WorkflowStatus.Cancelled)
        {
            return null;
        }

        switch (work.Kind)
        {
            case WorkKind.Start:
                return instance.Status == WorkflowStatus.Running ? new BurstTrigger.Start() : null;
            case WorkKind.Continue:
                // Only a paused instance is Running with work due; a fault or cancel meanwhile dropped what was due.
                return instance.Status == WorkflowStatus.Running ? new BurstTrigger.Continue() : null;
            case WorkKind.Retry:
                // {"activityId"} from ops; {"activityId", "executionNumber", "attempt"} from a retry policy.
                var retry = JsonNode.Parse(work.PayloadJson ?? "{}");
                var activityId = retry?["activityId"]?.GetValue<string>();
                return activityId is null ? null : new BurstTrigger.Retry(activityId, retry?["executionNumber"]?.GetValue<int>(), retry?["attempt"]?.GetValue<int>());
            case WorkKind.Timer:
            case WorkKind.Resume:
                // A resume's bookmark was consumed when it was accepted; a timer fires only if the claim consumed its
                // bookmark (nothing did first: a resume by token, a cancel).
                if (instance.Status == WorkflowStatus.Faulted || claim.Bookmark is not { } bookmark || (work.Kind == WorkKind.Timer && !claim.TimerFired))
                {
                    return null;
                }

                return new BurstTrigger.Resume(OpenBookmark.Of(bookmark), work.PayloadJson is null ? null : JsonNode.Parse(work.PayloadJson));
            default:
                throw new InvalidOperationException($"unknown work kind '{work.Kind}'");
        }
    }

    private static InstanceState ReadState(WorkflowInstanceRecord instance) =>
        JsonSerializer.Deserialize<InstanceState>(instance.StateJson, StateJson.Options) ?? new InstanceState();

    /// <summary>Now, to the microsecond PostgreSQL keeps: an inline answer shows the times as a read would.</summary>
    internal static DateTime ToStoredPrecision(DateTime time) => new(time.Ticks - (time.Ticks % 10), DateTimeKind.Utc);

    private DateTime Now() => ToStoredPrecision(clock.GetUtcNow().UtcDateTime);
}
