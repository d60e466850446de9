using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Activities.BuiltIn;

/// <summary>
/// Starts a child instance of a published workflow and waits for it to end: Completed continues through
/// <c>Completed</c>, Faulted or Cancelled through <c>Faulted</c>, with the child's outcome as output
/// (<c>{instanceId, definitionId, version, status, output, error}</c>; <c>output</c> is the child's variables). The child
/// and its start commit with this burst; its end resumes this wait in the transaction that ends it. Only the child's end
/// resumes it: a resume by token is refused, and it has no correlation key for events.
/// </summary>
[Activity("ExecuteWorkflow", InProcess = true, Category = "Workflows", DisplayName = "Execute workflow", Ports = ["Completed", "Faulted"], Description = "Starts a child instance of a published workflow and waits for it: Completed → Completed, Faulted or Cancelled → Faulted; output {instanceId, status, output (the child's variables), error}.", OutputType = "object")]
public sealed class ExecuteWorkflow : ChildWorkflowActivity, IResumableActivity
{
    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var started = await StartChildAsync(context);
        if (started.Error is { } error)
        {
            return ActivityResult.Fault(error, started.Retryable);
        }

        var data = started.ToJson();
        return ActivityResult.Wait(new BookmarkRequest(ChildBookmarkName, Data: data), data);
    }

    /// <inheritdoc />
    /// <remarks>The engine resumes this wait from the child's end without asking; any caller's payload is refused.</remarks>
    public IReadOnlyDictionary<string, string> ValidateResumeInput(JsonObject bookmarkData, JsonNode? input) =>
        new Dictionary<string, string> { ["token"] = "this wait ends when its child workflow ends; it cannot be resumed by a caller" };

    /// <inheritdoc />
    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput resume)
    {
        var outcome = resume.Payload as JsonObject ?? [];
        var port = outcome["status"]?.GetValue<string>() == nameof(WorkflowStatus.Completed) ? "Completed" : "Faulted";
        return ValueTask.FromResult(ActivityResult.Outcome(port, outcome.DeepClone()));
    }

    internal const string ChildBookmarkName = Persistence.ChildInstances.BookmarkName;
}

/// <summary>What ExecuteWorkflow and DispatchWorkflow share: the checks of their inputs and the start.</summary>
internal static class ChildStarter
{
    public static async Task<ChildStart> StartAsync(ActivityContext context, string workflowId, int version, JsonNode? input, string? correlationId)
    {
        if (string.IsNullOrWhiteSpace(workflowId))
        {
            return ChildStart.Refused("workflowId evaluated to an empty string", retryable: false);
        }

        if (version < 0)
        {
            return ChildStart.Refused($"version {version} is negative; use 0 for the latest published version", retryable: false);
        }

        if (input is not null and not JsonObject)
        {
            return ChildStart.Refused("input must be an object of the child's inputs", retryable: false);
        }

        var children = context.Services.GetRequiredService<ChildWorkflows>();
        return await children.StartAsync(context, workflowId, version, (JsonObject?)input ?? [], string.IsNullOrEmpty(correlationId) ? context.CorrelationId : correlationId);
    }
}
