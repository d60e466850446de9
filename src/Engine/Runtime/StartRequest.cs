using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>What starting an instance needs.</summary>
/// <param name="DefinitionId">The workflow.</param>
/// <param name="Version">A published version; null for the latest.</param>
/// <param name="CorrelationId">Business key events will use (e.g. a quote id).</param>
/// <param name="Input">Inputs the definition declares.</param>
/// <param name="InstanceId">
/// The new instance's id, chosen by the caller (e.g. an idempotency key's claim id); when an instance with
/// this id exists already, that one is returned and nothing starts. Null: a new id.
/// </param>
public sealed record StartRequest(string DefinitionId, int? Version, string? CorrelationId, JsonObject? Input, Guid? InstanceId = null);
