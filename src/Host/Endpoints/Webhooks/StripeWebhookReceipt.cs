using Sleek.Workflows.Marketplace.Payments;

namespace Sleek.Workflows.Host.Endpoints.Webhooks;

/// <summary>The answer to a verified Stripe event (Stripe only reads the status; it helps whoever reads the log).</summary>
/// <param name="Received">Always true.</param>
/// <param name="Result">processed, already processed or ignored.</param>
/// <param name="Message">A sentence saying why.</param>
/// <param name="EventId">Stripe's event id.</param>
/// <param name="InvoiceId">The invoice paid, when one was found.</param>
/// <param name="ResumedInstances">Workflow instances the PaymentReceived event resumed now.</param>
internal sealed record StripeWebhookReceipt(bool Received, string Result, string Message, string EventId, Guid? InvoiceId, int ResumedInstances)
{
    public static StripeWebhookReceipt From(StripeWebhookOutcome outcome) => new(
        true,
        outcome.Result switch
        {
            StripeWebhookResult.Processed => "processed",
            StripeWebhookResult.AlreadyProcessed => "already processed",
            _ => "ignored",
        },
        outcome.Message,
        outcome.EventId,
        outcome.InvoiceId,
        outcome.ResumedInstances);
}
