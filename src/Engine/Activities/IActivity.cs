namespace Sleek.Workflows.Engine.Activities;

/// <summary>
/// A unit of work in a flowchart. A new instance is created for every execution and its
/// <see cref="InputAttribute"/> properties are filled from the evaluated inputs first, so an
/// activity keeps no state between executions (use <see cref="ActivityContext.ActivityState"/>).
/// The class also needs an <see cref="ActivityAttribute"/> and a public parameterless constructor;
/// services come from <see cref="ActivityContext.Services"/>.
/// </summary>
public interface IActivity
{
    /// <summary>Runs the activity and says what happens next: outcome ports, a wait, or a fault.</summary>
    ValueTask<ActivityResult> ExecuteAsync(ActivityContext context);
}
