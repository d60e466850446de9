namespace Sleek.Workflows.Marketplace.Catalog;

/// <summary>
/// A product as a supplier submits it (create or edit; JSON names in camelCase). Numbers are decimals so that 10.5
/// units or a price of 1.005 are reported by <see cref="ProductRules"/> rather than lost in binding.
/// </summary>
public sealed record ProductDraft
{
    /// <summary>A catalog category ("t_shirt", "T-Shirt").</summary>
    public string? Category { get; init; }

    /// <summary>3–120 characters.</summary>
    public string? Title { get; init; }

    /// <summary>Up to 4,000 characters.</summary>
    public string? Description { get; init; }

    /// <summary>Minimum order quantity: whole units, 1–100,000.</summary>
    public decimal? Moq { get; init; }

    /// <summary>Per unit, more than 0 and at most 100,000, whole cents.</summary>
    public decimal? BasePrice { get; init; }

    /// <summary>ISO 4217; only USD for now (default).</summary>
    public string? Currency { get; init; }

    /// <summary>Whole days, 1–365.</summary>
    public decimal? LeadTimeDays { get; init; }
}

/// <summary>A draft that passed <see cref="ProductRules.Validate"/>: normalized values.</summary>
public sealed record ValidProductDraft(string Category, string Title, string Description, int Moq, decimal BasePrice, string Currency, int LeadTimeDays);
