namespace Sleek.Workflows.Marketplace.Payments;

/// <summary>The parts of a Stripe PaymentIntent the workflow keeps.</summary>
/// <param name="Id">Stripe's id, <c>pi_...</c>.</param>
/// <param name="ClientSecret">Handed to the buyer's browser (Stripe.js) to confirm the payment.</param>
/// <param name="Status">Stripe's status, e.g. <c>requires_payment_method</c> or <c>succeeded</c>.</param>
/// <param name="AmountCents">The amount in cents.</param>
/// <param name="Currency">Lower-case ISO currency.</param>
/// <param name="Metadata">Metadata as stored at Stripe (<c>invoiceId</c>, <c>orderId</c>).</param>
public sealed record PaymentIntentInfo(
    string Id,
    string ClientSecret,
    string Status,
    long AmountCents,
    string Currency,
    IReadOnlyDictionary<string, string> Metadata);
