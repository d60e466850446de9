using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Activities.BuiltIn;

/// <summary>
/// Iterates a list: each run takes the next item out through <c>Iterate</c> (output
/// <c>{item, index}</c>); connect the end of the loop body back into the ForEach. When the list is
/// exhausted it continues through <c>Done</c>.
/// </summary>
/// <remarks>
/// The list is evaluated once, when the loop starts, and kept in the activity's state; each later run only moves
/// the index, so an iteration costs the same whatever the list's length (no copy, no new evaluation, no list in
/// every journal row). A long loop spans several bursts: the interpreter pauses at its step bound and continues.
/// </remarks>
[Activity("ForEach", InProcess = true, Category = "Flow", Ports = ["Iterate", "Done"], Description = "Takes each item out through Iterate (outputs.<id>.item); connect the body's end back to it; Done after the last.", OutputType = "object")]
public sealed class ForEach : IActivity
{
    /// <summary>The list to walk; evaluated when the loop starts.</summary>
    [Input(Required = true, OnlyWithoutState = true, Description = "The list to iterate, e.g. {\"$js\": \"variables.stages\"}; evaluated once, when the loop starts.", UiHint = "javascript")]
    public JsonArray? Items { get; set; } = [];

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (context.ActivityState is JsonObject state && state["items"] is JsonArray kept)
        {
            // A loop under way: the state is this activity's own (not a copy), so the index moves in place.
            var next = (state["index"]?.GetValue<int>() ?? 0) + 1;
            state["index"] = next;
            return ValueTask.FromResult(Take(context, kept, next));
        }

        if (Items is null)
        {
            return ValueTask.FromResult(ActivityResult.Fault("items evaluated to null; give a list (an empty list skips the loop)"));
        }

        context.ActivityState = new JsonObject { ["items"] = Items, ["index"] = 0 };
        return ValueTask.FromResult(Take(context, Items, 0));
    }

    private static ActivityResult Take(ActivityContext context, JsonArray items, int index)
    {
        if (index >= items.Count)
        {
            context.ActivityState = null;
            return ActivityResult.Outcome("Done", new JsonObject { ["count"] = items.Count });
        }

        return ActivityResult.Outcome("Iterate", new JsonObject { ["item"] = items[index]?.DeepClone(), ["index"] = index });
    }
}
