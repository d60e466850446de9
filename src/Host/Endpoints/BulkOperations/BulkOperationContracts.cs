namespace Sleek.Workflows.Host.Endpoints.BulkOperations;

/// <summary>Body of <c>POST /api/bulk-operations</c> and <c>POST /api/bulk-operations/dry-run</c>.</summary>
/// <param name="Operation"><c>cancel</c>, <c>retryIncidents</c> or <c>migrate</c>.</param>
/// <param name="Filter">Which instances.</param>
/// <param name="TargetVersion">For <c>migrate</c>: the published version to move to.</param>
/// <param name="Reason">For <c>cancel</c>: written on each instance.</param>
internal sealed record BulkOperationBody(string? Operation, BulkFilterBody? Filter, int? TargetVersion, string? Reason);

/// <summary>Which instances a bulk operation takes; every criterion given must hold, and at least one must be given.</summary>
/// <param name="DefinitionId">Instances of this workflow.</param>
/// <param name="Version">Of this version.</param>
/// <param name="Status">With one of these statuses (Running, Suspended, Faulted…).</param>
/// <param name="HasOpenIncident">With (true) or without (false) an open incident.</param>
/// <param name="IncidentActivityId">Whose open incident is in this activity.</param>
/// <param name="CorrelationId">With this correlation id.</param>
/// <param name="OlderThanMinutes">Started more than this many minutes ago.</param>
/// <param name="CreatedBefore">Started before this time.</param>
internal sealed record BulkFilterBody(
    string? DefinitionId,
    int? Version,
    string[]? Status,
    bool? HasOpenIncident,
    string? IncidentActivityId,
    string? CorrelationId,
    int? OlderThanMinutes,
    DateTimeOffset? CreatedBefore);
