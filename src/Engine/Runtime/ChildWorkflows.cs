using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// Starts child instances for ExecuteWorkflow and DispatchWorkflow, in the parent's burst transaction: the child's row
/// (with its parent, the activity and its execution) and its start work commit with the parent's burst or not at all,
/// and a worker of any host runs the child. Its id is derived from the parent's activity execution
/// (<see cref="ChildInstances.ChildId"/>), so a replay never starts a second child.
/// </summary>
public sealed class ChildWorkflows(DefinitionStore definitions, EngineDb engineDb, TimeProvider clock, ILogger<ChildWorkflows> logger)
{
    /// <summary>Starts (or finds) the child of this activity execution; a fault result when it cannot be started.</summary>
    internal async Task<ChildStart> StartAsync(ActivityContext context, string workflowId, int? version, JsonObject input, string? correlationId)
    {
        if (context.Transaction is not { } transaction)
        {
            return ChildStart.Refused("a child workflow needs the burst's database transaction (none here: the interpreter runs without a database)", retryable: false);
        }

        var latest = await definitions.LatestVersionAsync(workflowId, context.CancellationToken);
        var chosen = version is > 0 ? version.Value : latest ?? 0;
        if (latest is null || chosen == 0)
        {
            return ChildStart.Refused(latest is null
                ? $"workflow '{workflowId}' does not exist; publish it, then retry this instance"
                : $"workflow '{workflowId}' has no published version yet; publish it, then retry this instance", retryable: false);
        }

        var definition = await definitions.GetCompiledAsync(workflowId, chosen, context.CancellationToken);
        if (definition is null)
        {
            return ChildStart.Refused($"workflow '{workflowId}' has no published version {chosen}", retryable: false);
        }

        var errors = WorkflowInputCheck.Check(definition.Definition, input);
        if (errors.Count > 0)
        {
            var fields = string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"));
            return ChildStart.Refused($"the input for workflow '{workflowId}' v{chosen} does not match its declared inputs: {fields}", retryable: false);
        }

        var state = new InstanceState { Input = (JsonObject)input.DeepClone() };
        foreach (var variable in definition.Definition.Variables)
        {
            state.Variables[variable.Name] = variable.Default?.DeepClone();
        }

        var now = BurstRunner.ToStoredPrecision(clock.GetUtcNow().UtcDateTime);
        var child = new WorkflowInstanceRecord
        {
            Id = ChildInstances.ChildId(context.InstanceId, context.ActivityId, context.ExecutionNumber),
            DefinitionId = workflowId,
            Version = chosen,
            Status = WorkflowStatus.Running,
            CorrelationId = correlationId,
            StateJson = JsonSerializer.Serialize(state, StateJson.Options),
            CreatedAt = now,
            UpdatedAt = now,
            ParentInstanceId = context.InstanceId,
            ParentActivityId = context.ActivityId,
            ParentExecutionNumber = context.ExecutionNumber,
        };
        await using var db = engineDb.CreateContext(transaction);
        var started = await ChildInstances.StartAsync(db, child, now, context.CancellationToken);
        logger.LogInformation(
            "Instance {InstanceId} activity {ActivityId} started child {ChildInstanceId} of {DefinitionId} v{Version}",
            context.InstanceId, context.ActivityId, started.Id, started.DefinitionId, started.Version);
        return new ChildStart(started.Id, started.DefinitionId, started.Version, null, true);
    }
}

/// <summary>The child an activity started, or why it could not.</summary>
internal sealed record ChildStart(Guid InstanceId, string DefinitionId, int Version, string? Error, bool Retryable)
{
    public static ChildStart Refused(string error, bool retryable) => new(Guid.Empty, "", 0, error, retryable);

    /// <summary>What the activity outputs about the child.</summary>
    public JsonObject ToJson() => new() { ["instanceId"] = InstanceId.ToString(), ["definitionId"] = DefinitionId, ["version"] = Version };
}
