namespace Sleek.Workflows.TestSupport.Fakes;

/// <summary>A webhook as Stripe would POST it: the exact body and its <c>Stripe-Signature</c> header.</summary>
public sealed record StripeWebhook(string Payload, string SignatureHeader);
