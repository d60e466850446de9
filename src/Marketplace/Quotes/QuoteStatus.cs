using System.Text.Json.Serialization;

namespace Sleek.Workflows.Marketplace.Quotes;

/// <summary>
/// A quote's status. Stored and sent as snake_case strings ("quote_requested", see
/// <see cref="QuoteStatusNames"/>); which changes are allowed is <see cref="QuoteStatusTransitions"/>.
/// </summary>
public enum QuoteStatus
{
    /// <summary>quote_requested: received and priced.</summary>
    [JsonStringEnumMemberName("quote_requested")] QuoteRequested,

    /// <summary>quote_sent: sent to the buyer.</summary>
    [JsonStringEnumMemberName("quote_sent")] QuoteSent,

    /// <summary>accepted: the buyer accepted it; an order follows.</summary>
    [JsonStringEnumMemberName("accepted")] Accepted,

    /// <summary>expired: not accepted in time.</summary>
    [JsonStringEnumMemberName("expired")] Expired,

    /// <summary>cancelled: withdrawn.</summary>
    [JsonStringEnumMemberName("cancelled")] Cancelled,
}
