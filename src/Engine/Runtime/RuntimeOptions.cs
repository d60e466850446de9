namespace Sleek.Workflows.Engine.Runtime;

/// <summary>How the runtime takes work.</summary>
public sealed class RuntimeOptions
{
    /// <summary>Concurrent bursts in this host. SQLite runs one writer at a time whatever this says.</summary>
    public int Workers { get; set; } = Environment.ProcessorCount;

    /// <summary>How long a claimed work item stays leased; after that another worker may take it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest idle wait before looking for work (timers, other hosts' work).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Name of this host's workers in leases and logs.</summary>
    public string WorkerName { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}";
}
