namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// Lifecycle of an instance. Stored as snake_case text (<c>"suspended"</c>) by
/// <see cref="Persistence.SnakeCaseEnumConverter{TEnum}"/>; the API shows the name (<c>"Suspended"</c>).
/// </summary>
public enum WorkflowStatus
{
    /// <summary>Queued or executing.</summary>
    Running,

    /// <summary>Waiting on at least one bookmark.</summary>
    Suspended,

    /// <summary>Finished.</summary>
    Completed,

    /// <summary>Stopped by an error; an incident says why.</summary>
    Faulted,

    /// <summary>Cancelled by a person or client; never resumes.</summary>
    Cancelled,
}
