namespace Sleek.Workflows.Engine.Runtime.Views;

/// <summary>An incident.</summary>
/// <param name="Id">Incident id.</param>
/// <param name="InstanceId">The faulted instance.</param>
/// <param name="ActivityId">The failing activity.</param>
/// <param name="ActivityType">Its type.</param>
/// <param name="Attempt">How many tries of the failed execution were made (retries included).</param>
/// <param name="Error">Message.</param>
/// <param name="CreatedAt">Raised at.</param>
/// <param name="ResolvedAt">Resolved at.</param>
/// <param name="Resolution">Retried or Cancelled.</param>
public sealed record IncidentView(Guid Id, Guid InstanceId, string? ActivityId, string? ActivityType, int Attempt, string Error, DateTime CreatedAt, DateTime? ResolvedAt, IncidentResolution? Resolution);
