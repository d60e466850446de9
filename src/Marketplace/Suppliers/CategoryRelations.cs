using Sleek.Workflows.Marketplace.Catalog;

namespace Sleek.Workflows.Marketplace.Suppliers;

/// <summary>
/// Related categories. <see cref="Default"/> uses the category catalog's related keys
/// (<see cref="CategoryCatalog.AreRelated"/>); a list of pairs (symmetric) replaces it where a test or
/// a host wants other relations.
/// </summary>
public sealed class CategoryRelations : ICategoryRelations
{
    private readonly HashSet<(string, string)>? _pairs;

    /// <summary>Relations from (category, related category) pairs.</summary>
    public CategoryRelations(IEnumerable<(string A, string B)> pairs)
    {
        _pairs = [];
        foreach (var (a, b) in pairs)
        {
            _pairs.Add((SupplierRuleInput.Key(a), SupplierRuleInput.Key(b)));
            _pairs.Add((SupplierRuleInput.Key(b), SupplierRuleInput.Key(a)));
        }
    }

    private CategoryRelations()
    {
    }

    /// <summary>The catalog's relations (garments made on the same lines, fabrics or skills).</summary>
    public static CategoryRelations Default { get; } = new();

    /// <inheritdoc />
    public bool AreRelated(string orderCategory, string supplierCategory)
    {
        var (a, b) = (SupplierRuleInput.Key(orderCategory), SupplierRuleInput.Key(supplierCategory));
        return _pairs is null ? CategoryCatalog.AreRelated(a, b) : _pairs.Contains((a, b));
    }
}
