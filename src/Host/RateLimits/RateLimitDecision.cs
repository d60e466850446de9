namespace Sleek.Workflows.Host.RateLimits;

/// <summary>One window's verdict for a request.</summary>
/// <param name="Partition">e.g. <c>quotes:ip:203.0.113.7</c>.</param>
/// <param name="Limit">Requests allowed in the window.</param>
/// <param name="Remaining">Left after this request.</param>
/// <param name="ResetSeconds">Seconds until the window ends.</param>
/// <param name="Allowed">Whether this request fits.</param>
internal sealed record RateLimitDecision(string Partition, long Limit, long Remaining, long ResetSeconds, bool Allowed);
