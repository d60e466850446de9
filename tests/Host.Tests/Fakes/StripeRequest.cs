namespace Sleek.Workflows.Host.Tests.Fakes;

/// <summary>One request <see cref="FakeStripeServer"/> received.</summary>
internal sealed record StripeRequest(
    string Method,
    string Path,
    string? IdempotencyKey,
    string? Authorization,
    string? StripeVersion,
    IReadOnlyDictionary<string, string> Form);
