using System.Text.Json.Nodes;

namespace Sleek.Workflows.TestSupport.Fakes;

/// <summary>One request <see cref="FakeOpenAiServer"/> received.</summary>
public sealed record OpenAiRequest(string Path, string? Authorization, JsonObject Body)
{
    public string? Model => Body["model"]?.GetValue<string>();

    public IEnumerable<(string Role, string Content)> Messages =>
        (Body["messages"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(m => (m["role"]!.GetValue<string>(), m["content"] is JsonValue v ? v.GetValue<string>() : m["content"]?.ToJsonString() ?? ""));
}
