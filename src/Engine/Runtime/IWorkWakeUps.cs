namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// How this host's idle workers learn that any host queued work, for health: on PostgreSQL a LISTEN connection
/// (<c>listen/notify</c>); on SQLite one process queues and runs everything, so polling is all there is.
/// </summary>
public interface IWorkWakeUps
{
    /// <summary>"listen/notify" or "polling".</summary>
    string Mechanism { get; }

    /// <summary>False while the wake-up connection is lost (workers still find work by polling, only later).</summary>
    bool IsWorking { get; }

    /// <summary>How many times the wake-up connection was opened; more than one means it reconnected.</summary>
    int Sessions { get; }
}
