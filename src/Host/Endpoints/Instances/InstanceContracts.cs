using System.Text.Json.Nodes;

namespace Sleek.Workflows.Host.Endpoints.Instances;

/// <summary>Body of <c>POST /api/instances</c>.</summary>
/// <param name="DefinitionId">The workflow to start.</param>
/// <param name="Version">A published version; leave out for the latest.</param>
/// <param name="CorrelationId">Business key events use to find the instance (e.g. a quote id).</param>
/// <param name="Input">Inputs the workflow declares.</param>
internal sealed record StartInstanceBody(string? DefinitionId, int? Version, string? CorrelationId, JsonObject? Input);

/// <summary>Body of <c>POST /api/instances/{id}/cancel</c>.</summary>
/// <param name="Reason">Why, for the record.</param>
internal sealed record CancelInstanceBody(string? Reason);
