namespace Sleek.Workflows.Engine.Runtime.Views;

/// <summary>An instance in a list.</summary>
/// <param name="Id">Instance id.</param>
/// <param name="DefinitionId">Definition.</param>
/// <param name="Version">Definition version.</param>
/// <param name="Status">Status.</param>
/// <param name="CorrelationId">Correlation id.</param>
/// <param name="CreatedAt">Created.</param>
/// <param name="UpdatedAt">Last change.</param>
/// <param name="FinishedAt">Finished.</param>
/// <param name="References">The quote, order… it works for (filled by the host; empty from the engine alone).</param>
public sealed record InstanceSummary(Guid Id, string DefinitionId, int Version, WorkflowStatus Status, string? CorrelationId, DateTime CreatedAt, DateTime UpdatedAt, DateTime? FinishedAt, IReadOnlyList<InstanceReference>? References = null);
