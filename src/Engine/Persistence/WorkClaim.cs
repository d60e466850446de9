namespace Sleek.Workflows.Engine.Persistence;

/// <summary>A leased work item's instance, locked for the burst, and the item as it is now (<see cref="IBurstStore.ClaimWorkAsync"/>).</summary>
/// <param name="Instance">The instance, loaded for update; null when it was deleted meanwhile.</param>
/// <param name="Item">The work item; null when it is gone (finished by the worker whose lease expired).</param>
public sealed record WorkClaim(WorkflowInstanceRecord? Instance, WorkItemRecord? Item);
