namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// Process-wide counts of runtime events that metrics export (telemetry reads them; nothing here
/// depends on a metrics library). Counts are cumulative since the process started.
/// </summary>
public static class RuntimeCounters
{
    private static long _leaseTakeovers;

    /// <summary>
    /// Raised when a worker of this process claims a work item whose previous lease expired unfinished
    /// (its host crashed or lost the database for longer than the lease). Handlers run on the worker's
    /// thread: keep them short and never throw.
    /// </summary>
    public static event EventHandler<LeaseTakeover>? LeaseTakenOver;

    /// <summary>Lease takeovers by workers of this process.</summary>
    public static long LeaseTakeovers => Interlocked.Read(ref _leaseTakeovers);

    internal static void RecordTakeover(LeaseTakeover takeover)
    {
        Interlocked.Increment(ref _leaseTakeovers);
        LeaseTakenOver?.Invoke(null, takeover);
    }
}
