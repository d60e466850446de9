using System.Text.Json.Nodes;

namespace Sleek.Workflows.Host.Assistant;

/// <summary>A tool call as the stream reports it: the stored message's id, the tool, what the model sent and what it got.</summary>
internal sealed record AssistantToolEvent(Guid MessageId, string Name, string Status, JsonNode? Arguments, JsonObject Result);
