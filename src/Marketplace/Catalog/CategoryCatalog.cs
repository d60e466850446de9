namespace Sleek.Workflows.Marketplace.Catalog;

/// <summary>
/// The 23 categories of docs/domain.md with their base prices. Sampling days and production days per 100
/// units are our estimates per category (docs/domain.md fixes only t_shirt: 7 and 4); "related" lists feed
/// the supplier score's related-category match and are symmetric through <see cref="AreRelated"/>.
/// </summary>
public static class CategoryCatalog
{
    private static readonly Category[] Items =
    [
        Make("t_shirt", "T-shirt", 7.00m, 7, 4, "polo_shirt", "sweatshirt", "cut_and_sew"),
        Make("polo_shirt", "Polo shirt", 9.50m, 8, 5, "t_shirt", "shirt", "uniforms"),
        Make("hoodie", "Hoodie", 14.00m, 10, 7, "sweatshirt", "jacket", "knitwear"),
        Make("sweatshirt", "Sweatshirt", 11.00m, 9, 6, "hoodie", "t_shirt", "knitwear"),
        Make("jacket", "Jacket", 18.00m, 12, 10, "hoodie", "uniforms", "cut_and_sew"),
        Make("knitwear", "Knitwear", 8.50m, 10, 8, "sweatshirt", "hoodie", "scarf"),
        Make("cut_and_sew", "Cut & sew", 12.00m, 9, 7, "t_shirt", "dress", "pants", "jacket"),
        Make("uniforms", "Uniforms", 15.00m, 10, 8, "shirt", "pants", "polo_shirt", "jacket"),
        Make("pants", "Pants", 13.00m, 9, 7, "shorts", "leggings", "uniforms"),
        Make("shorts", "Shorts", 8.00m, 7, 5, "pants", "leggings"),
        Make("dress", "Dress", 16.00m, 10, 8, "skirt", "blouse", "cut_and_sew"),
        Make("skirt", "Skirt", 10.00m, 8, 6, "dress", "blouse"),
        Make("blouse", "Blouse", 9.00m, 8, 6, "shirt", "dress", "skirt"),
        Make("shirt", "Shirt", 10.50m, 8, 6, "blouse", "polo_shirt", "uniforms"),
        Make("leggings", "Leggings", 9.50m, 7, 5, "pants", "shorts", "underwear"),
        Make("underwear", "Underwear", 6.00m, 6, 4, "leggings", "socks"),
        Make("socks", "Socks", 3.50m, 6, 3, "underwear", "gloves"),
        Make("hat", "Hat", 5.50m, 7, 4, "scarf", "gloves"),
        Make("scarf", "Scarf", 7.50m, 6, 3, "hat", "gloves", "knitwear"),
        Make("gloves", "Gloves", 8.50m, 8, 5, "hat", "scarf", "socks"),
        Make("bag", "Bag", 12.00m, 9, 6, "cut_and_sew"),
        Make("towel", "Towel", 4.50m, 6, 3, "bedding"),
        Make("bedding", "Bedding", 15.00m, 8, 5, "towel"),
    ];

    private static readonly Dictionary<string, Category> ByKey = Items.ToDictionary(c => c.Key, StringComparer.Ordinal);

    /// <summary>All categories in docs/domain.md order. Each call returns new objects (safe to hand to EF).</summary>
    public static IReadOnlyList<Category> All => Items.Select(Copy).ToList();

    /// <summary>The keys, in docs/domain.md order.</summary>
    public static IReadOnlyList<string> Keys { get; } = Items.Select(c => c.Key).ToList();

    /// <summary>The category for a product type as a buyer wrote it ("T-Shirt", "t shirt"), or null when unknown.</summary>
    public static Category? Find(string? productType)
    {
        var key = ProductTypes.Normalize(productType);
        return key is not null && ByKey.TryGetValue(key, out var category) ? Copy(category) : null;
    }

    /// <summary>True when <paramref name="a"/> lists <paramref name="b"/> as related or the other way round (keys).</summary>
    public static bool AreRelated(string a, string b) =>
        a != b
        && ((ByKey.TryGetValue(a, out var ca) && ca.RelatedKeys.Contains(b)) || (ByKey.TryGetValue(b, out var cb) && cb.RelatedKeys.Contains(a)));

    private static Category Make(string key, string name, decimal price, int samplingDays, int productionDaysPer100, params string[] related) =>
        new() { Key = key, DisplayName = name, BasePrice = price, SamplingDays = samplingDays, ProductionDaysPer100 = productionDaysPer100, RelatedKeys = [.. related] };

    private static Category Copy(Category c) => Make(c.Key, c.DisplayName, c.BasePrice, c.SamplingDays, c.ProductionDaysPer100, [.. c.RelatedKeys]);
}
