namespace Sleek.Workflows.Marketplace.Quotes;

/// <summary>
/// The quote status changes allowed: quote_requested → quote_sent → accepted | expired | cancelled (the
/// last three also straight from quote_requested). Accepted, expired and cancelled are final.
/// </summary>
public static class QuoteStatusTransitions
{
    private static readonly Dictionary<QuoteStatus, QuoteStatus[]> Graph = new()
    {
        [QuoteStatus.QuoteRequested] = [QuoteStatus.QuoteSent, QuoteStatus.Accepted, QuoteStatus.Expired, QuoteStatus.Cancelled],
        [QuoteStatus.QuoteSent] = [QuoteStatus.Accepted, QuoteStatus.Expired, QuoteStatus.Cancelled],
    };

    /// <summary>True when a quote in <paramref name="from"/> may move to <paramref name="to"/> (a different status).</summary>
    public static bool IsAllowed(QuoteStatus from, QuoteStatus to) => Graph.TryGetValue(from, out var next) && next.Contains(to);
}
