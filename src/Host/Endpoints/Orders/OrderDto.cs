using Sleek.Workflows.Host.Endpoints.Quotes;
using Sleek.Workflows.Marketplace.Orders;

namespace Sleek.Workflows.Host.Endpoints.Orders;

/// <summary>An order with its history, production stages, supplier, invoices and shipment.</summary>
/// <param name="Id">Order id.</param>
/// <param name="Number">ORD-2026-0001.</param>
/// <param name="Status">workflow_status (snake_case).</param>
/// <param name="StatusBeforeHold">While on_hold: the status a release returns to.</param>
/// <param name="QuoteId">The accepted quote.</param>
/// <param name="QuoteNumber">Its number.</param>
/// <param name="BuyerEmail">The buyer.</param>
/// <param name="ProductType">Category key.</param>
/// <param name="Quantity">Units.</param>
/// <param name="UnitPrice">USD per unit.</param>
/// <param name="Total">USD.</param>
/// <param name="Currency">USD.</param>
/// <param name="Supplier">The assigned supplier, if any.</param>
/// <param name="SupplierPrice">USD paid to the supplier.</param>
/// <param name="Shipment">Carrier and tracking number once shipped.</param>
/// <param name="WorkflowInstanceId">The quote-to-delivery instance.</param>
/// <param name="CreatedAt">UTC.</param>
/// <param name="UpdatedAt">UTC.</param>
/// <param name="Timeline">Who did what, why and when; oldest first.</param>
/// <param name="Stages">Production stages with planned and actual dates.</param>
/// <param name="Invoices">Deposit and balance invoices.</param>
internal sealed record OrderDto(
    Guid Id,
    string Number,
    string Status,
    string? StatusBeforeHold,
    Guid QuoteId,
    string? QuoteNumber,
    string BuyerEmail,
    string ProductType,
    int Quantity,
    decimal UnitPrice,
    decimal Total,
    string Currency,
    OrderSupplierDto? Supplier,
    decimal? SupplierPrice,
    OrderShipmentDto? Shipment,
    Guid? WorkflowInstanceId,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<OrderTimelineDto> Timeline,
    IReadOnlyList<OrderStageDto> Stages,
    IReadOnlyList<OrderInvoiceDto> Invoices)
{
    /// <summary>The buyer's deadline, required certifications and allowed/blocked countries (from the quote).</summary>
    public OrderRequirementsDto OrderRequirements { get; init; } = OrderRequirementsDto.None;

    /// <summary>Target (the buyer's needed-by date), expected (the supplier's promise) and actual delivery.</summary>
    public OrderDeliveryDatesDto Delivery { get; init; } = new(null, null, null);
}

/// <summary>An order's delivery dates.</summary>
/// <param name="Target">The date the buyer needs the goods by, if given.</param>
/// <param name="Expected">The date the assigned supplier promised (assignment + its lead time).</param>
/// <param name="Actual">When delivery was confirmed (UTC).</param>
internal sealed record OrderDeliveryDatesDto(DateOnly? Target, DateOnly? Expected, DateTime? Actual);
