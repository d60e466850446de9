using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Activities.BuiltIn;

/// <summary>Sets a workflow variable.</summary>
[Activity("SetVariable", InProcess = true, Category = "Primitives", DisplayName = "Set variable", Description = "Sets a workflow variable to a value.", OutputType = "any")]
public sealed class SetVariable : IActivity
{
    /// <summary>The variable; must be declared in the definition.</summary>
    [Input(Required = true, Description = "Name of a declared variable.", LiteralOnly = true, NamesVariable = true, UiHint = "variable")]
    public string Variable { get; set; } = "";

    /// <summary>The new value.</summary>
    [Input(Description = "The new value: a literal or an expression.")]
    public JsonNode? Value { get; set; }

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (!context.HasVariable(Variable))
        {
            return ValueTask.FromResult(ActivityResult.Fault($"variable '{Variable}' is not declared in the workflow; add it to the definition's variables"));
        }

        context.SetVariable(Variable, Value);
        return ValueTask.FromResult(ActivityResult.Done(Value?.DeepClone()));
    }
}
