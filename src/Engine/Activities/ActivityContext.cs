using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Sleek.Workflows.Engine.Expressions;

namespace Sleek.Workflows.Engine.Activities;

/// <summary>What an executing activity can see and change. Created by the interpreter for one execution.</summary>
public sealed class ActivityContext
{
    private static long _savepoints;
    private readonly ExpressionScope _scope;
    private readonly BurstTransaction? _transaction;
    private string? _savepoint;

    internal ActivityContext(
        ExpressionScope scope,
        string activityId,
        string activityType,
        int executionNumber,
        int attempt,
        JsonNode? activityState,
        IServiceProvider services,
        ILogger logger,
        TimeProvider clock,
        BurstTransaction? transaction,
        CancellationToken cancellationToken)
    {
        _scope = scope;
        ActivityId = activityId;
        ActivityType = activityType;
        ExecutionNumber = executionNumber;
        Attempt = attempt;
        ActivityState = activityState;
        Services = services;
        Logger = logger;
        Clock = clock;
        _transaction = transaction;
        CancellationToken = cancellationToken;
    }

    /// <summary>The running instance.</summary>
    public Guid InstanceId => _scope.InstanceId;

    /// <summary>The instance's correlation id (e.g. a quote id), if any.</summary>
    public string? CorrelationId => _scope.CorrelationId;

    /// <summary>The activity's id in the definition.</summary>
    public string ActivityId { get; }

    /// <summary>The activity's type name.</summary>
    public string ActivityType { get; }

    /// <summary>1 for the first execution of this activity in this instance, 2 for the second (loops), …</summary>
    public int ExecutionNumber { get; }

    /// <summary>
    /// 1 for the first try of this execution, 2 for its first retry, …: retries (by the activity's
    /// retry policy or by ops from an incident) keep the <see cref="ExecutionNumber"/> and count up here.
    /// </summary>
    public int Attempt { get; }

    /// <summary>
    /// A key that is the same across retries of this execution and different for every other one:
    /// use it as the idempotency key of calls to the outside world.
    /// </summary>
    public string IdempotencyKey => $"{InstanceId:N}:{ActivityId}:{ExecutionNumber}";

    /// <summary>State the activity keeps across its executions in this instance (e.g. a loop index). Set it to change it.</summary>
    public JsonNode? ActivityState { get; set; }

    /// <summary>Services of the host (HTTP clients, domain services).</summary>
    public IServiceProvider Services { get; }

    /// <summary>Logger scoped to the instance and activity.</summary>
    public ILogger Logger { get; }

    /// <summary>The runtime's clock; use it instead of <see cref="DateTime.UtcNow"/> so tests can control time.</summary>
    public TimeProvider Clock { get; }

    /// <summary>
    /// The database transaction of this burst, for activities that write records of their own; null when
    /// the interpreter runs without a database (unit tests, benchmarks). The first access sets a savepoint
    /// (one round trip): when the activity then faults, its writes are rolled back to it, so a failed
    /// attempt leaves nothing behind while the burst still commits the incident and what earlier
    /// activities did.
    /// </summary>
    public BurstTransaction? Transaction
    {
        get
        {
            if (_transaction is not null && _savepoint is null)
            {
                _savepoint = $"sleek_activity_{Interlocked.Increment(ref _savepoints)}";
                _transaction.Transaction.Save(_savepoint);
            }

            return _transaction;
        }
    }

    /// <summary>Cancelled when the host shuts down.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Undoes what the activity wrote through <see cref="Transaction"/> (after it faulted).</summary>
    internal async ValueTask UndoWritesAsync(CancellationToken cancellationToken)
    {
        if (_savepoint is not null)
        {
            await _transaction!.Transaction.RollbackAsync(_savepoint, cancellationToken);
        }
    }

    /// <summary>The instance's start input (read only; internal to built-in activities).</summary>
    internal JsonObject Input => _scope.Input;

    /// <summary>The latest output of each activity so far (read only; internal to built-in activities).</summary>
    internal JsonObject Outputs => _scope.Outputs;

    /// <summary>Reads a variable (a deep copy; change it with <see cref="SetVariable"/>).</summary>
    public JsonNode? GetVariable(string name) => _scope.Variables[name]?.DeepClone();

    /// <summary>Whether the instance has this variable.</summary>
    public bool HasVariable(string name) => _scope.Variables.ContainsKey(name);

    /// <summary>Sets a variable of the instance.</summary>
    public void SetVariable(string name, JsonNode? value) => _scope.Variables[name] = value?.DeepClone();

    /// <summary>Evaluates JavaScript in the sandbox against the instance's variables, input and outputs.</summary>
    /// <exception cref="ExpressionException">The script failed or broke a sandbox limit.</exception>
    public JsonNode? EvaluateJavaScript(string script) => _scope.Evaluator.EvaluateJavaScript(script, _scope);
}
