using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Tests;

/// <summary>
/// Writes a definition compactly: <c>new Flow().Add("start", "Start").Add("log", "Log", new { message = "hi" }).Connect("start", "log")</c>.
/// A source written <c>"decide:True"</c> leaves through the True port; a bare id leaves through Done.
/// </summary>
internal sealed class Flow
{
    private readonly JsonArray _variables = [];
    private readonly JsonArray _activities = [];
    private readonly JsonArray _connections = [];

    public string DefinitionId { get; init; } = "test-flow";

    /// <summary>A JavaScript input value.</summary>
    public static JsonObject Js(string script) => new() { ["$js"] = script };

    /// <summary>A variable reference input value.</summary>
    public static JsonObject Var(string path) => new() { ["$var"] = path };

    /// <summary>A Scriban template input value.</summary>
    public static JsonObject Template(string text) => new() { ["$template"] = text };

    public Flow Variable(string name, object? defaultValue = null, string type = "any")
    {
        _variables.Add(new JsonObject { ["name"] = name, ["type"] = type, ["default"] = ToNode(defaultValue) });
        return this;
    }

    /// <summary>Adds an activity; <paramref name="inputs"/> is an anonymous object (or JsonObject) whose properties are the inputs as written.</summary>
    public Flow Add(string id, string type, object? inputs = null)
    {
        var node = new JsonObject { ["id"] = id, ["type"] = type };
        if (inputs is not null)
        {
            node["inputs"] = ToNode(inputs);
        }

        _activities.Add(node);
        return this;
    }

    /// <summary>Gives an added activity a retry policy: <c>Retry("call", new { maxAttempts = 3, initialDelay = "PT5S" })</c>.</summary>
    public Flow Retry(string activityId, object policy)
    {
        var node = _activities.Single(a => a!["id"]!.GetValue<string>() == activityId)!;
        node["retry"] = ToNode(policy);
        return this;
    }

    /// <summary>Connects <c>"source[:port]"</c> to <paramref name="target"/>.</summary>
    public Flow Connect(string source, string target)
    {
        var parts = source.Split(':', 2);
        var from = new JsonObject { ["activity"] = parts[0], ["port"] = parts.Length == 2 ? parts[1] : "Done" };
        _connections.Add(new JsonObject { ["source"] = from, ["target"] = new JsonObject { ["activity"] = target } });
        return this;
    }

    /// <summary>Connects each activity to the next through Done: <c>Chain("start", "a", "b")</c>.</summary>
    public Flow Chain(params string[] ids)
    {
        for (var i = 0; i + 1 < ids.Length; i++)
        {
            Connect(ids[i], ids[i + 1]);
        }

        return this;
    }

    public JsonObject ToJson() => new()
    {
        ["definitionId"] = DefinitionId,
        ["version"] = 1,
        ["name"] = "Test flow",
        ["variables"] = _variables.DeepClone(),
        ["root"] = new JsonObject
        {
            ["activities"] = _activities.DeepClone(),
            ["connections"] = _connections.DeepClone(),
        },
    };

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        _ => JsonSerializer.SerializeToNode(value),
    };
}
