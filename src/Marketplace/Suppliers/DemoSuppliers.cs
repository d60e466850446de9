namespace Sleek.Workflows.Marketplace.Suppliers;

/// <summary>
/// Ten varied demo factories: different countries, tiers, MOQs, certifications, workloads and
/// auto-accept, so supplier assignment has something to rank (and exclude) on a fresh install.
/// </summary>
public static class DemoSuppliers
{
    /// <summary>How many there are.</summary>
    public const int Count = 10;

    /// <summary>New rows with fixed ids (so tests and demos can refer to them).</summary>
    public static List<Supplier> Create() =>
    [
        Make(1, "Lisbon Knit Works", "PT", ["t_shirt", "polo_shirt", "sweatshirt", "knitwear"], 20, 4, 4.8m, 0.96m, 100, 35, SupplierTier.Gold, true, ["OEKO-TEX", "GOTS"]),
        Make(2, "Dhaka Garment Co.", "BD", ["t_shirt", "shirt", "pants", "shorts", "underwear"], 60, 40, 4.1m, 0.82m, 500, 50, SupplierTier.Silver, false, ["BSCI", "WRAP"]),
        Make(3, "Istanbul Denim & Outerwear", "TR", ["jacket", "pants", "hoodie"], 25, 12, 4.5m, 0.90m, 200, 40, SupplierTier.Gold, false, ["OEKO-TEX", "BSCI"]),
        Make(4, "Porto Uniform Atelier", "PT", ["uniforms", "shirt", "polo_shirt"], 15, 3, 4.6m, 0.94m, 50, 30, SupplierTier.Silver, true, ["ISO 9001"]),
        Make(5, "Ho Chi Minh Activewear", "VN", ["leggings", "shorts", "t_shirt", "hoodie"], 40, 35, 4.0m, 0.78m, 300, 45, SupplierTier.Bronze, false, ["WRAP"]),
        Make(6, "Guangzhou Accessories Ltd", "CN", ["hat", "bag", "gloves", "scarf", "socks"], 80, 20, 3.9m, 0.85m, 1000, 55, SupplierTier.Bronze, true, []),
        Make(7, "Tiruppur Home Textiles", "IN", ["towel", "bedding"], 30, 10, 4.3m, 0.88m, 200, 40, SupplierTier.Silver, false, ["GOTS", "OEKO-TEX"]),
        Make(8, "Milano Couture Lab", "IT", ["dress", "skirt", "blouse", "cut_and_sew"], 10, 8, 4.9m, 0.97m, 50, 30, SupplierTier.Gold, false, ["OEKO-TEX"]),
        Make(9, "Leon Knit & Sweat", "MX", ["sweatshirt", "hoodie", "knitwear", "t_shirt"], 35, 30, 3.6m, 0.70m, 100, 35, SupplierTier.Bronze, false, ["WRAP"]),
        Make(10, "Lodz Cut & Sew", "PL", ["cut_and_sew", "jacket", "dress", "pants"], 18, 6, 4.4m, 0.91m, 75, 32, SupplierTier.Silver, true, ["BSCI", "ISO 9001"]),
    ];

    /// <summary>The fixed id of demo supplier <paramref name="n"/> (1–10).</summary>
    public static Guid Id(int n) => Guid.Parse($"00000000-0000-0000-5e1e-{n:D12}");

    private static Supplier Make(int n, string name, string country, List<string> categories, int capacity, int active, decimal rating, decimal onTime, int moq, int leadTime, SupplierTier tier, bool autoAccept, List<string> certifications) => new()
    {
        Id = Id(n),
        Name = name,
        Email = $"orders@supplier{n}.example.com",
        Country = country,
        Categories = categories,
        Capacity = capacity,
        ActiveOrders = active,
        Rating = rating,
        OnTimeRate = onTime,
        Moq = moq,
        LeadTimeDays = leadTime,
        Tier = tier,
        AutoAccept = autoAccept,
        Certifications = certifications,
        // Seeded factories are already vetted: eligible for offers from the start.
        VerificationStatus = VerificationStatus.Verified,
    };
}
