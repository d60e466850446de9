namespace Sleek.Workflows.Marketplace.Payments;

/// <summary>A webhook that is refused; <see cref="Reason"/> says why (log it as a security event).</summary>
public sealed class StripeWebhookException(StripeWebhookFailure reason, string message, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>Why the webhook was refused.</summary>
    public StripeWebhookFailure Reason { get; } = reason;
}
