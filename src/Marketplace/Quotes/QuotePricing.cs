using Sleek.Workflows.Marketplace.Catalog;

namespace Sleek.Workflows.Marketplace.Quotes;

/// <summary>
/// docs/domain.md pricing, in decimal so 7.00 × 1.3 × 0.95 is exactly 8.645: unit = base × complexity ×
/// volume (unrounded); total = unit × quantity rounded to cents half away from zero only at the end.
/// Lead time = sampling days + production days + buffer, where production days = ceil(quantity / 100 ×
/// production days per 100 units) and buffer = ceil(10 % of those production days).
/// </summary>
public static class QuotePricing
{
    /// <summary>Smallest quantity a quote may ask for.</summary>
    public const int MinQuantity = 50;

    /// <summary>Largest quantity a quote may ask for.</summary>
    public const int MaxQuantity = 100_000;

    /// <summary>simple 1.0, medium 1.3, complex 1.6.</summary>
    public static decimal ComplexityFactor(Complexity complexity) => complexity switch
    {
        Complexity.Simple => 1.0m,
        Complexity.Medium => 1.3m,
        Complexity.Complex => 1.6m,
        _ => throw new ArgumentOutOfRangeException(nameof(complexity), complexity, "unknown complexity"),
    };

    /// <summary>≥200 units 0.90; 100–199 units 0.95; below 100 units 1.0.</summary>
    public static decimal VolumeFactor(int quantity) => quantity switch
    {
        >= 200 => 0.90m,
        >= 100 => 0.95m,
        _ => 1.0m,
    };

    /// <summary>"simple", "Medium", " complex " → the complexity; null or blank → medium; anything else → false.</summary>
    public static bool TryParseComplexity(string? text, out Complexity complexity)
    {
        complexity = Complexity.Medium;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        switch (text.Trim().ToLowerInvariant())
        {
            case "simple": complexity = Complexity.Simple; return true;
            case "medium": complexity = Complexity.Medium; return true;
            case "complex": complexity = Complexity.Complex; return true;
            default: return false;
        }
    }

    /// <summary>The price and lead time of <paramref name="quantity"/> units (any positive quantity; quotes check 50–100,000).</summary>
    public static QuotePrice Calculate(Category category, Complexity complexity, int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        var unit = category.BasePrice * ComplexityFactor(complexity) * VolumeFactor(quantity);
        var total = Math.Round(unit * quantity, 2, MidpointRounding.AwayFromZero);
        var productionDays = (int)Math.Ceiling(quantity / 100m * category.ProductionDaysPer100);
        var bufferDays = (int)Math.Ceiling(productionDays * 0.1m);
        return new QuotePrice(category.Key, unit, total, category.SamplingDays, productionDays, bufferDays, category.SamplingDays + productionDays + bufferDays);
    }
}
