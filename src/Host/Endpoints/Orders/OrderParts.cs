namespace Sleek.Workflows.Host.Endpoints.Orders;

/// <summary>One timeline row: who, what, from/to status, why, when.</summary>
internal sealed record OrderTimelineDto(DateTime At, string Actor, string Action, string? FromStatus, string? ToStatus, string? Reason);

/// <summary>A production stage; late when it ended (or is still running) past its planned end.</summary>
internal sealed record OrderStageDto(
    int Sequence,
    string Name,
    int PlannedDays,
    DateTime? PlannedStart,
    DateTime? PlannedEnd,
    DateTime? ActualStart,
    DateTime? ActualEnd,
    bool Late,
    int DaysLate,
    DateTime? DelayAlertedAt);

/// <summary>The assigned supplier.</summary>
internal sealed record OrderSupplierDto(Guid Id, string Name, string Email, string Country);

/// <summary>How the order travels.</summary>
internal sealed record OrderShipmentDto(string? Carrier, string? TrackingNumber);

/// <summary>An invoice of the order.</summary>
internal sealed record OrderInvoiceDto(Guid Id, string Number, string Kind, decimal Amount, string Currency, string Status, DateTime IssuedAt, DateTime DueAt, DateTime? PaidAt);

/// <summary>An order in a list.</summary>
internal sealed record OrderSummaryDto(Guid Id, string Number, string Status, string BuyerEmail, string ProductType, int Quantity, decimal Total, Guid? SupplierId, Guid? WorkflowInstanceId, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>Body of the ops actions cancel, hold and release.</summary>
/// <param name="Reason">Why (shown in the timeline); required to cancel and to hold.</param>
internal sealed record OrderActionBody(string? Reason);

/// <summary>Whose an order is (for access checks) and the workflow instance behind it.</summary>
internal sealed record OrderOwnership(string? BuyerUserId, Guid? SupplierId, Guid? WorkflowInstanceId);
