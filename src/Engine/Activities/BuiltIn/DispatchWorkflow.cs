namespace Sleek.Workflows.Engine.Activities.BuiltIn;

/// <summary>
/// Starts a child instance of a published workflow and goes on at once through <c>Done</c>, with
/// <c>{instanceId, definitionId, version}</c> as output. The child commits with this burst and records its parent; a
/// cancel of the parent cancels it too while it runs.
/// </summary>
[Activity("DispatchWorkflow", InProcess = true, Category = "Workflows", DisplayName = "Dispatch workflow", Description = "Starts a child instance of a published workflow and goes on without waiting; output {instanceId, definitionId, version}.", OutputType = "object")]
public sealed class DispatchWorkflow : ChildWorkflowActivity, IActivity
{
    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var started = await StartChildAsync(context);
        return started.Error is { } error ? ActivityResult.Fault(error, started.Retryable) : ActivityResult.Done(started.ToJson());
    }
}
