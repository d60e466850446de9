using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Sleek.Workflows.Engine.Definitions;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime.Views;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// The commands clients give the engine: start, resume by token, publish an event, cancel, retry.
/// A start or resume runs its burst in the request, in one transaction with the bookmark it consumes
/// (<see cref="BurstRunner"/>'s inline mode). Otherwise — instance busy with another burst, a burst that failed,
/// the further waits an event resumes, an ops retry — the work is queued in the same transaction as
/// the state change and run at once in the request when no worker has taken it first; the workers
/// pick up anything left. Every resume a caller asks for (token, event, task) first passes the
/// <see cref="ResumeGate"/>, which carries the caller to the host's guards.
/// </summary>
public sealed class WorkflowRuntime(
    IBurstStore store,
    InstanceStore instances,
    DefinitionStore definitions,
    InstanceQueries queries,
    WorkQueue queue,
    BurstRunner runner,
    ResumeGate gate,
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

        var latest = await definitions.LatestVersionAsync(request.DefinitionId, cancellationToken);
        if (latest is null)
        {
            return OperationResult<InstanceView>.NotFound($"workflow '{request.DefinitionId}' does not exist");
        }

        var version = request.Version ?? latest.Value;
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

        var now = Now();
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
        if (await runner.StartInlineAsync(NewInstance(), definition, burstState, cancellationToken) is { } ran)
        {
            return OperationResult<InstanceView>.Created(ran);
        }

        // The inline burst failed and kept nothing: queue the start, which retries it with backoff and finally faults.
        var work = new WorkItemRecord { InstanceId = instanceId, Kind = WorkKind.Start, CreatedAt = now, AvailableAt = now };
        queue.LeaseToSelf(work);
        await using (var session = await store.BeginAsync(cancellationToken))
        {
            await store.InsertInstanceAsync(session, NewInstance(), cancellationToken);
            store.AddWork(session, work);
            await session.CommitAsync(cancellationToken);
        }

        await RunLeasedAsync(work, cancellationToken);
        return OperationResult<InstanceView>.Created((await queries.GetAsync(instanceId, includeJournal: false, cancellationToken))!);
    }

    /// <summary>
    /// Resumes the wait a token names, exactly once: the bookmark is consumed by a conditional update,
    /// so of any number of racing requests one wins and the rest get a conflict with the current state.
    /// </summary>
    public Task<OperationResult<InstanceView>> ResumeAsync(string token, JsonNode? payload, ResumeCaller caller, CancellationToken cancellationToken) =>
        ResumeAsync(token, payload, caller, ResumePath.Token, cancellationToken);

    /// <summary>
    /// As <see cref="ResumeAsync(string, JsonNode?, ResumeCaller, CancellationToken)"/>, naming the path the caller took
    /// (a task's completion resumes its bookmark too). The <see cref="ResumeGate"/> is asked first, on every path.
    /// </summary>
    public async Task<OperationResult<InstanceView>> ResumeAsync(string token, JsonNode? payload, ResumeCaller caller, ResumePath path, CancellationToken cancellationToken)
    {
        const string Unknown = "no bookmark has this token";
        if (!gate.Active)
        {
            return await ResumeTokenAsync(token, payload, cancellationToken);
        }

        // The common case asks the gate inside the burst's own transaction, right after its claim locked the instance and
        // consumed the wait (a refusal rolls both back), so guards read what they need through that transaction: no
        // look-up of the token before, no connection of their own.
        ResumeAttempt? admitted = null;
        var inline = await runner.ResumeInlineAsync(
            token,
            payload,
            async (claim, transaction, ct) =>
            {
                var attempt = ResumeAttempt.Of(path, caller, claim.Resumed, claim.Instance.DefinitionId, claim.Instance.CorrelationId)
                    with { Payload = payload, IsOpen = true, Transaction = transaction };
                var refusal = await gate.CheckAsync([attempt], ct);
                admitted = refusal is null ? attempt with { Transaction = null } : null;
                return refusal;
            },
            cancellationToken);
        if (inline.Refused is { } refused)
        {
            return ResumeGate.Answer<InstanceView>(refused, Unknown);
        }

        if (admitted is not null)
        {
            // Allowed; run here, or not (a refused payload, a burst that needs the queued path): the gate is not asked twice.
            var result = inline.Ran is { } ran ? OperationResult<InstanceView>.Ok(ran) : await ResumeQueuedAsync(token, payload, cancellationToken);
            if (result.Status == OperationStatus.Ok)
            {
                await gate.ResumedAsync(admitted, cancellationToken);
            }

            return result;
        }

        // Nothing claimed (unknown token, a wait already resumed, an instance finished or busy): the gate is asked about
        // the wait as it is, so a refusal hides from a caller what it may not see before the answer says why.
        if (await instances.FindByTokenAsync(token, cancellationToken) is not var (bookmark, definitionId, _, correlationId))
        {
            return OperationResult<InstanceView>.NotFound(Unknown);
        }

        var asked = ResumeAttempt.Of(path, caller, bookmark, definitionId, correlationId) with { Payload = payload };
        if (await gate.CheckAsync([asked], cancellationToken) is { } refusal)
        {
            return ResumeGate.Answer<InstanceView>(refusal, Unknown);
        }

        var queued = await ResumeQueuedAsync(token, payload, cancellationToken);
        if (queued.Status == OperationStatus.Ok)
        {
            await gate.ResumedAsync(asked, cancellationToken);
        }

        return queued;
    }

    /// <summary>Publishes an event: resumes every open wait for this name and correlation id, after the <see cref="ResumeGate"/> allowed all of them.</summary>
    public async Task<OperationResult<EventResult>> PublishEventAsync(string eventName, string correlationId, JsonNode? payload, ResumeCaller caller, CancellationToken cancellationToken)
    {
        var none = $"no workflow waits for event '{eventName}' with correlation id '{correlationId}'";
        var matching = await instances.ForEventAsync(eventName, correlationId, cancellationToken);
        if (matching.Count == 0 || !gate.Active)
        {
            return matching.Count == 0 ? OperationResult<EventResult>.NotFound(none) : (await DeliverAsync(eventName, correlationId, payload, matching, cancellationToken)).Answer;
        }

        // Consumed waits are asked about too: a refusal must hide them as well as the open ones.
        var owners = await instances.CorrelationsAsync([.. matching.Select(b => b.InstanceId).Distinct()], cancellationToken);
        var attempts = matching.Where(b => owners.ContainsKey(b.InstanceId))
            .ToDictionary(b => b.Id, b => ResumeAttempt.Of(ResumePath.Event, caller, b, owners[b.InstanceId].DefinitionId, owners[b.InstanceId].CorrelationId));
        if (await gate.CheckAsync(attempts.Values, cancellationToken) is { } refusal)
        {
            return ResumeGate.Answer<EventResult>(refusal, none);
        }

        var (answer, consumed) = await DeliverAsync(eventName, correlationId, payload, matching, cancellationToken);
        foreach (var bookmarkId in consumed)
        {
            if (attempts.TryGetValue(bookmarkId, out var attempt))
            {
                await gate.ResumedAsync(attempt, cancellationToken);
            }
        }

        return answer;
    }

    private async Task<OperationResult<InstanceView>> ResumeTokenAsync(string token, JsonNode? payload, CancellationToken cancellationToken) =>
        (await runner.ResumeInlineAsync(token, payload, admit: null, cancellationToken)).Ran is { } ran
            ? OperationResult<InstanceView>.Ok(ran)
            : await ResumeQueuedAsync(token, payload, cancellationToken);

    /// <summary>
    /// A resume not run inline: an unknown token, a consumed bookmark, a refused payload (each answered here), an
    /// instance busy with another burst or a burst that failed (both queued, then run here unless a worker was first).
    /// </summary>
    private async Task<OperationResult<InstanceView>> ResumeQueuedAsync(string token, JsonNode? payload, CancellationToken cancellationToken)
    {
        // The instance's definition version comes along, for checking the payload without another query.
        if (await instances.FindByTokenAsync(token, cancellationToken) is not var (bookmark, definitionId, version, _))
        {
            return OperationResult<InstanceView>.NotFound("no bookmark has this token");
        }

        var definition = (definitionId, version);
        var outcome = await ConsumeAndQueueAsync(bookmark, definition, payload, runHere: true, cancellationToken);
        if (outcome.Status != OperationStatus.Ok)
        {
            return new OperationResult<InstanceView>(outcome.Status, outcome.Value?.Current, outcome.Message, outcome.Errors);
        }

        await RunLeasedAsync(outcome.Value!.Item!, cancellationToken);
        return OperationResult<InstanceView>.Ok((await queries.GetAsync(bookmark.InstanceId, includeJournal: false, cancellationToken))!);
    }

    /// <summary>Resumes every open wait of <paramref name="matching"/>; returns the answer and the waits this request consumed.</summary>
    private async Task<(OperationResult<EventResult> Answer, List<Guid> Consumed)> DeliverAsync(string eventName, string correlationId, JsonNode? payload, List<BookmarkRecord> matching, CancellationToken cancellationToken)
    {
        var consumed = new List<Guid>();
        var queued = new List<(Guid InstanceId, WorkItemRecord Item)>();
        var resumed = new List<InstanceView>();
        OperationResult<QueuedWork>? lastRefusal = null;
        foreach (var bookmark in matching.Where(b => b.ConsumedAt is null))
        {
            // This request runs the first resume itself, inline when it can; the others are announced, so idle
            // workers of any host share them.
            var first = queued.Count == 0 && resumed.Count == 0;
            if (first && (await runner.ResumeInlineAsync(bookmark.Token, payload, admit: null, cancellationToken)).Ran is { } ran)
            {
                resumed.Add(ran);
                consumed.Add(bookmark.Id);
                continue;
            }

            var outcome = await ConsumeAndQueueAsync(bookmark, null, payload, runHere: first, cancellationToken);
            if (outcome.Status == OperationStatus.Ok)
            {
                queued.Add((bookmark.InstanceId, outcome.Value!.Item!));
                consumed.Add(bookmark.Id);
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
                return (OperationResult<EventResult>.Invalid(lastRefusal.Message!, lastRefusal.Errors!), consumed);
            }

            var current = new List<InstanceView>();
            foreach (var instanceId in matching.Select(b => b.InstanceId).Distinct())
            {
                current.Add((await queries.GetAsync(instanceId, includeJournal: false, cancellationToken))!);
            }

            var delivered = OperationResult<EventResult>.Conflict(
                $"event '{eventName}' for '{correlationId}' was already delivered; its waits are consumed",
                new EventResult(eventName, correlationId, current));
            return (delivered, consumed);
        }

        foreach (var (instanceId, item) in queued)
        {
            await (item.LockedBy is null ? RunNowAsync(item.Id, cancellationToken) : RunLeasedAsync(item, cancellationToken));
            resumed.Add((await queries.GetAsync(instanceId, includeJournal: false, cancellationToken))!);
        }

        return (OperationResult<EventResult>.Ok(new EventResult(eventName, correlationId, resumed)), consumed);
    }

    /// <summary>Cancels an instance: its waits and queued work are removed and it never resumes.</summary>
    public async Task<OperationResult<InstanceView>> CancelAsync(Guid instanceId, string? reason, CancellationToken cancellationToken)
    {
        var change = await instances.CancelAsync(instanceId, reason, Now(), cancellationToken);
        if (!change.Found)
        {
            return OperationResult<InstanceView>.NotFound($"instance {instanceId} does not exist");
        }

        if (!change.Changed)
        {
            return OperationResult<InstanceView>.Conflict($"instance {instanceId} is already {change.Status}", await queries.GetAsync(instanceId, false, cancellationToken));
        }

        logger.LogInformation("Cancelled instance {InstanceId}: {Reason}", instanceId, reason ?? "no reason given");
        if (change.CancelledChildren.Count > 0)
        {
            logger.LogInformation("Cancelled {Count} child instances of {InstanceId} with it: {ChildInstanceIds}", change.CancelledChildren.Count, instanceId, change.CancelledChildren);
        }

        if (change.ResumedParent)
        {
            signal.Pulse();
        }

        return OperationResult<InstanceView>.Ok((await queries.GetAsync(instanceId, false, cancellationToken))!);
    }

    /// <summary>Retries a faulted instance from the activity that failed, with its current variables.</summary>
    public async Task<OperationResult<InstanceView>> RetryAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        var change = await instances.RetryAsync(instanceId, Now(), cancellationToken);
        if (!change.Found)
        {
            return OperationResult<InstanceView>.NotFound($"instance {instanceId} does not exist");
        }

        if (!change.Changed)
        {
            return OperationResult<InstanceView>.Conflict(
                $"instance {instanceId} is {change.Status} without an open incident; only faulted instances can be retried",
                await queries.GetAsync(instanceId, false, cancellationToken));
        }

        if (change.Queued is { } work)
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

        ConsumeOutcome consumed;
        WorkItemRecord work;
        await using (var session = await store.BeginAsync(cancellationToken))
        {
            var now = Now();
            consumed = await store.ConsumeAsync(session, bookmark, now, onlyIfInstanceResumes: true, cancellationToken);
            work = new WorkItemRecord
            {
                InstanceId = bookmark.InstanceId,
                Kind = WorkKind.Resume,
                BookmarkId = bookmark.Id,
                PayloadJson = payload?.ToJsonString(),
                CreatedAt = now,
                AvailableAt = now,
            };
            if (consumed.Consumed)
            {
                if (runHere)
                {
                    queue.LeaseToSelf(work);
                }

                store.AddWork(session, work);
                await session.CommitAsync(cancellationToken);
            }
        }

        if (!consumed.Consumed)
        {
            var status = consumed.InstanceStatus;
            return await ConflictAsync(
                bookmark,
                status is WorkflowStatus.Suspended or WorkflowStatus.Running ? AlreadyConsumed(bookmark) : $"instance {bookmark.InstanceId} is {status} and does not resume",
                cancellationToken);
        }

        return OperationResult<QueuedWork>.Ok(new QueuedWork(work));
    }

    private async Task<OperationResult<QueuedWork>?> ValidatePayloadAsync(BookmarkRecord bookmark, (string DefinitionId, int Version)? known, JsonNode? payload, CancellationToken cancellationToken)
    {
        var (definitionId, version) = known
            ?? await instances.DefinitionOfAsync(bookmark.InstanceId, cancellationToken)
            ?? throw new InvalidOperationException($"instance {bookmark.InstanceId} of bookmark {bookmark.Id} does not exist");
        var definition = await definitions.GetCompiledAsync(definitionId, version, cancellationToken);
        var errors = definition is null ? new Dictionary<string, string>() : ResumePayload.Problems(definition, bookmark, payload);
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
        bookmark.Outcome == BookmarkOutcome.Cancelled
            ? $"the wait of activity '{bookmark.ActivityId}' was cancelled; it will not resume"
            : $"the wait of activity '{bookmark.ActivityId}' was already resumed; a bookmark runs at most once";

    /// <summary>Runs an item this request leased to itself when queuing it (see <see cref="WorkQueue.LeaseToSelf"/>).</summary>
    private Task RunLeasedAsync(WorkItemRecord item, CancellationToken cancellationToken) =>
        runner.RunLeasedAsync(WorkQueue.Leased(item), cancellationToken);

    private async Task RunNowAsync(long workItemId, CancellationToken cancellationToken)
    {
        // Run it in this request so the caller sees the result; only if another worker got there first
        // (or takes it after a failure) does the background queue carry it.
        var claimed = await queue.ClaimAsync(workItemId, cancellationToken);
        if (claimed is not null)
        {
            await runner.RunLeasedAsync(claimed, cancellationToken);
        }
        else
        {
            signal.Pulse();
        }
    }

    private DateTime Now() => BurstRunner.ToStoredPrecision(clock.GetUtcNow().UtcDateTime);

    /// <summary>A queued resume (or, on conflict, the instance as it is).</summary>
    private sealed record QueuedWork(WorkItemRecord? Item, InstanceView? Current = null);
}
