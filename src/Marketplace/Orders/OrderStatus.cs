using System.Text.Json.Serialization;

namespace Sleek.Workflows.Marketplace.Orders;

/// <summary>
/// An order's workflow_status. Stored and sent as docs/domain.md's snake_case strings (see
/// <see cref="OrderStatusNames"/>); which changes are allowed is <see cref="OrderStatusTransitions"/>.
/// </summary>
public enum OrderStatus
{
    /// <summary>quote_requested.</summary>
    [JsonStringEnumMemberName("quote_requested")] QuoteRequested,

    /// <summary>quote_sent.</summary>
    [JsonStringEnumMemberName("quote_sent")] QuoteSent,

    /// <summary>admin_review.</summary>
    [JsonStringEnumMemberName("admin_review")] AdminReview,

    /// <summary>awaiting_payment.</summary>
    [JsonStringEnumMemberName("awaiting_payment")] AwaitingPayment,

    /// <summary>payment_received.</summary>
    [JsonStringEnumMemberName("payment_received")] PaymentReceived,

    /// <summary>assigned_to_supplier.</summary>
    [JsonStringEnumMemberName("assigned_to_supplier")] AssignedToSupplier,

    /// <summary>sample_requested.</summary>
    [JsonStringEnumMemberName("sample_requested")] SampleRequested,

    /// <summary>sample_submitted.</summary>
    [JsonStringEnumMemberName("sample_submitted")] SampleSubmitted,

    /// <summary>sample_approved.</summary>
    [JsonStringEnumMemberName("sample_approved")] SampleApproved,

    /// <summary>bulk_production.</summary>
    [JsonStringEnumMemberName("bulk_production")] BulkProduction,

    /// <summary>qc_inspection.</summary>
    [JsonStringEnumMemberName("qc_inspection")] QcInspection,

    /// <summary>ready_to_ship.</summary>
    [JsonStringEnumMemberName("ready_to_ship")] ReadyToShip,

    /// <summary>shipped.</summary>
    [JsonStringEnumMemberName("shipped")] Shipped,

    /// <summary>delivered.</summary>
    [JsonStringEnumMemberName("delivered")] Delivered,

    /// <summary>completed (final).</summary>
    [JsonStringEnumMemberName("completed")] Completed,

    /// <summary>cancelled (final).</summary>
    [JsonStringEnumMemberName("cancelled")] Cancelled,

    /// <summary>on_hold: returns only to the status it was held from (or is cancelled).</summary>
    [JsonStringEnumMemberName("on_hold")] OnHold,
}
