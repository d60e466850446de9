using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Marketplace.Orders;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Quality;
using Sleek.Workflows.Marketplace.Quotes;

namespace Sleek.Workflows.Marketplace.Rules;

/// <summary>
/// Builds <see cref="AutomationInput"/> from stored orders and quotes, so a workflow (or a preview) need
/// not compute facts such as the buyer's completed orders itself.
/// </summary>
public static class AutomationFacts
{
    /// <summary>Facts of an order (by id), or null when it does not exist.</summary>
    public static async Task<AutomationInput?> ForOrderAsync(MarketplaceDbContext db, Guid orderId, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        return order is null ? null : new AutomationInput
        {
            Subject = "order",
            QuoteTotal = order.Total,
            Quantity = order.Quantity,
            ProductType = order.ProductType,
            BuyerEmail = order.BuyerEmail,
            BuyerCompletedOrders = (await CompletedOrdersAsync(db, [order.BuyerEmail], cancellationToken)).GetValueOrDefault(order.BuyerEmail),
            RiskScore = (await QualityRisk.ForOrderAsync(db, order.Id, cancellationToken))?.Score ?? 0,
        };
    }

    /// <summary>Facts of a quote (by id), or null when it does not exist.</summary>
    public static async Task<AutomationInput?> ForQuoteAsync(MarketplaceDbContext db, Guid quoteId, CancellationToken cancellationToken)
    {
        var quote = await db.Quotes.AsNoTracking().FirstOrDefaultAsync(q => q.Id == quoteId, cancellationToken);
        return quote is null ? null : (await ForQuotesAsync(db, [quote], cancellationToken))[0];
    }

    /// <summary>Facts of several quotes, in their order, with one query for the buyers' completed orders.</summary>
    public static async Task<IReadOnlyList<AutomationInput>> ForQuotesAsync(MarketplaceDbContext db, IReadOnlyList<Quote> quotes, CancellationToken cancellationToken)
    {
        var completed = await CompletedOrdersAsync(db, [.. quotes.Select(q => q.Email).Distinct()], cancellationToken);
        return [.. quotes.Select(q => new AutomationInput
        {
            Subject = "quote",
            QuoteTotal = q.Total,
            Quantity = q.Quantity,
            ProductType = q.ProductType,
            BuyerEmail = q.Email,
            BuyerCompletedOrders = completed.GetValueOrDefault(q.Email),
            RiskScore = QualityRisk.Assess(q.OrderId ?? q.Id, q.Quantity, q.Complexity, null).Score,
        })];
    }

    private static async Task<Dictionary<string, int>> CompletedOrdersAsync(MarketplaceDbContext db, List<string> emails, CancellationToken cancellationToken) =>
        await db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.Completed && emails.Contains(o.BuyerEmail))
            .GroupBy(o => o.BuyerEmail)
            .Select(g => new { Email = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Email, g => g.Count, StringComparer.Ordinal, cancellationToken);
}
