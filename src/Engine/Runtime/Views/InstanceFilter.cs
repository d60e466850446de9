namespace Sleek.Workflows.Engine.Runtime.Views;

/// <summary>Filters and paging for the instance list.</summary>
/// <param name="Status">Only this status.</param>
/// <param name="DefinitionId">Only this definition.</param>
/// <param name="CorrelationId">Only this correlation id.</param>
/// <param name="Page">1-based page.</param>
/// <param name="PageSize">Items per page (1–200).</param>
/// <param name="OnlyIds">Only these instances (a party's own); null for no such limit.</param>
public sealed record InstanceFilter(WorkflowStatus? Status, string? DefinitionId, string? CorrelationId, int Page = 1, int PageSize = 50, IReadOnlyCollection<Guid>? OnlyIds = null);
