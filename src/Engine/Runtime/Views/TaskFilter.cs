namespace Sleek.Workflows.Engine.Runtime.Views;

/// <summary>Which open tasks to list; every set field narrows the list.</summary>
public sealed class TaskFilter
{
    /// <summary>Only tasks of these instances (e.g. an order's).</summary>
    public IReadOnlyCollection<Guid>? InstanceIds { get; init; }

    /// <summary>Only tasks of instances with this correlation id.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>Only tasks for this role.</summary>
    public string? Role { get; init; }

    /// <summary>Only tasks assigned to this party, or to anyone in the role when <see cref="IncludeUnassigned"/>.</summary>
    public string? Assignee { get; init; }

    /// <summary>With <see cref="Assignee"/>: also tasks open to the whole role.</summary>
    public bool IncludeUnassigned { get; init; }

    /// <summary>1-based page.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Tasks per page.</summary>
    public int PageSize { get; init; } = 50;
}
