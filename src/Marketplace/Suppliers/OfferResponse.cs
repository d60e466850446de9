using System.Text.Json.Serialization;

namespace Sleek.Workflows.Marketplace.Suppliers;

/// <summary>How a supplier answered an offer (stored and sent lower-case).</summary>
public enum OfferResponse
{
    /// <summary>accepted.</summary>
    [JsonStringEnumMemberName("accepted")] Accepted,

    /// <summary>declined.</summary>
    [JsonStringEnumMemberName("declined")] Declined,

    /// <summary>timeout.</summary>
    [JsonStringEnumMemberName("timeout")] Timeout,

    /// <summary>auto.</summary>
    [JsonStringEnumMemberName("auto")] Auto,
}
