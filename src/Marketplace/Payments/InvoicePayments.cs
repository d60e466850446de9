using Microsoft.EntityFrameworkCore;

namespace Sleek.Workflows.Marketplace.Payments;

/// <summary>Records money received for an invoice and marks it paid (shared by MarkInvoicePaid and the Stripe webhook).</summary>
public static class InvoicePayments
{
    /// <summary>
    /// Adds a <see cref="Payment"/> of the invoice's amount and marks a pending invoice paid; the caller
    /// saves. A paid, cancelled or refunded invoice keeps its status (the caller decides whether that is allowed).
    /// </summary>
    public static Payment Record(Persistence.MarketplaceDbContext db, Invoice invoice, PaymentProvider provider, string? externalId, string? stripeEventId, decimal amount, DateTime now)
    {
        var payment = new Payment
        {
            InvoiceId = invoice.Id,
            Provider = provider,
            ExternalId = externalId,
            Amount = amount,
            ReceivedAt = now,
            StripeEventId = stripeEventId,
        };
        db.Payments.Add(payment);
        if (invoice.Status == InvoiceStatus.Pending)
        {
            invoice.Status = InvoiceStatus.Paid;
            invoice.PaidAt = now;
        }

        return payment;
    }

    /// <summary>The invoice's payments, oldest first.</summary>
    public static Task<List<Payment>> OfAsync(Persistence.MarketplaceDbContext db, Guid invoiceId, CancellationToken cancellationToken) =>
        db.Payments.AsNoTracking().Where(p => p.InvoiceId == invoiceId).OrderBy(p => p.ReceivedAt).ToListAsync(cancellationToken);
}
