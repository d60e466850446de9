namespace Sleek.Workflows.Activities.Suppliers;

/// <summary>
/// Related categories from a list of pairs; relations are symmetric and keys are compared after
/// <see cref="SupplierRuleInput.Key"/>. <see cref="Default"/> is a small built-in map of the 23 DOMAIN
/// categories; the host may replace it with one built from the category catalog.
/// </summary>
public sealed class CategoryRelations : ICategoryRelations
{
    private readonly HashSet<(string, string)> _pairs = [];

    /// <summary>Relations from (category, related category) pairs.</summary>
    public CategoryRelations(IEnumerable<(string A, string B)> pairs)
    {
        foreach (var (a, b) in pairs)
        {
            _pairs.Add((SupplierRuleInput.Key(a), SupplierRuleInput.Key(b)));
            _pairs.Add((SupplierRuleInput.Key(b), SupplierRuleInput.Key(a)));
        }
    }

    /// <summary>Garments made on the same lines, fabrics or skills.</summary>
    public static CategoryRelations Default { get; } = new([
        ("t_shirt", "polo_shirt"), ("t_shirt", "knitwear"), ("t_shirt", "cut_and_sew"),
        ("polo_shirt", "shirt"), ("polo_shirt", "uniforms"),
        ("hoodie", "sweatshirt"), ("hoodie", "jacket"), ("sweatshirt", "knitwear"),
        ("jacket", "uniforms"), ("jacket", "cut_and_sew"),
        ("knitwear", "scarf"), ("knitwear", "socks"),
        ("cut_and_sew", "pants"), ("cut_and_sew", "dress"), ("cut_and_sew", "shirt"), ("cut_and_sew", "blouse"), ("cut_and_sew", "skirt"),
        ("uniforms", "shirt"), ("uniforms", "pants"),
        ("pants", "shorts"), ("pants", "leggings"), ("shorts", "leggings"),
        ("dress", "skirt"), ("dress", "blouse"), ("skirt", "blouse"), ("blouse", "shirt"),
        ("leggings", "underwear"), ("underwear", "socks"),
        ("hat", "scarf"), ("hat", "gloves"), ("scarf", "gloves"),
        ("towel", "bedding"), ("bag", "cut_and_sew"),
    ]);

    /// <inheritdoc />
    public bool AreRelated(string orderCategory, string supplierCategory) =>
        _pairs.Contains((SupplierRuleInput.Key(orderCategory), SupplierRuleInput.Key(supplierCategory)));
}
