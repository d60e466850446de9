namespace Sleek.Workflows.Marketplace.Links;

/// <summary>
/// The links e-mails carry, always on <see cref="MarketplaceOptions.PublicUrl"/> (never a workflow's own idea of the
/// site): a quote opens the quote page, an order or invoice the buyer's order page. A quote asked for without an account
/// carries a capability token (<see cref="CapabilityTokens"/>, purpose <see cref="Purpose"/>) valid for
/// <see cref="MarketplaceOptions.QuoteLinkDays"/>: with it the buyer views and accepts that quote, and only that one.
/// </summary>
public sealed class QuoteLinks(CapabilityTokens tokens, MarketplaceOptions options, TimeProvider clock)
{
    /// <summary>The token purpose of a quote link.</summary>
    public const string Purpose = "quote-link";

    private string BaseUrl => options.PublicUrl.TrimEnd('/');

    /// <summary>The quote page (for its signed-in buyer, or staff).</summary>
    public string Quote(Guid quoteId) => $"{BaseUrl}/quotes/{quoteId}";

    /// <summary>The quote page with a capability token: for the address that asked for a quote without an account.</summary>
    public string QuoteWithToken(Guid quoteId) => $"{Quote(quoteId)}?token={Uri.EscapeDataString(TokenFor(quoteId))}";

    /// <summary>The buyer's order page.</summary>
    public string Order(Guid orderId) => $"{BaseUrl}/orders/{orderId}";

    /// <summary>The buyer's order page, opened at one invoice (its pay and PDF buttons).</summary>
    public string Invoice(Guid orderId, Guid invoiceId) => $"{BaseUrl}/orders/{orderId}?invoice={invoiceId}";

    /// <summary>A page of the site, e.g. "/tasks".</summary>
    public string Page(string path) => BaseUrl + path;

    /// <summary>A fresh capability token for one quote.</summary>
    public string TokenFor(Guid quoteId) =>
        tokens.Sign(Purpose, quoteId.ToString("D"), clock.GetUtcNow().AddDays(Math.Clamp(options.QuoteLinkDays, 1, 365)));

    /// <summary>Why <paramref name="token"/> does not open <paramref name="quoteId"/>, or null when it does.</summary>
    public string? Check(Guid quoteId, string? token) => tokens.Check(Purpose, quoteId.ToString("D"), token, clock.GetUtcNow());
}
