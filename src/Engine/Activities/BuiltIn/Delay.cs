using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Definitions;
using Sleek.Workflows.Engine.Expressions;

namespace Sleek.Workflows.Engine.Activities.BuiltIn;

/// <summary>Waits for a duration. The runtime resumes it when due, also after a restart.</summary>
[Activity("Delay", InProcess = true, Category = "Timers", Description = "Waits for a duration (ISO 8601 like PT10M or hh:mm:ss), even across restarts.")]
public sealed class Delay : IResumableActivity, IValidatesInputs
{
    /// <summary>How long to wait.</summary>
    [Input(Required = true, Description = "ISO 8601 duration (PT30S, PT10M, P3D) or hh:mm:ss.", UiHint = "duration")]
    public string Duration { get; set; } = "";

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (!DurationParser.TryParse(Duration, out var duration))
        {
            return ValueTask.FromResult(ActivityResult.Fault($"duration '{Duration}' is not a duration; write PT10M or 00:10:00"));
        }

        var dueAt = context.Clock.GetUtcNow().UtcDateTime + duration;
        return ValueTask.FromResult(ActivityResult.Wait(new BookmarkRequest(TimerBookmark.Name, DueAt: dueAt, Data: TimerBookmark.Data(dueAt))));
    }

    /// <inheritdoc />
    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput resume) =>
        ValueTask.FromResult(ActivityResult.Done());

    /// <inheritdoc />
    public IEnumerable<(string Input, string Message)> Validate(IReadOnlyDictionary<string, JsonNode?> inputs, ExpressionSyntax syntax)
    {
        if (inputs.TryGetValue("duration", out var node)
            && InputValue.Parse(node) is { Kind: InputKind.Literal } literal
            && (literal.Literal is not JsonValue v || !v.TryGetValue<string>(out var text) || !DurationParser.TryParse(text, out _)))
        {
            yield return ("duration", "not a duration: write an ISO 8601 duration (PT10M, P2D) or hh:mm:ss");
        }
    }
}
