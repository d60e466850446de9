using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Activities;

/// <summary>An activity whose outcome ports depend on its (literal) inputs, e.g. Switch cases or Fork branches.</summary>
public interface IHasDynamicPorts
{
    /// <summary>The ports for these raw definition inputs, in addition to the attribute's ports.</summary>
    IEnumerable<string> GetPorts(IReadOnlyDictionary<string, JsonNode?> inputs);
}
