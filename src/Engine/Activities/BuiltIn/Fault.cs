namespace Sleek.Workflows.Engine.Activities.BuiltIn;

/// <summary>Fails the instance on purpose; ops see an incident with the message.</summary>
[Activity("Fault", InProcess = true, Category = "Primitives", Ports = [], Description = "Fails the instance with a message; ops see an incident.")]
public sealed class Fault : IActivity
{
    /// <summary>Why it failed and what ops should do.</summary>
    [Input(Required = true, Description = "The error message ops will see.")]
    public string Message { get; set; } = "";

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Fault(Message));
}
