namespace Sleek.Workflows.Engine.Runtime.Views;

/// <summary>The parent of a child workflow: the instance and the activity (ExecuteWorkflow, DispatchWorkflow) that started it.</summary>
/// <param name="InstanceId">The parent instance.</param>
/// <param name="ActivityId">Its activity that started the child.</param>
public sealed record ParentLinkView(Guid InstanceId, string? ActivityId);

/// <summary>A child workflow an instance started.</summary>
/// <param name="Id">The child instance.</param>
/// <param name="DefinitionId">Its workflow.</param>
/// <param name="Version">Its version.</param>
/// <param name="Status">Its status.</param>
/// <param name="ActivityId">The parent's activity that started it.</param>
/// <param name="CreatedAt">Started.</param>
/// <param name="FinishedAt">Finished (Completed, Faulted or Cancelled).</param>
public sealed record ChildInstanceView(Guid Id, string DefinitionId, int Version, WorkflowStatus Status, string? ActivityId, DateTime CreatedAt, DateTime? FinishedAt);
