using Sleek.Workflows.Marketplace.Orders;

namespace Sleek.Workflows.Host.Endpoints.Orders;

/// <summary>The ops list's extra filters: part of the number or buyer e-mail, and the UTC days the order was created in.</summary>
/// <param name="Search">Case-insensitive part of the order number or buyer e-mail.</param>
/// <param name="From">First day (inclusive).</param>
/// <param name="To">Last day (inclusive).</param>
internal sealed record OrderListFilter(string? Search, DateOnly? From, DateOnly? To)
{
    public IQueryable<Order> Apply(IQueryable<Order> query)
    {
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var text = Search.Trim().ToLowerInvariant();
            query = query.Where(o => o.BuyerEmail.ToLower().Contains(text) || o.Number.ToLower().Contains(text));
        }

        if (From is { } start)
        {
            var since = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(o => o.CreatedAt >= since);
        }

        if (To is { } end)
        {
            var until = end.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(o => o.CreatedAt < until);
        }

        return query;
    }
}
