namespace Sleek.Workflows.Marketplace.Payments;

/// <summary>
/// Stripe refused or failed a call. <see cref="IsTransient"/> tells a retry from a final answer: a
/// declined card (402) or a bad request (400) will not change on retry; a 5xx, 429 or a network error may.
/// </summary>
public sealed class PaymentProviderException(string message, int? statusCode, string? errorCode, bool isTransient, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The HTTP status Stripe answered with, or null when no answer came.</summary>
    public int? StatusCode { get; } = statusCode;

    /// <summary>Stripe's error code, e.g. <c>card_declined</c>.</summary>
    public string? ErrorCode { get; } = errorCode;

    /// <summary>Whether the same call may succeed later.</summary>
    public bool IsTransient { get; } = isTransient;
}
