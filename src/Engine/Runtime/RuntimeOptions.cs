namespace Sleek.Workflows.Engine.Runtime;

/// <summary>How the runtime takes work.</summary>
public sealed class RuntimeOptions
{
    /// <summary>Concurrent bursts in this host. SQLite runs one writer at a time whatever this says.</summary>
    public int Workers { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// How long a claimed work item stays leased; after that another worker (of any host) may take it.
    /// A running burst renews its lease every <see cref="HeartbeatInterval"/>, so this bounds how long
    /// work of a crashed host waits, not how long a burst may run. Short, so a dead host's timers are late by
    /// seconds, not minutes; two renewals in a row may fail (a database hiccup) before it lapses.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a running burst renews its lease: a third of <see cref="Lease"/>, so two renewals may fail before it lapses.</summary>
    public TimeSpan HeartbeatInterval => Lease / 3;

    /// <summary>Longest idle wait before looking for work (timers, other hosts' work).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Name of this host's workers in leases and logs.</summary>
    public string WorkerName { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}";
}
