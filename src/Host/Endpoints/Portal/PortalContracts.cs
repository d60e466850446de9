using Sleek.Workflows.Engine.Runtime.Views;

namespace Sleek.Workflows.Host.Endpoints.Portal;

/// <summary>An open offer of an order to a supplier: answered by completing <paramref name="Task"/> (Accept, or Decline with a reason) before <paramref name="Deadline"/>.</summary>
/// <param name="Task">The offer task (outcomes Accept and Decline, a reason field).</param>
/// <param name="OrderId">The order offered, when known.</param>
/// <param name="OrderNumber">Its number.</param>
/// <param name="ProductType">What is to be made.</param>
/// <param name="Quantity">How many.</param>
/// <param name="SupplierPrice">What the supplier is paid (USD), when set.</param>
/// <param name="SupplierId">The supplier it is offered to.</param>
/// <param name="SupplierName">Its name.</param>
/// <param name="Deadline">Until when it may be answered (UTC); null when the workflow sets none.</param>
/// <param name="Expired">True once the deadline has passed: the answer is refused with 409.</param>
internal sealed record PortalOffer(
    TaskView Task, Guid? OrderId, string? OrderNumber, string? ProductType, int? Quantity, decimal? SupplierPrice, Guid? SupplierId, string? SupplierName, DateTime? Deadline, bool Expired);

/// <summary>A supplier, for the portal's party filter (ops).</summary>
internal sealed record PortalSupplier(Guid Id, string Name);
