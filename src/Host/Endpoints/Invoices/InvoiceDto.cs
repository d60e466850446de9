using System.Text.Json.Serialization;
using Sleek.Workflows.Marketplace.Payments;

namespace Sleek.Workflows.Host.Endpoints.Invoices;

/// <summary>An invoice as activity outputs show it too (<see cref="InvoiceViews"/>): names lower-case, times ISO 8601 UTC with milliseconds.</summary>
/// <param name="InvoiceId">Its id.</param>
/// <param name="Number">INV-2026-0001.</param>
/// <param name="OrderId">The order it bills.</param>
/// <param name="Kind">deposit or balance.</param>
/// <param name="Amount">In its currency.</param>
/// <param name="Currency">USD.</param>
/// <param name="Status">pending, paid, cancelled or refunded.</param>
/// <param name="IssuedAt">UTC, yyyy-MM-ddTHH:mm:ss.fffZ.</param>
/// <param name="DueAt">UTC, yyyy-MM-ddTHH:mm:ss.fffZ.</param>
/// <param name="PaidAt">UTC, yyyy-MM-ddTHH:mm:ss.fffZ, once paid.</param>
/// <param name="PaymentIntentId">The Stripe payment intent taken for it.</param>
/// <param name="Payments">Money received, oldest first (one invoice only; lists leave it out).</param>
internal sealed record InvoiceDto(
    Guid InvoiceId,
    string Number,
    Guid OrderId,
    string Kind,
    decimal Amount,
    string Currency,
    string Status,
    string IssuedAt,
    string DueAt,
    string? PaidAt,
    string? PaymentIntentId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<InvoicePaymentDto>? Payments = null)
{
    public static InvoiceDto From(Invoice invoice, IReadOnlyList<Payment>? payments = null) => new(
        invoice.Id,
        invoice.Number,
        invoice.OrderId,
        InvoiceViews.Name(invoice.Kind),
        invoice.Amount,
        invoice.Currency,
        InvoiceViews.Name(invoice.Status),
        InvoiceViews.Time(invoice.IssuedAt),
        InvoiceViews.Time(invoice.DueAt),
        invoice.PaidAt is { } paid ? InvoiceViews.Time(paid) : null,
        invoice.PaymentIntentId,
        payments?.Select(InvoicePaymentDto.From).ToList());
}

/// <summary>Money received for an invoice.</summary>
/// <param name="PaymentId">Its id.</param>
/// <param name="Provider">stripe or manual.</param>
/// <param name="ExternalId">The provider's id (a payment intent).</param>
/// <param name="Amount">In the invoice's currency.</param>
/// <param name="ReceivedAt">UTC, yyyy-MM-ddTHH:mm:ss.fffZ.</param>
/// <param name="StripeEventId">The webhook event that reported it.</param>
internal sealed record InvoicePaymentDto(Guid PaymentId, string Provider, string? ExternalId, decimal Amount, string ReceivedAt, string? StripeEventId)
{
    public static InvoicePaymentDto From(Payment p) =>
        new(p.Id, InvoiceViews.Name(p.Provider), p.ExternalId, p.Amount, InvoiceViews.Time(p.ReceivedAt), p.StripeEventId);
}

/// <summary>A Stripe payment intent for an invoice; the client secret is for Stripe.js.</summary>
/// <param name="InvoiceId">The invoice.</param>
/// <param name="Number">Its number.</param>
/// <param name="PaymentIntentId">Stripe's id.</param>
/// <param name="ClientSecret">For Stripe.js to confirm the payment.</param>
/// <param name="Amount">The intent's amount.</param>
/// <param name="Currency">The invoice's currency.</param>
/// <param name="PublishableKey">Stripe:PublishableKey for Stripe.js, when configured.</param>
internal sealed record PaymentIntentDto(Guid InvoiceId, string Number, string PaymentIntentId, string ClientSecret, decimal Amount, string Currency, string? PublishableKey);
