using Sleek.Workflows.Marketplace.Orders;

namespace Sleek.Workflows.Marketplace.Suppliers;

/// <summary>Assigning an order to the supplier that accepted its offer (by a person or automatically).</summary>
public static class OfferAcceptance
{
    /// <summary>
    /// Records the answer, sets the order's supplier and supplier price (buyer total less the 10% fee),
    /// counts the order in the supplier's workload and totals (<see cref="SupplierPerformance"/>) and writes the order's timeline.
    /// </summary>
    /// <returns>An error when the order already has another supplier; null when assigned.</returns>
    public static string? Accept(Order order, Supplier supplier, SupplierOffer offer, OfferResponse response, DateTime now)
    {
        if (order.SupplierId is { } current && current != supplier.Id)
        {
            return $"order {order.Number} is already assigned to supplier {current}; offer {offer.Id} to {supplier.Name} cannot be accepted";
        }

        offer.Response = response;
        offer.RespondedAt = now;
        order.SupplierId = supplier.Id;
        order.SupplierPrice = SupplierMapping.SupplierPrice(order.Total);
        order.UpdatedAt = now;
        SupplierPerformance.Assigned(order, supplier, now);
        order.Record("workflow", "supplier_assigned", $"{supplier.Name} ({(response == OfferResponse.Auto ? "auto-accepted" : "accepted")}), supplier price {order.SupplierPrice:0.00} USD", now);
        return null;
    }
}
