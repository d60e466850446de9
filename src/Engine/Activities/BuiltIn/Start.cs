namespace Sleek.Workflows.Engine.Activities.BuiltIn;

/// <summary>Where every instance begins. A definition has exactly one.</summary>
[Activity("Start", InProcess = true, Category = "Flow", Description = "Where the workflow begins.")]
public sealed class Start : IActivity
{
    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done());
}
