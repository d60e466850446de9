using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Activities.BuiltIn;

/// <summary>
/// Starts a child instance of a published workflow and goes on at once through <c>Done</c>, with
/// <c>{instanceId, definitionId, version}</c> as output. The child commits with this burst and records its parent; a
/// cancel of the parent cancels it too while it runs.
/// </summary>
[Activity("DispatchWorkflow", InProcess = true, Category = "Workflows", DisplayName = "Dispatch workflow", Description = "Starts a child instance of a published workflow and goes on without waiting; output {instanceId, definitionId, version}.", OutputType = "object")]
public sealed class DispatchWorkflow : IActivity
{
    /// <summary>The child's workflow (definition id).</summary>
    [Input(Required = true, Description = "Definition id of the workflow to start, e.g. send-reminders.")]
    public string WorkflowId { get; set; } = "";

    /// <summary>Its version; 0 for the latest published one.</summary>
    [Input(Description = "Published version to run; 0 (default) takes the latest one when the activity runs.")]
    public int Version { get; set; }

    /// <summary>The child's start input.</summary>
    [Input(Description = "Start input of the child, an object checked against its declared inputs.")]
    public JsonNode? Input { get; set; }

    /// <summary>The child's correlation id; defaults to the parent's.</summary>
    [Input(Description = "Correlation id of the child; default: this instance's.")]
    public string? CorrelationId { get; set; }

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var started = await ChildStarter.StartAsync(context, WorkflowId, Version, Input, CorrelationId);
        return started.Error is { } error ? ActivityResult.Fault(error, started.Retryable) : ActivityResult.Done(started.ToJson());
    }
}
