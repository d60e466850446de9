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
            switch (_request.Trigger)
            {
                case BurstTrigger.Start:
                    _queue.AddLast(Definition.StartActivityId);
                    break;
                case BurstTrigger.Retry retry when Definition.HasNode(retry.ActivityId):
                    _queue.AddLast(retry.ActivityId);
                    break;
                case BurstTrigger.Retry retry:
                    Fail(retry.ActivityId, null, 0, $"cannot retry activity '{retry.ActivityId}': this definition version does not have it");
                    break;
                case BurstTrigger.Resume resume:
                    await ResumeAsync(resume);
                    break;
            }

            while (_queue.First is { } next && Result.Status == WorkflowStatus.Running)
            {
                if (Result.Steps >= _owner._options.MaxStepsPerBurst)
                {
                    Fail(null, null, 0, $"more than {_owner._options.MaxStepsPerBurst} activities ran without waiting; check for a loop that never reaches a wait or an end");
                    break;
                }

                _queue.RemoveFirst();
                await ExecuteAsync(next.Value);
            }

            if (Result.Status == WorkflowStatus.Running)
            {
                Result.Status = _open.Count + Result.NewBookmarks.Count > 0 ? WorkflowStatus.Suspended : WorkflowStatus.Completed;
            }
        }

        private async Task ExecuteAsync(string activityId)
        {
            Result.Steps++;
            var node = Definition.Node(activityId);
            var descriptor = Definition.Descriptor(activityId);
            var executionNumber = State.ExecutionCounts[activityId] = State.ExecutionCounts.GetValueOrDefault(activityId) + 1;
            var startedAt = Now();
            var activity = descriptor.Create();
            JsonObject inputs;
            try
            {
                inputs = InputBinder.Bind(activity, descriptor, Definition.Inputs(activityId), _scope);
            }
            catch (ExpressionException ex)
            {
                Journal(node, executionNumber, "Faulted", startedAt, null, null, null, ex.Message);
                Fail(node.Id, node.Type, executionNumber, $"activity '{node.Id}' ({node.Type}): {ex.Message}");
                return;
            }

            var context = CreateContext(node, executionNumber);
            var result = await RunActivityAsync(node, () => activity.ExecuteAsync(context));
            KeepActivityState(activityId, context);
            Apply(node, executionNumber, startedAt, inputs, result, "Executed");
        }

        private async Task ResumeAsync(BurstTrigger.Resume resume)
        {
            var bookmark = resume.Bookmark;
            if (!Definition.HasNode(bookmark.ActivityId))
            {
                Fail(bookmark.ActivityId, null, bookmark.ExecutionNumber, $"bookmark waits on activity '{bookmark.ActivityId}', which this definition version does not have");
                return;
            }

            Result.Steps++;
            var node = Definition.Node(bookmark.ActivityId);
            var startedAt = Now();
            if (Definition.Descriptor(node.Id).Create() is not IResumableActivity activity)
            {
                Fail(node.Id, node.Type, bookmark.ExecutionNumber, $"activity '{node.Id}' ({node.Type}) cannot be resumed");
                return;
            }

            var context = CreateContext(node, bookmark.ExecutionNumber);
            var input = new ResumeInput(bookmark.Name, bookmark.Data, resume.Payload);
            var result = await RunActivityAsync(node, () => activity.ResumeAsync(context, input));
            KeepActivityState(node.Id, context);
            var journalInputs = new JsonObject { ["bookmark"] = bookmark.Name, ["payload"] = resume.Payload?.DeepClone() };
            Apply(node, bookmark.ExecutionNumber, startedAt, journalInputs, result, "Resumed");
        }

        private async Task<ActivityResult> RunActivityAsync(ActivityNode node, Func<ValueTask<ActivityResult>> run)
        {
            try
            {
                return await run();
            }
            catch (ExpressionException ex)
            {
                return ActivityResult.Fault(ex.Message);
            }
            catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                _owner._logger.LogError(ex, "Activity {ActivityId} ({ActivityType}) of instance {InstanceId} threw", node.Id, node.Type, _request.InstanceId);
                return ActivityResult.Fault($"unexpected {ex.GetType().Name}: {ex.Message}");
            }
        }

        private void Apply(ActivityNode node, int executionNumber, DateTime startedAt, JsonObject inputs, ActivityResult result, string journalEvent)
        {
            switch (result.Kind)
            {
                case ActivityResultKind.Outcome:
                    State.Outputs[node.Id] = result.Output?.DeepClone();
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
                        State.Outputs[node.Id] = result.Output.DeepClone();
                    }

                    foreach (var request in result.Bookmarks)
                    {
                        Result.NewBookmarks.Add(new NewBookmark(Guid.NewGuid(), node.Id, executionNumber, request));
                    }

                    Journal(node, executionNumber, "Waiting", startedAt, inputs, result.Output, null, null);
                    break;
                case ActivityResultKind.Fault:
                    Journal(node, executionNumber, "Faulted", startedAt, inputs, null, null, result.Error);
                    Fail(node.Id, node.Type, executionNumber, $"activity '{node.Id}' ({node.Type}) failed: {result.Error}");
                    break;
                case ActivityResultKind.CompleteWorkflow:
                    State.Outputs[node.Id] = result.Output?.DeepClone();
                    Journal(node, executionNumber, journalEvent, startedAt, inputs, result.Output, null, null);
                    CancelWaits(_ => true);
                    _queue.Clear();
                    Result.Status = WorkflowStatus.Completed;
                    break;
            }
        }

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
                    Journal(Definition.Node(bookmark.ActivityId), bookmark.ExecutionNumber, "Cancelled", now, null, null, null, $"wait '{bookmark.Name}' dropped");
                }
            }

            Result.NewBookmarks.RemoveAll(b => matches(b.ActivityId));
        }

        private void Fail(string? activityId, string? activityType, int attempt, string error)
        {
            Result.Status = WorkflowStatus.Faulted;
            Result.Incident = new IncidentInfo(activityId, activityType, attempt, error);
            _queue.Clear();
        }

        private ActivityContext CreateContext(ActivityNode node, int executionNumber) => new(
            _scope,
            node.Id,
            node.Type,
            executionNumber,
            State.ActivityState.GetValueOrDefault(node.Id)?.DeepClone(),
            _owner._services,
            _owner._logger,
            _owner._clock,
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

        private void Journal(ActivityNode node, int executionNumber, string journalEvent, DateTime startedAt, JsonObject? inputs, JsonNode? output, string? ports, string? error) =>
            Result.Journal.Add(new JournalEntry(node.Id, node.Type, executionNumber, journalEvent, startedAt, Now(), inputs, output?.DeepClone(), ports, error));

        private DateTime Now() => _owner._clock.GetUtcNow().UtcDateTime;
    }
}
