namespace Sleek.Workflows.Host.Identity;

/// <summary>
/// One fixed window of one rate-limit partition (table <c>rate_limit_counters</c>), raised by an atomic
/// upsert so every host on the database counts together. Times are Unix seconds (the same on both providers).
/// </summary>
public sealed class RateLimitCounter
{
    /// <summary>e.g. <c>quotes:ip:203.0.113.7</c>.</summary>
    public string PartitionKey { get; set; } = "";

    /// <summary>Start of the window (Unix seconds, aligned to the window length).</summary>
    public long WindowStart { get; set; }

    /// <summary>Requests counted in the window.</summary>
    public long Count { get; set; }

    /// <summary>When the row may be deleted (Unix seconds).</summary>
    public long ExpiresAt { get; set; }
}
