using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>One activity execution or resume, in order (by <see cref="Id"/>).</summary>
public sealed class JournalRecord
{
    /// <summary>Increasing id; orders the journal.</summary>
    public long Id { get; set; }

    /// <summary>The instance.</summary>
    public Guid InstanceId { get; set; }

    /// <summary>Activity id.</summary>
    public string ActivityId { get; set; } = "";

    /// <summary>Activity type.</summary>
    public string ActivityType { get; set; } = "";

    /// <summary>Which execution of the activity.</summary>
    public int ExecutionNumber { get; set; }

    /// <summary>Executed, Resumed, Waiting, Faulted.</summary>
    public JournalEvent Event { get; set; }

    /// <summary>Start (UTC).</summary>
    public DateTime StartedAt { get; set; }

    /// <summary>End (UTC).</summary>
    public DateTime CompletedAt { get; set; }

    /// <summary>Evaluated inputs (JSON).</summary>
    public string? InputsJson { get; set; }

    /// <summary>Output (JSON).</summary>
    public string? OutputJson { get; set; }

    /// <summary>Ports taken, comma-separated.</summary>
    public string? Ports { get; set; }

    /// <summary>Error message.</summary>
    public string? Error { get; set; }
}
