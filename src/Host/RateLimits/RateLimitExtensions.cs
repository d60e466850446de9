namespace Sleek.Workflows.Host.RateLimits;

/// <summary>Opting an endpoint into a database-backed limit.</summary>
public static class RateLimitExtensions
{
    /// <summary>Counts this endpoint's requests under <paramref name="policy"/> (<see cref="RateLimitPolicies"/>).</summary>
    public static TBuilder WithSleekRateLimit<TBuilder>(this TBuilder builder, string policy)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new SleekRateLimitMetadata(policy));
}
