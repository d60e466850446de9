using System.Text.Json.Nodes;

namespace Sleek.Workflows.Host.Endpoints.Events;

/// <summary>Body of <c>POST /api/events/{name}</c>.</summary>
/// <param name="CorrelationId">Which instance(s) the event is for.</param>
/// <param name="Payload">Data the resumed activity gets as its output.</param>
internal sealed record PublishEventBody(string? CorrelationId, JsonNode? Payload);
