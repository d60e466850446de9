using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>What starting an instance needs.</summary>
/// <param name="DefinitionId">The workflow.</param>
/// <param name="Version">A published version; null for the latest.</param>
/// <param name="CorrelationId">Business key events will use (e.g. a quote id).</param>
/// <param name="Input">Inputs the definition declares.</param>
public sealed record StartRequest(string DefinitionId, int? Version, string? CorrelationId, JsonObject? Input);
