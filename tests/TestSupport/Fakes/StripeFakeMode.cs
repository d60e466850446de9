namespace Sleek.Workflows.TestSupport.Fakes;

/// <summary>How <see cref="FakeStripeServer"/> answers payment intent creation.</summary>
public enum StripeFakeMode
{
    /// <summary>200 with a new payment intent (or the stored answer for a replayed idempotency key).</summary>
    Normal,

    /// <summary>402 with a <c>card_error</c> / <c>card_declined</c> error object.</summary>
    CardDeclined,

    /// <summary>500 with an <c>api_error</c> error object.</summary>
    ServerError,
}
