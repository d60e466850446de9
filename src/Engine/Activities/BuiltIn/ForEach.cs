using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Activities.BuiltIn;

/// <summary>
/// Iterates a list: each run takes the next item out through <c>Iterate</c> (output
/// <c>{item, index}</c>); connect the end of the loop body back into the ForEach. When the list is
/// exhausted it continues through <c>Done</c>.
/// </summary>
[Activity("ForEach", InProcess = true, Category = "Flow", Ports = ["Iterate", "Done"], Description = "Takes each item out through Iterate (outputs.<id>.item); connect the body's end back to it; Done after the last.", OutputType = "object")]
public sealed class ForEach : IActivity
{
    /// <summary>The list to walk; evaluated when the loop starts.</summary>
    [Input(Required = true, Description = "The list to iterate, e.g. {\"$js\": \"variables.stages\"}.", UiHint = "javascript")]
    public JsonArray? Items { get; set; } = [];

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        JsonArray items;
        int index;
        if (context.ActivityState is JsonObject state && state["items"] is JsonArray kept)
        {
            // Detach from the kept state object: it goes into a new state object below.
            items = (JsonArray)kept.DeepClone();
            index = (state["index"]?.GetValue<int>() ?? 0) + 1;
        }
        else if (Items is null)
        {
            return ValueTask.FromResult(ActivityResult.Fault("items evaluated to null; give a list (an empty list skips the loop)"));
        }
        else
        {
            items = (JsonArray)Items.DeepClone();
            index = 0;
        }

        if (index >= items.Count)
        {
            context.ActivityState = null;
            return ValueTask.FromResult(ActivityResult.Outcome("Done", new JsonObject { ["count"] = items.Count }));
        }

        context.ActivityState = new JsonObject { ["items"] = items, ["index"] = index };
        var output = new JsonObject { ["item"] = items[index]?.DeepClone(), ["index"] = index };
        return ValueTask.FromResult(ActivityResult.Outcome("Iterate", output));
    }
}
