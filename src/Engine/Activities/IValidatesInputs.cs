using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Expressions;

namespace Sleek.Workflows.Engine.Activities;

/// <summary>An activity with checks of its own beyond required inputs and expression syntax.</summary>
public interface IValidatesInputs
{
    /// <summary>Problems with these raw inputs, as (input name, message) pairs.</summary>
    IEnumerable<(string Input, string Message)> Validate(IReadOnlyDictionary<string, JsonNode?> inputs, ExpressionSyntax syntax);
}
