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

    /// <summary>Wake-up connections open right now: 1 while listening, 0 while the connection is lost (always 0 when polling).</summary>
    int Sessions { get; }

    /// <summary>How many times the wake-up connection was lost and opened again since the host started.</summary>
    int Reconnects { get; }
}
