using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Marketplace.Payments;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Activities.Payments;

/// <summary>
/// Takes a Stripe PaymentIntent for a pending invoice, under the execution's idempotency key (a retry
/// sends the same key, so Stripe answers with the same intent), and stores its id on the invoice; the
/// buyer's browser confirms it with the client secret and the webhook marks the invoice paid. Without
/// Stripe configured it leaves through <c>Manual</c> (ops confirm the payment). Every Stripe error ends
/// as a fault carrying Stripe's message: the activity's retry policy then retries with the same key;
/// a transient one (5xx, 429, network) says so.
/// </summary>
[Activity("CreatePaymentIntent", Category = "Payments", DisplayName = "Create payment intent", OutputType = "object", Ports = ["Done", "Manual"],
    Description = "Creates a Stripe payment intent for a pending invoice (idempotent); Manual when Stripe is not configured.")]
public sealed class CreatePaymentIntent : IActivity
{
    /// <summary>The invoice's id.</summary>
    [Input(Required = true, Description = "The invoice's id (e.g. outputs['deposit-invoice'].invoiceId).")]
    public string InvoiceId { get; set; } = "";

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (!Guid.TryParse(InvoiceId, out var invoiceId))
        {
            return ActivityResult.Fault($"invoiceId '{InvoiceId}' is not an invoice id (a GUID)");
        }

        var ct = context.CancellationToken;
        var stripe = context.Services.GetRequiredService<StripePayments>();
        await using var db = context.Services.GetRequiredService<MarketplaceDb>().CreateContext(context);
        var invoice = await db.Invoices.SingleOrDefaultAsync(i => i.Id == invoiceId, ct);
        if (invoice is null)
        {
            return ActivityResult.Fault($"invoice {invoiceId} does not exist");
        }

        if (!stripe.IsConfigured)
        {
            return ActivityResult.Outcome("Manual", new JsonObject
            {
                ["invoiceId"] = invoice.Id.ToString(),
                ["number"] = invoice.Number,
                ["amount"] = invoice.Amount,
                ["currency"] = invoice.Currency,
                ["reason"] = "Stripe is not configured (Stripe:SecretKey is unset): ops confirm this payment manually",
            });
        }

        var cents = InvoiceAmounts.ToCents(invoice.Amount);
        if (InvoiceAmounts.PaymentIntentRefusal(invoice, cents) is { } refusal)
        {
            return ActivityResult.Fault(refusal);
        }

        PaymentIntentInfo intent;
        try
        {
            intent = invoice.PaymentIntentId is { } known
                ? await stripe.GetPaymentIntentAsync(known, ct)
                : await stripe.CreatePaymentIntentAsync(
                    new PaymentIntentRequest(cents, invoice.Currency, invoice.Id.ToString(), invoice.OrderId.ToString(), context.IdempotencyKey, $"Invoice {invoice.Number}"),
                    ct);
        }
        catch (PaymentProviderException ex)
        {
            var retry = ex.IsTransient ? " (transient: the retry policy tries again with the same idempotency key)" : "";
            return ActivityResult.Fault($"invoice {invoice.Number}: {ex.Message}{retry}");
        }

        // The amount Stripe holds must be the invoice's (a replayed key or a reused intent could differ).
        if (InvoiceAmounts.PaymentIntentRefusal(invoice, intent.AmountCents) is { } mismatch)
        {
            return ActivityResult.Fault($"{mismatch} (payment intent {intent.Id})");
        }

        if (invoice.PaymentIntentId != intent.Id)
        {
            invoice.PaymentIntentId = intent.Id;
            await db.SaveChangesAsync(ct);
        }

        return ActivityResult.Done(new JsonObject
        {
            ["paymentIntentId"] = intent.Id,
            ["clientSecret"] = intent.ClientSecret,
            ["amount"] = InvoiceAmounts.FromCents(intent.AmountCents),
            ["currency"] = invoice.Currency,
            ["invoiceId"] = invoice.Id.ToString(),
            ["number"] = invoice.Number,
        });
    }
}
