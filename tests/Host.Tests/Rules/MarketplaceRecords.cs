using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Marketplace.Orders;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Quotes;
using Sleek.Workflows.Marketplace.Suppliers;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Host.Tests.Rules;

/// <summary>Writes and reads marketplace rows of a test host directly (orders to assign, suppliers to check).</summary>
internal static class MarketplaceRecords
{
    private static int _number;

    /// <summary>Host settings that import the repository's <c>rules/</c>.</summary>
    public static Dictionary<string, string> RulesSettings => new() { ["Sleek:RulesDirectory"] = RuleFiles.Directory };

    /// <summary>A quote and its order (status quote_sent) at 8 USD per unit.</summary>
    public static async Task<Order> AddOrderAsync(SleekHost host, string productType, int quantity, DateTime? createdAt = null)
    {
        var n = Interlocked.Increment(ref _number);
        var at = createdAt ?? DateTime.UtcNow;
        var quote = new Quote
        {
            Number = $"Q-2026-{n:D4}",
            ProductType = productType,
            Quantity = quantity,
            Email = $"buyer{n}@example.com",
            UnitPrice = 8m,
            Total = 8m * quantity,
            LeadTimeDays = 20,
            CreatedAt = at,
        };
        var order = new Order
        {
            Number = $"ORD-2026-{n:D4}",
            QuoteId = quote.Id,
            BuyerEmail = quote.Email,
            ProductType = productType,
            Quantity = quantity,
            UnitPrice = 8m,
            Total = 8m * quantity,
            CreatedAt = at,
            UpdatedAt = at,
        };
        var marketplace = host.Services.GetRequiredService<MarketplaceDb>();
        await using var db = marketplace.CreateContext();
        db.Add(quote);
        db.Add(order);
        await db.WriteAsync(CancellationToken.None);
        return order;
    }

    public static async Task<T> ReadAsync<T>(SleekHost host, Func<MarketplaceDbContext, Task<T>> read)
    {
        await using var db = host.Services.GetRequiredService<MarketplaceDb>().CreateContext();
        return await read(db);
    }

    /// <summary>Demo supplier 1, "Lisbon Knit Works": t-shirts, MOQ 100, auto-accept, the best score for small t-shirt orders.</summary>
    public static Guid Lisbon => DemoSuppliers.Id(1);

    /// <summary>Demo supplier 3, "Istanbul Denim &amp; Outerwear": hoodies, MOQ 200, answers offers itself.</summary>
    public static Guid Istanbul => DemoSuppliers.Id(3);
}
