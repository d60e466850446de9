using System.Text.Json.Serialization;

namespace Sleek.Workflows.Marketplace.Payments;

/// <summary>An invoice's status.</summary>
public enum InvoiceStatus
{
    /// <summary>pending.</summary>
    [JsonStringEnumMemberName("pending")] Pending,

    /// <summary>paid.</summary>
    [JsonStringEnumMemberName("paid")] Paid,

    /// <summary>cancelled.</summary>
    [JsonStringEnumMemberName("cancelled")] Cancelled,

    /// <summary>refunded.</summary>
    [JsonStringEnumMemberName("refunded")] Refunded,
}
