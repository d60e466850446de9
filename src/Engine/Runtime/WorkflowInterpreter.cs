using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Engine.Activities.BuiltIn;
using Sleek.Workflows.Engine.Definitions;
using Sleek.Workflows.Engine.Expressions;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// Runs one burst of a flowchart in memory: from the trigger, activity by activity through the
/// ports they take, until nothing is runnable. It touches no database; the caller commits the
/// <see cref="BurstResult"/> in one transaction.
/// </summary>
public sealed class WorkflowInterpreter
{
    private readonly ExpressionEvaluator _evaluator;
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly InterpreterOptions _options;

    /// <summary>Creates the interpreter; one instance serves every burst.</summary>
    public WorkflowInterpreter(ExpressionEvaluator evaluator, IServiceProvider services, ILoggerFactory loggerFactory, TimeProvider clock, InterpreterOptions options)
    {
        _evaluator = evaluator;
        _services = services;
        _logger = loggerFactory.CreateLogger("Sleek.Workflows.Activities");
        _clock = clock;
        _options = options;
    }

    /// <summary>Runs a burst. Never throws for activity failures: those become an incident in the result.</summary>
    public async Task<BurstResult> RunAsync(BurstRequest request, CancellationToken cancellationToken)
    {
        var burst = new Burst(this, request, cancellationToken);
        await burst.RunAsync();
        return burst.Result;
    }

    /// <summary>One burst's working set.</summary>
    private sealed class Burst
    {
        private readonly WorkflowInterpreter _owner;
        private readonly BurstRequest _request;
        private readonly CancellationToken _cancellationToken;
        private readonly ExpressionScope _scope;
        private readonly LinkedList<string> _queue = new();
        private readonly List<OpenBookmark> _open;

        public Burst(WorkflowInterpreter owner, BurstRequest request, CancellationToken cancellationToken)
        {
            _owner = owner;
            _request = request;
            _cancellationToken = cancellationToken;
            _open = [.. request.OpenBookmarks];
            var state = request.State;
            var definition = request.Definition.Definition;
            _scope = new ExpressionScope(owner._evaluator, request.InstanceId, request.CorrelationId, definition.DefinitionId, definition.Version, state.Variables, state.Input, state.Outputs);
            Result = new BurstResult { State = state, Status = WorkflowStatus.Running };
        }

        public BurstResult Result { get; }

        private CompiledDefinition Definition => _request.Definition;

        private InstanceState State => _request.State;

        public async Task RunAsync()
        {
            if (!TakePending())
            {
                State.ContinuedSteps = 0;
                return;
            }

            switch (_request.Trigger)
            {
                case BurstTrigger.Start:
                    _queue.AddLast(Definition.StartActivityId);
                    break;
                case BurstTrigger.Retry retry when Definition.HasNode(retry.ActivityId):
                    await RetryAsync(retry);
                    break;
                case BurstTrigger.Retry retry:
                    Fail(retry.ActivityId, null, 0, $"cannot retry activity '{retry.ActivityId}': this definition version does not have it");
                    break;
                case BurstTrigger.Resume resume:
                    await ResumeAsync(resume);
                    break;
                case BurstTrigger.Continue:
                    // What is due was taken from the state above.
                    break;
            }

            var options = _owner._options;
            while (_queue.First is { } next && Result.Status == WorkflowStatus.Running)
            {
                if (State.ContinuedSteps + Result.Steps >= options.MaxStepsWithoutWait)
                {
                    Fail(null, null, 0, $"more than {options.MaxStepsWithoutWait} activities ran without waiting; check for a loop that never reaches a wait or an end");
                    break;
                }

                if (Result.Steps >= options.StepsPerBurst)
                {
                    Pause();
                    break;
                }

                _queue.RemoveFirst();
                await ExecuteAsync(next.Value);
            }

            // The loop guard counts across paused bursts until the instance has nothing to run.
            State.ContinuedSteps = Result.Paused ? State.ContinuedSteps + Result.Steps : 0;
            if (Result.Status == WorkflowStatus.Running && !Result.Paused)
            {
                // A scheduled retry is a wait too: the instance is not done while one is pending.
                var waiting = _open.Count + Result.NewBookmarks.Count > 0 || State.Retries.Values.Any(r => r.NextAttemptAt is not null);
                Result.Status = waiting ? WorkflowStatus.Suspended : WorkflowStatus.Completed;
            }
        }

        /// <summary>
        /// Queues what an earlier burst left due when it paused, ahead of this burst's own trigger. False (and an
        /// incident; what was due is dropped, as a fault drops what is queued) when the definition no longer has one
        /// of those activities.
        /// </summary>
        private bool TakePending()
        {
            var missing = State.Pending.FirstOrDefault(id => !Definition.HasNode(id));
            if (missing is null)
            {
                foreach (var activityId in State.Pending)
                {
                    _queue.AddLast(activityId);
                }
            }

            State.Pending.Clear();
            if (missing is not null)
            {
                Fail(null, null, 0, $"activity '{missing}' was due to run next, but this definition version does not have it; it was dropped");
            }

            return missing is null;
        }

        /// <summary>
        /// Stops at the step bound with activities still due: they go into the state, the instance stays Running and
        /// the runner queues a continuation. Each burst thus holds one batch in memory and in its transaction.
        /// </summary>
        private void Pause()
        {
            State.Pending.AddRange(_queue);
            _queue.Clear();
            Result.Paused = true;
        }

        private async Task RetryAsync(BurstTrigger.Retry retry)
        {
            var failed = State.Retries.GetValueOrDefault(retry.ActivityId);
            if (retry.Attempt is { } attempt)
            {
                // Scheduled by the retry policy: it runs only if the state still expects exactly this try.
                if (failed?.NextAttemptAt is null || failed.ExecutionNumber != retry.ExecutionNumber || failed.FailedAttempts + 1 != attempt)
                {
                    _owner._logger.LogInformation(
                        "Retry {Attempt} of activity {ActivityId} (execution {ExecutionNumber}) of instance {InstanceId} is no longer expected; dropped",
                        attempt, retry.ActivityId, retry.ExecutionNumber, _request.InstanceId);
                    return;
                }

                await ExecuteAsync(retry.ActivityId, failed.ExecutionNumber, attempt);
                return;
            }

            // Ops retry from an incident: the same execution (so the same idempotency key), one more try.
            // Instances that faulted before retries were tracked have no entry; their failed execution is the latest one.
            var latest = State.ExecutionCounts.GetValueOrDefault(retry.ActivityId);
            var executionNumber = retry.ExecutionNumber ?? failed?.ExecutionNumber ?? (latest > 0 ? latest : null);
            await ExecuteAsync(retry.ActivityId, executionNumber, (failed?.FailedAttempts ?? (executionNumber is null ? 0 : 1)) + 1);
        }

        /// <summary>Runs an activity: a new execution, or (<paramref name="retryOf"/>) a further try of a failed one.</summary>
        private async Task ExecuteAsync(string activityId, int? retryOf = null, int attempt = 1)
        {
            var node = Definition.Node(activityId);
            var descriptor = Definition.Descriptor(activityId);
            StayInProcess(node, descriptor);
            Result.Steps++;
            var executionNumber = retryOf ?? (State.ExecutionCounts[activityId] = State.ExecutionCounts.GetValueOrDefault(activityId) + 1);
            var startedAt = Now();
            var activity = descriptor.Create();
            JsonObject inputs;
            try
            {
                inputs = InputBinder.Bind(activity, descriptor, Definition.Inputs(activityId), _scope, State.ActivityState.GetValueOrDefault(activityId) is not null);
            }
            catch (ExpressionException ex)
            {
                // A broken input fails the same way every time: no automatic retry, an incident at once.
                Journal(node, executionNumber, JournalEvent.Faulted, startedAt, null, null, null, ex.Message);
                State.Retries[node.Id] = new ActivityRetryState { ExecutionNumber = executionNumber, FailedAttempts = attempt };
                Fail(node.Id, node.Type, attempt, $"activity '{node.Id}' ({node.Type}): {ex.Message}");
                return;
            }

            var context = CreateContext(node, executionNumber, attempt);
            // A replay stubs activities with their recorded outcome; a real burst never has a stub.
            var result = _request.Stub?.Invoke(node.Id, node.Type, executionNumber)
                ?? await RunActivityAsync(node, context, () => activity.ExecuteAsync(context));
            KeepActivityState(activityId, context);
            if (result.Kind == ActivityResultKind.Fault && result.Retryable && node.Retry is { } policy && attempt < policy.MaxAttempts)
            {
                ScheduleRetry(node, policy, executionNumber, attempt, startedAt, inputs, result.Error);
                return;
            }

            Apply(node, executionNumber, startedAt, inputs, result, JournalEvent.Executed, attempt);
        }

        private void ScheduleRetry(ActivityNode node, RetryPolicy policy, int executionNumber, int attempt, DateTime startedAt, JsonObject inputs, string? error)
        {
            var delay = policy.DelayAfter(attempt, Random.Shared.NextDouble());
            var dueAt = Now() + delay;
            State.Retries[node.Id] = new ActivityRetryState { ExecutionNumber = executionNumber, FailedAttempts = attempt, NextAttemptAt = dueAt };
            Result.ScheduledRetries.Add(new ScheduledRetry(node.Id, executionNumber, attempt + 1, dueAt));
            Journal(node, executionNumber, JournalEvent.Faulted, startedAt, inputs, null, null, $"{error}; attempt {attempt} of {policy.MaxAttempts} failed, retrying in {Describe(delay)} (at {dueAt:yyyy-MM-ddTHH:mm:ss.fffZ})");
        }

        private async Task ResumeAsync(BurstTrigger.Resume resume)
        {
            var bookmark = resume.Bookmark;
            if (!Definition.HasNode(bookmark.ActivityId))
            {
                Fail(bookmark.ActivityId, null, bookmark.ExecutionNumber, $"bookmark waits on activity '{bookmark.ActivityId}', which this definition version does not have");
                return;
            }

            var node = Definition.Node(bookmark.ActivityId);
            StayInProcess(node, Definition.Descriptor(node.Id));
            Result.Steps++;
            var startedAt = Now();
            if (Definition.Descriptor(node.Id).Create() is not IResumableActivity activity)
            {
                Fail(node.Id, node.Type, bookmark.ExecutionNumber, $"activity '{node.Id}' ({node.Type}) cannot be resumed");
                return;
            }

            var context = CreateContext(node, bookmark.ExecutionNumber, 1);
            var input = new ResumeInput(bookmark.Name, bookmark.Data, resume.Payload);
            var result = await RunActivityAsync(node, context, () => activity.ResumeAsync(context, input));
            KeepActivityState(node.Id, context);
            var journalInputs = new JsonObject { ["bookmark"] = bookmark.Name, ["payload"] = resume.Payload?.DeepClone() };
            Apply(node, bookmark.ExecutionNumber, startedAt, journalInputs, result, JournalEvent.Resumed, 1);
        }

        private void StayInProcess(ActivityNode node, ActivityDescriptor descriptor)
        {
            if (_request.InProcessOnly && !descriptor.InProcess)
            {
                throw new OutOfProcessActivityException(node.Id, node.Type);
            }
        }

        private async Task<ActivityResult> RunActivityAsync(ActivityNode node, ActivityContext context, Func<ValueTask<ActivityResult>> run)
        {
            var result = await RunGuardedAsync(node, run);
            if (result.Kind == ActivityResultKind.Fault)
            {
                // The burst commits the incident; what the failed attempt wrote must not commit with it.
                await context.UndoWritesAsync(_cancellationToken);
            }

            return result;
        }

        private async Task<ActivityResult> RunGuardedAsync(ActivityNode node, Func<ValueTask<ActivityResult>> run)
        {
            using var telemetry = EngineTelemetry.StartActivity(node.Id, node.Type);
            try
            {
                return telemetry.Completed(await run());
            }
            catch (ExpressionException ex)
            {
                return telemetry.Completed(ActivityResult.Fault(ex.Message));
            }
            catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                _owner._logger.LogError(ex, "Activity {ActivityId} ({ActivityType}) of instance {InstanceId} threw", node.Id, node.Type, _request.InstanceId);
                return telemetry.Completed(ActivityResult.Fault($"unexpected {ex.GetType().Name}: {ex.Message}"));
            }
        }

        private void Apply(ActivityNode node, int executionNumber, DateTime startedAt, JsonObject inputs, ActivityResult result, JournalEvent journalEvent, int attempt)
        {
            if (result.Kind != ActivityResultKind.Fault)
            {
                // Past the failure: nothing to retry any more.
                State.Retries.Remove(node.Id);
            }

            switch (result.Kind)
            {
                case ActivityResultKind.Outcome:
                    State.Outputs[node.Id] = AsStoredJson(result.Output);
                    Journal(node, executionNumber, journalEvent, startedAt, inputs, result.Output, string.Join(",", result.Ports), null);
                    foreach (var port in result.Ports)
                    {
                        foreach (var connection in Definition.Outgoing(node.Id, port))
                        {
                            Deliver(connection);
                        }
                    }

                    break;
                case ActivityResultKind.Wait:
                    if (result.Output is not null)
                    {
                        State.Outputs[node.Id] = AsStoredJson(result.Output);
                    }

                    foreach (var request in result.Bookmarks)
                    {
                        Result.NewBookmarks.Add(new NewBookmark(Guid.NewGuid(), node.Id, executionNumber, request));
                    }

                    Journal(node, executionNumber, JournalEvent.Waiting, startedAt, inputs, result.Output, null, null);
                    break;
                case ActivityResultKind.Fault:
                    var tries = attempt > 1 ? $" (attempt {attempt})" : "";
                    Journal(node, executionNumber, JournalEvent.Faulted, startedAt, inputs, null, null, result.Error + tries);
                    State.Retries[node.Id] = new ActivityRetryState { ExecutionNumber = executionNumber, FailedAttempts = attempt };
                    Fail(node.Id, node.Type, attempt, $"activity '{node.Id}' ({node.Type}) failed{(attempt > 1 ? $" after {attempt} attempts" : "")}: {result.Error}");
                    break;
                case ActivityResultKind.CompleteWorkflow:
                    State.Outputs[node.Id] = AsStoredJson(result.Output);
                    Journal(node, executionNumber, journalEvent, startedAt, inputs, result.Output, null, null);
                    CancelWaits(_ => true);
                    _queue.Clear();
                    Result.CompletedByActivity = true;
                    Result.Status = WorkflowStatus.Completed;
                    break;
            }
        }

        /// <summary>
        /// An output as later bursts will read it back: plain JSON. An activity may build its output from CLR
        /// values (a Guid, a decimal); reading them as stored keeps expressions later in this burst from seeing
        /// anything the next burst would not.
        /// </summary>
        private static JsonNode? AsStoredJson(JsonNode? output) => output is null ? null : JsonNode.Parse(output.ToJsonString());

        private void Deliver(Connection connection)
        {
            var target = connection.Target.Activity;
            switch (Definition.JoinMode(target))
            {
                case null:
                    _queue.AddLast(target);
                    break;
                case Join.WaitAll:
                    var arrived = State.JoinArrivals.TryGetValue(target, out var list) ? list : State.JoinArrivals[target] = [];
                    var key = CompiledDefinition.KeyOf(connection);
                    if (!arrived.Contains(key))
                    {
                        arrived.Add(key);
                    }

                    if (Definition.IncomingKeys(target).All(arrived.Contains))
                    {
                        State.JoinArrivals.Remove(target);
                        _queue.AddLast(target);
                    }

                    break;
                default:
                    // WaitAny: the first branch wins; the others leading into this join are cancelled.
                    var branches = Definition.Upstream(target);
                    for (var item = _queue.First; item is not null;)
                    {
                        var following = item.Next;
                        if (branches.Contains(item.Value))
                        {
                            _queue.Remove(item);
                        }

                        item = following;
                    }

                    CancelWaits(activityId => branches.Contains(activityId));

                    // Two branches arriving in the same step (a Fork straight into the join) must not run it twice.
                    if (!_queue.Contains(target))
                    {
                        _queue.AddLast(target);
                    }

                    break;
            }
        }

        private void CancelWaits(Func<string, bool> matches)
        {
            foreach (var bookmark in _open.Where(b => matches(b.ActivityId)).ToList())
            {
                Result.CancelledBookmarks.Add(bookmark.Id);
                _open.Remove(bookmark);
                if (Definition.HasNode(bookmark.ActivityId))
                {
                    // The journal says why a wait ended without being resumed.
                    var now = Now();
                    Journal(Definition.Node(bookmark.ActivityId), bookmark.ExecutionNumber, JournalEvent.Cancelled, now, null, null, null, $"wait '{bookmark.Name}' dropped");
                }
            }

            Result.NewBookmarks.RemoveAll(b => matches(b.ActivityId));

            // A pending retry is a wait too; its queued work finds the state no longer expecting it and does nothing.
            foreach (var (activityId, retry) in State.Retries.Where(r => r.Value.NextAttemptAt is not null && matches(r.Key)).ToList())
            {
                State.Retries.Remove(activityId);
                if (Definition.HasNode(activityId))
                {
                    var now = Now();
                    Journal(Definition.Node(activityId), retry.ExecutionNumber, JournalEvent.Cancelled, now, null, null, null, $"retry {retry.FailedAttempts + 1} dropped");
                }
            }

            Result.ScheduledRetries.RemoveAll(r => matches(r.ActivityId));
        }

        private void Fail(string? activityId, string? activityType, int attempt, string error)
        {
            Result.Status = WorkflowStatus.Faulted;
            Result.Incident = new IncidentInfo(activityId, activityType, attempt, error);
            _queue.Clear();
        }

        private ActivityContext CreateContext(ActivityNode node, int executionNumber, int attempt) => new(
            _scope,
            node.Id,
            node.Type,
            executionNumber,
            attempt,
            // Handed over, not copied: the state is the activity's alone, and what it leaves in the context is kept
            // (KeepActivityState). A loop keeping a long list thus costs nothing per iteration.
            State.ActivityState.GetValueOrDefault(node.Id),
            _owner._services,
            _owner._logger,
            _owner._clock,
            _request.Transaction,
            _cancellationToken);

        private void KeepActivityState(string activityId, ActivityContext context)
        {
            if (context.ActivityState is null)
            {
                State.ActivityState.Remove(activityId);
            }
            else
            {
                State.ActivityState[activityId] = context.ActivityState;
            }
        }

        private void Journal(ActivityNode node, int executionNumber, JournalEvent journalEvent, DateTime startedAt, JsonObject? inputs, JsonNode? output, string? ports, string? error) =>
            Result.Journal.Add(new JournalEntry(node.Id, node.Type, executionNumber, journalEvent, startedAt, Now(), inputs, output?.DeepClone(), ports, error));

        private DateTime Now() => _owner._clock.GetUtcNow().UtcDateTime;

        private static string Describe(TimeSpan delay) =>
            delay < TimeSpan.FromMinutes(1) ? $"{delay.TotalSeconds:0.#} s"
            : delay < TimeSpan.FromHours(1) ? $"{(int)delay.TotalMinutes} min {delay.Seconds} s"
            : $"{(int)delay.TotalHours} h {delay.Minutes} min";
    }
}
