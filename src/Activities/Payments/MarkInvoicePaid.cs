using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Marketplace.Payments;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Activities.Payments;

/// <summary>
/// Marks an invoice paid and records the payment (the ops "confirm payment" path, or a reconciled Stripe
/// payment). Idempotent: an invoice already paid by the same provider and external id succeeds without a
/// second payment; paid by another payment, cancelled or refunded is a fault naming the invoice.
/// </summary>
[Activity("MarkInvoicePaid", InProcess = true, Category = "Payments", DisplayName = "Mark invoice paid", OutputType = "object",
    Description = "Marks an invoice paid and records the payment (manual confirmation by ops, or a reconciled Stripe payment).")]
public sealed class MarkInvoicePaid : IActivity
{
    /// <summary>The invoice's id.</summary>
    [Input(Required = true, Description = "The invoice's id.")]
    public string InvoiceId { get; set; } = "";

    /// <summary>manual or stripe.</summary>
    [Input(Options = ["manual", "stripe"], Description = "Where the money came from: manual (bank transfer confirmed by ops) or stripe.")]
    public string Provider { get; set; } = "manual";

    /// <summary>The provider's reference (bank reference, PaymentIntent id).</summary>
    [Input(Description = "The provider's reference: a bank reference, or the PaymentIntent id.")]
    public string? ExternalId { get; set; }

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (!Guid.TryParse(InvoiceId, out var invoiceId))
        {
            return ActivityResult.Fault($"invoiceId '{InvoiceId}' is not an invoice id (a GUID)");
        }

        PaymentProvider provider;
        switch ((Provider ?? "manual").Trim().ToLowerInvariant())
        {
            case "" or "manual":
                provider = PaymentProvider.Manual;
                break;
            case "stripe":
                provider = PaymentProvider.Stripe;
                break;
            default:
                return ActivityResult.Fault($"provider '{Provider}' is not manual or stripe");
        }

        var externalId = string.IsNullOrWhiteSpace(ExternalId) ? null : ExternalId.Trim();
        var ct = context.CancellationToken;
        await using var db = context.Services.GetRequiredService<MarketplaceDb>().CreateContext(context);
        var invoice = await db.Invoices.SingleOrDefaultAsync(i => i.Id == invoiceId, ct);
        if (invoice is null)
        {
            return ActivityResult.Fault($"invoice {invoiceId} does not exist");
        }

        switch (invoice.Status)
        {
            case InvoiceStatus.Cancelled or InvoiceStatus.Refunded:
                return ActivityResult.Fault($"invoice {invoice.Number} is {InvoiceViews.Name(invoice.Status)}; it cannot be marked paid");
            case InvoiceStatus.Paid:
                var payments = await InvoicePayments.OfAsync(db, invoice.Id, ct);
                var same = payments.FirstOrDefault(p => p.Provider == provider && p.ExternalId == externalId);
                if (same is null)
                {
                    var first = payments.FirstOrDefault();
                    var by = first is null ? "" : $" by {InvoiceViews.Name(first.Provider)} payment {first.Id}{(first.ExternalId is null ? "" : $" ({first.ExternalId})")}";
                    return ActivityResult.Fault($"invoice {invoice.Number} is already paid{by}; a second payment ({InvoiceViews.Name(provider)} {externalId}) was not recorded");
                }

                return ActivityResult.Done(Output(invoice, same, alreadyPaid: true));
        }

        var payment = InvoicePayments.Record(db, invoice, provider, externalId, null, invoice.Amount, context.Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return ActivityResult.Done(Output(invoice, payment, alreadyPaid: false));
    }

    private static JsonObject Output(Invoice invoice, Payment payment, bool alreadyPaid)
    {
        var output = InvoiceViews.ToJson(invoice);
        output["paymentId"] = payment.Id.ToString();
        output["provider"] = InvoiceViews.Name(payment.Provider);
        output["externalId"] = payment.ExternalId;
        output["alreadyPaid"] = alreadyPaid;
        return output;
    }
}
