using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Activities.BuiltIn;

/// <summary>The inputs ExecuteWorkflow and DispatchWorkflow share: which child to start, and with what.</summary>
public abstract class ChildWorkflowActivity
{
    /// <summary>The child's workflow (definition id).</summary>
    [Input(Required = true, Description = "Definition id of the workflow to run as a child, e.g. check-stock.")]
    public string WorkflowId { get; set; } = "";

    /// <summary>Its version; 0 for the latest published one when the activity runs.</summary>
    [Input(Description = "Published version to run; 0 (default) takes the latest one when the activity runs.")]
    public int Version { get; set; }

    /// <summary>The child's start input (checked against its declared inputs).</summary>
    [Input(Description = "Start input of the child, an object checked against its declared inputs.")]
    public JsonNode? Input { get; set; }

    /// <summary>The child's correlation id; defaults to the parent's.</summary>
    [Input(Description = "Correlation id of the child; default: this instance's.")]
    public string? CorrelationId { get; set; }

    /// <summary>Starts the child in this burst's transaction (or finds the one a replayed burst already started).</summary>
    private protected Task<ChildStart> StartChildAsync(ActivityContext context) =>
        ChildStarter.StartAsync(context, WorkflowId, Version, Input, CorrelationId);
}
