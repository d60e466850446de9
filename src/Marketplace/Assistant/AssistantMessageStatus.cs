namespace Sleek.Workflows.Marketplace.Assistant;

/// <summary>Whether a message is whole (stored as snake_case text).</summary>
public enum AssistantMessageStatus
{
    /// <summary>Written in full.</summary>
    Complete,

    /// <summary>A reply the model stopped sending part-way (the stream broke): kept for the record, never shown as an answer.</summary>
    Interrupted,

    /// <summary>A quote proposal waiting for the buyer to confirm its card.</summary>
    AwaitingConfirmation,

    /// <summary>A quote proposal the buyer confirmed (<see cref="AssistantMessage.QuoteId"/> holds the quote).</summary>
    Confirmed,
}
