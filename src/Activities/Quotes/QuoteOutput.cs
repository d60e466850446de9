using System.Text.Json.Nodes;
using Sleek.Workflows.Marketplace.Quotes;

namespace Sleek.Workflows.Activities.Quotes;

/// <summary>The output of quote activities: the stored quote as later steps (emails, the order) read it.</summary>
internal static class QuoteOutput
{
    public static JsonObject Of(Quote quote) => new()
    {
        ["quoteId"] = quote.Id.ToString(),
        ["number"] = quote.Number,
        ["status"] = quote.Status.ToName(),
        ["productType"] = quote.ProductType,
        ["quantity"] = quote.Quantity,
        ["complexity"] = quote.Complexity.ToString().ToLowerInvariant(),
        ["fabric"] = quote.Fabric,
        ["requirements"] = quote.Requirements,
        ["email"] = quote.Email,
        ["name"] = quote.Name,
        ["unitPrice"] = quote.UnitPrice,
        ["total"] = quote.Total,
        ["currency"] = "USD",
        ["leadTimeDays"] = quote.LeadTimeDays,
        ["createdAt"] = quote.CreatedAt.ToString("O"),
        ["orderId"] = quote.OrderId?.ToString(),
    };
}
