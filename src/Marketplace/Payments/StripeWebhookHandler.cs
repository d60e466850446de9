using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Marketplace.Persistence;
using Stripe;

namespace Sleek.Workflows.Marketplace.Payments;

/// <summary>
/// Acts on verified Stripe events. <c>payment_intent.succeeded</c>: the payment (unique by Stripe's event
/// id) and the invoice's paid status commit in one transaction, and only then is the engine event
/// <see cref="EventName"/> published with correlation id = the invoice id. A crash between the commit
/// and the publish is repaired by Stripe's redelivery: the stored event is recognised (no second payment)
/// and the event is published again, which resumes a wait that is still open and is a no-op otherwise
/// (bookmarks are consumed exactly once).
/// </summary>
public sealed class StripeWebhookHandler(MarketplaceDb marketplace, WorkflowRuntime runtime, TimeProvider clock, ILogger<StripeWebhookHandler> logger)
{
    /// <summary>The engine event that resumes a workflow waiting for an invoice's payment.</summary>
    public const string EventName = "PaymentReceived";

    /// <summary>The Stripe event type that pays an invoice.</summary>
    public const string SucceededType = "payment_intent.succeeded";

    /// <summary>Handles one verified event.</summary>
    public async Task<StripeWebhookOutcome> HandleAsync(Event stripeEvent, CancellationToken cancellationToken)
    {
        if (stripeEvent.Type != SucceededType || stripeEvent.Data?.Object is not PaymentIntent intent)
        {
            return new(StripeWebhookResult.Ignored, $"event type '{stripeEvent.Type}' is not acted on", stripeEvent.Id);
        }

        Invoice? invoice;
        Payment? payment;
        bool stored;
        await using (var db = marketplace.CreateContext())
        {
            await using var write = await db.BeginWriteAsync(cancellationToken);
            invoice = await FindInvoiceAsync(db, intent, cancellationToken);
            if (invoice is null)
            {
                logger.LogWarning("Stripe event {EventId}: payment intent {PaymentIntentId} belongs to no invoice; ignored", stripeEvent.Id, intent.Id);
                return new(StripeWebhookResult.Ignored, $"payment intent {intent.Id} belongs to no invoice", stripeEvent.Id);
            }

            payment = await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.StripeEventId == stripeEvent.Id, cancellationToken);
            stored = payment is null;
            if (payment is null)
            {
                var received = intent.AmountReceived > 0 ? intent.AmountReceived : intent.Amount;
                var expected = InvoiceAmounts.ToCents(invoice.Amount);
                if (received != expected)
                {
                    logger.LogError("Stripe event {EventId}: {Received} cents received for invoice {Invoice} of {Expected} cents; not marked paid", stripeEvent.Id, received, invoice.Number, expected);
                    return new(StripeWebhookResult.Rejected, $"amount received {InvoiceAmounts.FromCents(received):0.00} does not match invoice {invoice.Number}'s {invoice.Amount:0.00}; not marked paid", stripeEvent.Id, invoice.Id, Field: "data.object.amount_received");
                }

                if (!string.Equals(intent.Currency, invoice.Currency, StringComparison.OrdinalIgnoreCase))
                {
                    return new(StripeWebhookResult.Rejected, $"currency '{intent.Currency}' is not invoice {invoice.Number}'s {invoice.Currency}; not marked paid", stripeEvent.Id, invoice.Id, Field: "data.object.currency");
                }

                if (invoice.Status != InvoiceStatus.Pending)
                {
                    // Money arrived anyway (e.g. ops confirmed a transfer first): record it so it can be refunded.
                    logger.LogWarning("Stripe event {EventId}: invoice {Invoice} is {Status}; the payment is recorded but the status stays", stripeEvent.Id, invoice.Number, invoice.Status);
                }

                invoice.PaymentIntentId ??= intent.Id;
                payment = InvoicePayments.Record(db, invoice, PaymentProvider.Stripe, intent.Id, stripeEvent.Id, InvoiceAmounts.FromCents(received), clock.GetUtcNow().UtcDateTime);
                try
                {
                    await write.CommitAsync(cancellationToken);
                }
                catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
                {
                    // The same event delivered twice at once: the unique event id let one of them in.
                    logger.LogInformation(ex, "Stripe event {EventId} was stored by a concurrent delivery", stripeEvent.Id);
                    stored = false;
                    payment = null;
                }
            }
        }

        if (payment is null)
        {
            await using var db = marketplace.CreateContext();
            payment = await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.StripeEventId == stripeEvent.Id, cancellationToken);
            if (payment is null)
            {
                throw new InvalidOperationException($"Stripe event {stripeEvent.Id}: the payment was neither stored nor found; Stripe will deliver it again");
            }
        }

        var resumed = await PublishAsync(stripeEvent.Id, invoice, payment, cancellationToken);
        return stored
            ? new(StripeWebhookResult.Processed, $"invoice {invoice.Number} paid", stripeEvent.Id, invoice.Id, resumed)
            : new(StripeWebhookResult.AlreadyProcessed, $"event {stripeEvent.Id} was already processed", stripeEvent.Id, invoice.Id, resumed);
    }

    private static async Task<Invoice?> FindInvoiceAsync(MarketplaceDbContext db, PaymentIntent intent, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.SingleOrDefaultAsync(i => i.PaymentIntentId == intent.Id, cancellationToken);
        if (invoice is null && intent.Metadata?.GetValueOrDefault("invoiceId") is { } text && Guid.TryParse(text, out var id))
        {
            invoice = await db.Invoices.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
            // Metadata names an invoice that already has another intent: not this one's.
            if (invoice?.PaymentIntentId is { } other && other != intent.Id)
            {
                return null;
            }
        }

        return invoice;
    }

    private async Task<int> PublishAsync(string eventId, Invoice invoice, Payment payment, CancellationToken cancellationToken)
    {
        var payload = new JsonObject
        {
            ["invoiceId"] = invoice.Id.ToString(),
            ["number"] = invoice.Number,
            ["orderId"] = invoice.OrderId.ToString(),
            ["paymentId"] = payment.Id.ToString(),
            ["amount"] = payment.Amount,
            ["currency"] = invoice.Currency,
            ["provider"] = "stripe",
            ["paymentIntentId"] = payment.ExternalId,
            ["stripeEventId"] = eventId,
        };
        // The system publishes: the webhook's signature was verified, no caller is behind it.
        var result = await runtime.PublishEventAsync(EventName, invoice.Id.ToString(), payload, ResumeCaller.Internal("stripe-webhook"), cancellationToken);
        switch (result.Status)
        {
            case OperationStatus.Ok:
                return result.Value!.Resumed.Count;
            case OperationStatus.NotFound:
                logger.LogInformation("Stripe event {EventId}: no workflow waits for {Event} of invoice {Invoice} (paid manually, or not waiting yet)", eventId, EventName, invoice.Number);
                return 0;
            case OperationStatus.Conflict:
                logger.LogInformation("Stripe event {EventId}: the workflow of invoice {Invoice} was resumed before", eventId, invoice.Number);
                return 0;
            default:
                logger.LogWarning("Stripe event {EventId}: publishing {Event} for invoice {Invoice} was refused: {Message}", eventId, EventName, invoice.Number, result.Message);
                return 0;
        }
    }
}
