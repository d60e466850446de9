using Sleek.Workflows.Marketplace.Orders;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Marketplace.Tests.Rules;

/// <summary>
/// An order's own requirements (from the buyer's quote request) drive all five eligibility rules: among six suppliers that
/// differ in one thing each, each rule excludes exactly its supplier, and only the one that meets everything is a candidate.
/// </summary>
public sealed class OrderRequirementsEligibilityTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private static Order Order() => new()
    {
        Number = "ORD-2026-0042",
        ProductType = "t_shirt",
        Quantity = 200,
        CreatedAt = Now,
        NeededBy = DateOnly.FromDateTime(Now).AddDays(40),
        RequiredCertifications = ["gots"],
        AllowedCountries = ["PT", "ES", "VN"],
        BlockedCountries = ["VN"],
    };

    [Fact]
    public async Task Each_rule_excludes_the_supplier_that_misses_its_requirement()
    {
        var good = RuleFiles.Supplier("Meets everything") with { Country = "PT", LeadTimeDays = 40 };
        var suppliers = new[]
        {
            good,
            good with { Id = Guid.NewGuid(), Name = "MOQ too high", Moq = 500 },
            good with { Id = Guid.NewGuid(), Name = "No GOTS", Certifications = ["bsci"] },
            good with { Id = Guid.NewGuid(), Name = "Full", ActiveOrders = 10, Capacity = 10 },
            good with { Id = Guid.NewGuid(), Name = "Not allowed country", Country = "CN" },
            good with { Id = Guid.NewGuid(), Name = "Blocked country", Country = "VN" },
            good with { Id = Guid.NewGuid(), Name = "Too slow", LeadTimeDays = 41 },
        };

        var result = await RuleFiles.Ranking.RankAsync(Order().ToFacts(Now), suppliers, CancellationToken.None);

        Assert.Equal("Meets everything", Assert.Single(result.Candidates).Supplier.Name);
        var excluded = result.Excluded.ToDictionary(e => e.Supplier.Name, e => Assert.Single(e.Rules).Rule);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["MOQ too high"] = "MeetsMinimumOrderQuantity",
                ["No GOTS"] = "HasRequiredCertifications",
                ["Full"] = "HasFreeCapacity",
                ["Not allowed country"] = "CountryAllowed",
                ["Blocked country"] = "CountryAllowed",
                ["Too slow"] = "LeadTimeWithinDeadline",
            },
            excluded);
    }

    [Fact]
    public void The_deadline_counts_the_days_left_from_now()
    {
        var order = Order();
        Assert.Equal(40, order.ToFacts(Now).DeadlineDays);
        Assert.Equal(30, order.ToFacts(Now.AddDays(10)).DeadlineDays);
        Assert.False(new Order { Number = "ORD-2026-0043" }.ToFacts(Now).HasDeadline);
    }

    [Fact]
    public async Task A_blocked_country_excludes_even_without_an_allowed_list()
    {
        var order = Order();
        order.AllowedCountries = [];
        order.BlockedCountries = ["pt"];
        var result = await RuleFiles.Ranking.RankAsync(order.ToFacts(Now), [RuleFiles.Supplier() with { LeadTimeDays = 30 }], CancellationToken.None);
        Assert.Equal("CountryAllowed", Assert.Single(Assert.Single(result.Excluded).Rules).Rule);
    }
}
