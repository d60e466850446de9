namespace Sleek.Workflows.Engine.Runtime;

/// <summary>Everything a burst changed; the store commits it in one transaction.</summary>
public sealed class BurstResult
{
    /// <summary>The instance's status after the burst.</summary>
    public WorkflowStatus Status { get; set; }

    /// <summary>The instance's new state.</summary>
    public required InstanceState State { get; init; }

    /// <summary>Bookmarks to create.</summary>
    public List<NewBookmark> NewBookmarks { get; } = [];

    /// <summary>Open bookmarks to close without resuming (End, WaitAny join, cancel).</summary>
    public List<Guid> CancelledBookmarks { get; } = [];

    /// <summary>Journal rows in execution order.</summary>
    public List<JournalEntry> Journal { get; } = [];

    /// <summary>Retries to queue: failed tries whose activity's retry policy has tries left.</summary>
    public List<ScheduledRetry> ScheduledRetries { get; } = [];

    /// <summary>Set when the burst faulted.</summary>
    public IncidentInfo? Incident { get; set; }

    /// <summary>True when an activity (End) completed the workflow on purpose, rather than it running out of work.</summary>
    public bool CompletedByActivity { get; set; }

    /// <summary>Number of activities executed or resumed.</summary>
    public int Steps { get; set; }

    /// <summary>
    /// True when the burst paused at its step bound with activities still due (kept in
    /// <see cref="InstanceState.Pending"/>): the instance stays Running and a continuation is queued.
    /// </summary>
    public bool Paused { get; set; }
}
