namespace Sleek.Workflows.Engine.Runtime;

/// <summary>What the health endpoint reports about the workers: last heartbeat and last error.</summary>
public sealed class WorkerHealth(TimeProvider clock)
{
    private long _lastBeatTicks;
    private string? _lastError;

    /// <summary>When a worker loop last looked for work (UTC), or null before the first look.</summary>
    public DateTime? LastBeat => Interlocked.Read(ref _lastBeatTicks) is var t && t == 0 ? null : new DateTime(t, DateTimeKind.Utc);

    /// <summary>The last error a loop hit, cleared by the next successful look.</summary>
    public string? LastError => Volatile.Read(ref _lastError);

    internal void Beat()
    {
        Interlocked.Exchange(ref _lastBeatTicks, clock.GetUtcNow().UtcDateTime.Ticks);
        Volatile.Write(ref _lastError, null);
    }

    internal void Failed(Exception error) => Volatile.Write(ref _lastError, error.Message);
}
