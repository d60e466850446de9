namespace Sleek.Workflows.Activities.Quotes;

/// <summary>The statuses a quote goes through (stored as these strings).</summary>
public static class QuoteStatuses
{
    /// <summary>Received and priced.</summary>
    public const string Requested = "quote_requested";

    /// <summary>Sent to the buyer.</summary>
    public const string Sent = "quote_sent";

    /// <summary>The buyer accepted it; an order follows.</summary>
    public const string Accepted = "accepted";

    /// <summary>Not accepted in time.</summary>
    public const string Expired = "expired";

    /// <summary>Withdrawn.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>All of them.</summary>
    public static IReadOnlyList<string> All { get; } = [Requested, Sent, Accepted, Expired, Cancelled];
}
