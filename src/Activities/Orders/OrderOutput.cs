using System.Text.Json.Nodes;
using Sleek.Workflows.Marketplace.Orders;
using Sleek.Workflows.Marketplace.Quotes;

namespace Sleek.Workflows.Activities.Orders;

/// <summary>The output of order activities: what later steps (emails, tasks) need without another query.</summary>
internal static class OrderOutput
{
    public static JsonObject Of(Order order, Quote? quote) => new()
    {
        ["orderId"] = order.Id.ToString(),
        ["number"] = order.Number,
        ["status"] = order.Status.ToName(),
        ["total"] = order.Total,
        ["unitPrice"] = order.UnitPrice,
        ["quantity"] = order.Quantity,
        ["productType"] = order.ProductType,
        ["buyerEmail"] = order.BuyerEmail,
        ["buyerName"] = quote?.Name,
        ["quoteId"] = order.QuoteId.ToString(),
        ["quoteNumber"] = quote?.Number,
        ["complexity"] = quote?.Complexity.ToString().ToLowerInvariant(),
        ["fabric"] = quote?.Fabric,
        ["requirements"] = quote?.Requirements,
        ["leadTimeDays"] = quote?.LeadTimeDays,
        ["currency"] = "USD",
    };
}
