namespace Sleek.Workflows.TestSupport.Fakes;

/// <summary>One request <see cref="FakeStripeServer"/> received.</summary>
public sealed record StripeRequest(
    string Method,
    string Path,
    string? IdempotencyKey,
    string? Authorization,
    string? StripeVersion,
    IReadOnlyDictionary<string, string> Form);
