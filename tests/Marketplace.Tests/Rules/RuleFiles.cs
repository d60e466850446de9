using Sleek.Workflows.Marketplace.Rules;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Marketplace.Tests.Rules;

/// <summary>The repository's <c>rules/</c> folder and objects built on it, for the pure rule tests.</summary>
internal static class RuleFiles
{
    public static string Directory { get; } = Path.Combine(SourceTree.Root, "rules");

    public static RuleSetCatalog Catalog { get; } = new();

    public static RulesRunner Runner { get; } = new(Catalog, new DirectoryRuleSetSource(Directory));

    public static SupplierRanking Ranking { get; } = new(Runner, new SupplierScoring());

    public static string Read(string ruleSet) => File.ReadAllText(Path.Combine(Directory, ruleSet + ".json"));

    /// <summary>A supplier that passes every default rule for <see cref="Order"/> and scores 40+25+20+15.</summary>
    public static SupplierProfile Supplier(string name = "Alpha") => new()
    {
        Id = Guid.NewGuid(),
        Name = name,
        Country = "PT",
        Categories = ["t_shirt"],
        Certifications = ["gots"],
        Capacity = 10,
        ActiveOrders = 0,
        Rating = 5,
        OnTimeRate = 1,
        Moq = 50,
        LeadTimeDays = 30,
    };

    public static OrderFacts Order(int quantity = 100) => new()
    {
        Id = Guid.NewGuid(),
        Number = "ORD-2026-0001",
        ProductType = "t_shirt",
        Quantity = quantity,
        CreatedAt = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero),
    };
}
