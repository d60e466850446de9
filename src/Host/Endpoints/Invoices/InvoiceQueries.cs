using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Marketplace.Payments;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Host.Endpoints.Invoices;

/// <summary>Reads invoices and their payments for the API, and keeps the one payment intent an invoice gets.</summary>
internal sealed class InvoiceQueries(MarketplaceDb marketplace)
{
    /// <summary>The invoice, or null.</summary>
    public async Task<Invoice?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        return await db.Invoices.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
    }

    /// <summary>The invoice's payments, oldest first.</summary>
    public async Task<List<Payment>> PaymentsAsync(Guid invoiceId, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        return await InvoicePayments.OfAsync(db, invoiceId, cancellationToken);
    }

    /// <summary>An order's invoices, oldest first.</summary>
    public async Task<List<Invoice>> OfOrderAsync(Guid orderId, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        return await db.Invoices.AsNoTracking().Where(i => i.OrderId == orderId).OrderBy(i => i.IssuedAt).ToListAsync(cancellationToken);
    }

    /// <summary>Stores the intent id unless another was stored first; returns the one stored.</summary>
    public async Task<string> StorePaymentIntentAsync(Guid invoiceId, string intentId, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var invoice = await db.Invoices.SingleAsync(i => i.Id == invoiceId, cancellationToken);
        if (invoice.PaymentIntentId is { } existing)
        {
            return existing;
        }

        invoice.PaymentIntentId = intentId;
        await write.CommitAsync(cancellationToken);
        return intentId;
    }
}
