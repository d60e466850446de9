namespace Sleek.Workflows.Marketplace.Suppliers;

/// <summary>Which product categories count as related for scoring (20 points instead of 40 for an exact match).</summary>
public interface ICategoryRelations
{
    /// <summary>True when a supplier making <paramref name="supplierCategory"/> is a related fit for <paramref name="orderCategory"/>.</summary>
    bool AreRelated(string orderCategory, string supplierCategory);
}
