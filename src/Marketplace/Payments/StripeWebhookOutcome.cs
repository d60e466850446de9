namespace Sleek.Workflows.Marketplace.Payments;

/// <summary>The answer to a verified Stripe webhook.</summary>
/// <param name="Result">What was done.</param>
/// <param name="Message">A sentence saying why.</param>
/// <param name="EventId">Stripe's event id.</param>
/// <param name="InvoiceId">The invoice paid, when one was found.</param>
/// <param name="ResumedInstances">Workflow instances the PaymentReceived event resumed now (0 when none waited or they were resumed before).</param>
/// <param name="Field">For <see cref="StripeWebhookResult.Rejected"/>: the event field that was wrong.</param>
public sealed record StripeWebhookOutcome(
    StripeWebhookResult Result,
    string Message,
    string EventId,
    Guid? InvoiceId = null,
    int ResumedInstances = 0,
    string? Field = null);
