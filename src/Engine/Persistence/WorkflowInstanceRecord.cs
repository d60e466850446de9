using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>A running or finished workflow instance.</summary>
public sealed class WorkflowInstanceRecord
{
    /// <summary>Instance id.</summary>
    public Guid Id { get; set; }

    /// <summary>Definition id.</summary>
    public string DefinitionId { get; set; } = "";

    /// <summary>The definition version it runs; changes only by explicit migration.</summary>
    public int Version { get; set; }

    /// <summary>Lifecycle status.</summary>
    public WorkflowStatus Status { get; set; }

    /// <summary>Business key (e.g. a quote id) that events use to find it.</summary>
    public string? CorrelationId { get; set; }

    /// <summary>Serialized <see cref="InstanceState"/>.</summary>
    public string StateJson { get; set; } = "{}";

    /// <summary>Last fault message, if faulted.</summary>
    public string? Error { get; set; }

    /// <summary>Created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Last change (UTC).</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>Completed, faulted or cancelled at (UTC).</summary>
    public DateTime? FinishedAt { get; set; }

    /// <summary>The instance whose ExecuteWorkflow or DispatchWorkflow started this one (null for a top-level instance).</summary>
    public Guid? ParentInstanceId { get; set; }

    /// <summary>The parent's activity that started it.</summary>
    public string? ParentActivityId { get; set; }

    /// <summary>
    /// The execution of that activity (loops run it again). Unique with the two above: one execution starts at most one
    /// child, whatever replays a crash causes.
    /// </summary>
    public int? ParentExecutionNumber { get; set; }

    /// <summary>Optimistic concurrency token: incremented by every write.</summary>
    public int ConcurrencyVersion { get; set; }
}
