using Microsoft.Extensions.Logging;

namespace Sleek.Workflows.Engine.Activities.BuiltIn;

/// <summary>Writes a message to the host's structured log and the journal.</summary>
[Activity("Log", InProcess = true, Category = "Primitives", Description = "Writes a message to the log and the journal.", OutputType = "string")]
public sealed class Log : IActivity
{
    /// <summary>The text; a template or expression makes it dynamic.</summary>
    [Input(Required = true, Description = "The message; use a template such as {\"$template\": \"Order {{ variables.orderId }}\"}.", UiHint = "multiline")]
    public string Message { get; set; } = "";

    /// <summary>Log level.</summary>
    [Input(Options = ["Debug", "Information", "Warning", "Error"], Description = "Log level.")]
    public string Level { get; set; } = "Information";

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var level = Level switch
        {
            "Debug" => LogLevel.Debug,
            "Warning" => LogLevel.Warning,
            "Error" => LogLevel.Error,
            _ => LogLevel.Information,
        };
        context.Logger.Log(level, "Workflow {InstanceId} {ActivityId}: {WorkflowMessage}", context.InstanceId, context.ActivityId, Message);
        return ValueTask.FromResult(ActivityResult.Done(Message));
    }
}
