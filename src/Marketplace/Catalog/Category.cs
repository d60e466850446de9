namespace Sleek.Workflows.Marketplace.Catalog;

/// <summary>
/// A product category buyers can ask quotes for (table <c>categories</c>): its base price and the days
/// sampling and production take. Seeded from <see cref="CategoryCatalog"/>; pricing reads the catalog in code.
/// </summary>
public sealed class Category
{
    /// <summary>The normalized key, e.g. <c>t_shirt</c> (see <see cref="ProductTypes.Normalize"/>).</summary>
    public string Key { get; set; } = "";

    /// <summary>Name shown to people, e.g. "T-shirt".</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>USD per unit before complexity and volume factors.</summary>
    public decimal BasePrice { get; set; }

    /// <summary>Days to make and approve a sample (6–12).</summary>
    public int SamplingDays { get; set; }

    /// <summary>Production days per 100 units.</summary>
    public int ProductionDaysPer100 { get; set; }

    /// <summary>Categories a supplier of this one can also make (a "related" match scores 20 instead of 40).</summary>
    public List<string> RelatedKeys { get; set; } = [];
}
