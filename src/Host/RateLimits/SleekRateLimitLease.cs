using System.Threading.RateLimiting;

namespace Sleek.Workflows.Host.RateLimits;

/// <summary>A lease of <see cref="SleekRateLimiter"/>: acquired or not, the window that decided, and whether the counter store failed.</summary>
internal sealed class SleekRateLimitLease(bool acquired, RateLimitDecision? decision, bool storeDown) : RateLimitLease
{
    /// <summary>For endpoints without a limit.</summary>
    public static readonly SleekRateLimitLease Free = new(true, null, false);

    /// <summary>Answer of the synchronous attempt for limited endpoints: the count needs the database, so the middleware goes on to the asynchronous acquire.</summary>
    public static readonly SleekRateLimitLease Pending = new(false, null, false);

    public override bool IsAcquired => acquired;

    /// <summary>The window that refused (or the tightest one that allowed).</summary>
    public RateLimitDecision? Decision => decision;

    /// <summary>The counters could not be read or written: refuse with 503, never let through.</summary>
    public bool StoreDown => storeDown;

    public override IEnumerable<string> MetadataNames =>
        !acquired && decision is not null ? [MetadataName.RetryAfter.Name] : [];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (!acquired && decision is not null && metadataName == MetadataName.RetryAfter.Name)
        {
            metadata = TimeSpan.FromSeconds(Math.Max(1, decision.ResetSeconds));
            return true;
        }

        metadata = null;
        return false;
    }
}
