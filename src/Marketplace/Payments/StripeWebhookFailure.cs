namespace Sleek.Workflows.Marketplace.Payments;

/// <summary>Why a webhook was refused.</summary>
public enum StripeWebhookFailure
{
    /// <summary><c>Stripe:WebhookSecret</c> is not set, so no signature can be checked.</summary>
    NotConfigured,

    /// <summary>No <c>Stripe-Signature</c> header, or one without <c>t=</c> and <c>v1=</c>.</summary>
    MissingSignature,

    /// <summary>No <c>v1</c> signature matches the payload with our secret: forged, tampered or wrong secret.</summary>
    BadSignature,

    /// <summary>The signed timestamp is outside the tolerance: a replay, or a badly skewed clock.</summary>
    TooOld,

    /// <summary>Signed correctly but not a Stripe event we can read.</summary>
    Malformed,

    /// <summary>The event's <c>api_version</c> is not the one this Stripe.net build speaks.</summary>
    ApiVersionMismatch,
}
