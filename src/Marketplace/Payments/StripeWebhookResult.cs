namespace Sleek.Workflows.Marketplace.Payments;

/// <summary>What a verified Stripe webhook did.</summary>
public enum StripeWebhookResult
{
    /// <summary>An event type we do not act on, or an intent of no invoice of ours: acknowledged, nothing stored.</summary>
    Ignored,

    /// <summary>The payment was stored and the invoice marked paid.</summary>
    Processed,

    /// <summary>The event was stored before (a redelivery); nothing stored again, the workflow resumed if it still waited.</summary>
    AlreadyProcessed,

    /// <summary>The event contradicts the invoice (amount or currency); nothing stored.</summary>
    Rejected,
}
