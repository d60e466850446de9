using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>Why an instance faulted, until ops retry or cancel it.</summary>
public sealed class IncidentRecord
{
    /// <summary>Incident id.</summary>
    public Guid Id { get; set; }

    /// <summary>The faulted instance.</summary>
    public Guid InstanceId { get; set; }

    /// <summary>The failing activity, if the failure was in one.</summary>
    public string? ActivityId { get; set; }

    /// <summary>Its type.</summary>
    public string? ActivityType { get; set; }

    /// <summary>How many tries of the failed execution were made (retries included).</summary>
    public int Attempt { get; set; }

    /// <summary>The error message.</summary>
    public string Error { get; set; } = "";

    /// <summary>Raised at (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Resolved at (UTC).</summary>
    public DateTime? ResolvedAt { get; set; }

    /// <summary>Retried or Cancelled; null while open.</summary>
    public IncidentResolution? Resolution { get; set; }
}
