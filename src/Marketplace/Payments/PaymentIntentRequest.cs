namespace Sleek.Workflows.Marketplace.Payments;

/// <summary>What to ask Stripe for: an amount for one invoice of one order, under an idempotency key.</summary>
/// <param name="AmountCents">Amount in the currency's smallest unit (cents); at least 100 for USD.</param>
/// <param name="Currency">ISO code, lower case as Stripe wants it (<c>usd</c>); upper case is lowered.</param>
/// <param name="InvoiceId">Stored as metadata <c>invoiceId</c>; the webhook finds the invoice by it.</param>
/// <param name="OrderId">Stored as metadata <c>orderId</c>.</param>
/// <param name="IdempotencyKey">Same key, same intent: Stripe answers a replay with the first response.</param>
/// <param name="Description">Shown in Stripe's dashboard, e.g. the invoice number.</param>
public sealed record PaymentIntentRequest(
    long AmountCents,
    string Currency,
    string InvoiceId,
    string OrderId,
    string IdempotencyKey,
    string? Description = null);
