namespace Sleek.Workflows.Engine.Runtime;

/// <summary>A work item claimed after another worker's lease on it expired unfinished.</summary>
/// <param name="WorkItemId">The work item.</param>
/// <param name="InstanceId">Its instance.</param>
/// <param name="Kind">Start, Resume, Timer, Retry or Continue.</param>
/// <param name="PreviousOwner">The worker whose lease expired (<c>machine:pid</c>).</param>
/// <param name="NewOwner">The worker that took it over.</param>
/// <param name="Attempts">How often the item has been claimed, this time included.</param>
public sealed record LeaseTakeover(long WorkItemId, Guid InstanceId, WorkKind Kind, string PreviousOwner, string NewOwner, int Attempts);
