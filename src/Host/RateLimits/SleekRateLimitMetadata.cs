namespace Sleek.Workflows.Host.RateLimits;

/// <summary>Endpoint metadata naming the limit (<see cref="RateLimitPolicies"/>) that applies to it.</summary>
/// <param name="Policy">The limit's name.</param>
public sealed record SleekRateLimitMetadata(string Policy);
