namespace Sleek.Workflows.Engine.Activities.BuiltIn;

/// <summary>Completes the workflow at once, dropping waits still open on other branches.</summary>
[Activity("End", InProcess = true, Category = "Flow", Ports = [], Description = "Completes the workflow now; waits on other branches are dropped.")]
public sealed class End : IActivity
{
    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.CompleteWorkflow());
}
