namespace Sleek.Workflows.Marketplace;

/// <summary>Marketplace settings (configuration section <c>Marketplace</c>; environment <c>Marketplace__OpsEmail</c>).</summary>
public sealed class MarketplaceOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Marketplace";

    /// <summary>The ops team's address: what <c>SendEmail</c>'s <c>to: "ops"</c> means, and where alerts go.</summary>
    public string OpsEmail { get; set; } = "ops@sleek.local";

    /// <summary>Where people reach the service (links in emails): the designer's quote, order and task pages.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5080";

    /// <summary>Days an anonymous quote's capability link (view and accept without an account) stays valid.</summary>
    public int QuoteLinkDays { get; set; } = 30;
}
