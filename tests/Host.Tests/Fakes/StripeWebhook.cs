namespace Sleek.Workflows.Host.Tests.Fakes;

/// <summary>A webhook as Stripe would POST it: the exact body and its <c>Stripe-Signature</c> header.</summary>
internal sealed record StripeWebhook(string Payload, string SignatureHeader);
