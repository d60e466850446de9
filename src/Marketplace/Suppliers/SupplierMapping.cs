using Sleek.Workflows.Marketplace.Orders;

namespace Sleek.Workflows.Marketplace.Suppliers;

/// <summary>Maps stored entities to the records rules and scoring read.</summary>
public static class SupplierMapping
{
    /// <summary>The rule/scoring view of a supplier.</summary>
    public static SupplierProfile ToProfile(this Supplier supplier) => new()
    {
        Id = supplier.Id,
        Name = supplier.Name,
        Country = supplier.Country,
        Categories = [.. supplier.Categories],
        Certifications = [.. supplier.Certifications],
        Capacity = supplier.Capacity,
        ActiveOrders = supplier.ActiveOrders,
        Rating = (double)supplier.Rating,
        OnTimeRate = (double)supplier.OnTimeRate,
        Moq = supplier.Moq,
        LeadTimeDays = supplier.LeadTimeDays,
        Tier = supplier.Tier.ToString().ToLowerInvariant(),
        AutoAccept = supplier.AutoAccept,
    };

    /// <summary>
    /// The rule/scoring view of an order, with the buyer's requirements (certifications, countries, and the days left
    /// until its needed-by date, counted from <paramref name="now"/>; the system clock's when left out).
    /// </summary>
    public static OrderFacts ToFacts(this Order order, DateTime? now = null) => new()
    {
        RequiredCertifications = [.. order.RequiredCertifications],
        AllowedCountries = [.. order.AllowedCountries],
        BlockedCountries = [.. order.BlockedCountries],
        DeadlineDays = order.NeededBy is { } neededBy ? neededBy.DayNumber - DateOnly.FromDateTime(now ?? DateTime.UtcNow).DayNumber : null,
        Id = order.Id,
        Number = order.Number,
        ProductType = order.ProductType,
        Quantity = order.Quantity,
        CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(order.CreatedAt, DateTimeKind.Utc)),
    };

    /// <summary>What the supplier is paid: the buyer's total less the 10% platform fee (docs/domain.md), rounded to cents.</summary>
    public static decimal SupplierPrice(decimal buyerTotal) =>
        Math.Round(buyerTotal * (1 - PlatformFee), 2, MidpointRounding.AwayFromZero);

    /// <summary>The platform's fee as a share of the buyer's price.</summary>
    public const decimal PlatformFee = 0.10m;
}
