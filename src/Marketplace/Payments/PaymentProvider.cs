using System.Text.Json.Serialization;

namespace Sleek.Workflows.Marketplace.Payments;

/// <summary>Where a payment came from: Stripe or confirmed by ops.</summary>
public enum PaymentProvider
{
    /// <summary>stripe.</summary>
    [JsonStringEnumMemberName("stripe")] Stripe,

    /// <summary>manual.</summary>
    [JsonStringEnumMemberName("manual")] Manual,
}
