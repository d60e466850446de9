using Sleek.Workflows.Marketplace.Catalog;
using Sleek.Workflows.Marketplace.Quotes;

namespace Sleek.Workflows.Marketplace.Tests.Quotes;

public sealed class QuotePricingTests
{
    // docs/domain.md's base prices, written out again so a typo in the catalog cannot pass unnoticed.
    private static readonly Dictionary<string, decimal> DomainPrices = new()
    {
        ["t_shirt"] = 7.00m, ["polo_shirt"] = 9.50m, ["hoodie"] = 14.00m, ["sweatshirt"] = 11.00m, ["jacket"] = 18.00m,
        ["knitwear"] = 8.50m, ["cut_and_sew"] = 12.00m, ["uniforms"] = 15.00m, ["pants"] = 13.00m, ["shorts"] = 8.00m,
        ["dress"] = 16.00m, ["skirt"] = 10.00m, ["blouse"] = 9.00m, ["shirt"] = 10.50m, ["leggings"] = 9.50m,
        ["underwear"] = 6.00m, ["socks"] = 3.50m, ["hat"] = 5.50m, ["scarf"] = 7.50m, ["gloves"] = 8.50m,
        ["bag"] = 12.00m, ["towel"] = 4.50m, ["bedding"] = 15.00m,
    };

    private static readonly int[] Quantities = [49, 50, 99, 100, 199, 200, 100_000];

    public static TheoryData<string, Complexity, int> AllCases()
    {
        var data = new TheoryData<string, Complexity, int>();
        foreach (var key in DomainPrices.Keys)
        {
            foreach (var complexity in Enum.GetValues<Complexity>())
            {
                foreach (var quantity in Quantities)
                {
                    data.Add(key, complexity, quantity);
                }
            }
        }

        return data;
    }

    [Fact]
    public void Catalog_has_exactly_the_23_domain_categories_with_their_prices()
    {
        Assert.Equal(DomainPrices.Keys.ToList(), CategoryCatalog.Keys);
        Assert.All(CategoryCatalog.All, c => Assert.Equal(DomainPrices[c.Key], c.BasePrice));
        Assert.All(CategoryCatalog.All, c => Assert.InRange(c.SamplingDays, 6, 12));
        Assert.All(CategoryCatalog.All, c => Assert.True(c.ProductionDaysPer100 > 0, c.Key));
        var tShirt = CategoryCatalog.Find("t_shirt")!;
        Assert.Equal((7, 4), (tShirt.SamplingDays, tShirt.ProductionDaysPer100));
    }

    [Fact]
    public void Related_categories_are_known_keys_and_symmetric()
    {
        foreach (var category in CategoryCatalog.All)
        {
            Assert.All(category.RelatedKeys, r => Assert.Contains(r, CategoryCatalog.Keys));
            Assert.All(category.RelatedKeys, r => Assert.True(CategoryCatalog.AreRelated(r, category.Key), $"{r}~{category.Key}"));
        }

        Assert.True(CategoryCatalog.AreRelated("t_shirt", "polo_shirt"));
        Assert.True(CategoryCatalog.AreRelated("polo_shirt", "t_shirt"));
        Assert.False(CategoryCatalog.AreRelated("t_shirt", "t_shirt"));
        Assert.False(CategoryCatalog.AreRelated("t_shirt", "bedding"));
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void Unit_price_is_base_times_complexity_times_volume_and_total_is_rounded_once(string key, Complexity complexity, int quantity)
    {
        var category = CategoryCatalog.Find(key)!;
        var complexityFactor = complexity switch { Complexity.Simple => 1.0m, Complexity.Medium => 1.3m, _ => 1.6m };
        var volumeFactor = quantity >= 200 ? 0.90m : quantity >= 100 ? 0.95m : 1.0m;

        var price = QuotePricing.Calculate(category, complexity, quantity);

        var unit = DomainPrices[key] * complexityFactor * volumeFactor;
        Assert.Equal(unit, price.UnitPrice);
        Assert.Equal(Math.Round(unit * quantity, 2, MidpointRounding.AwayFromZero), price.Total);
        Assert.Equal(key, price.Category);
        var production = (int)Math.Ceiling(quantity * category.ProductionDaysPer100 / 100m);
        var buffer = (int)Math.Ceiling(production / 10m);
        Assert.Equal((category.SamplingDays, production, buffer), (price.SamplingDays, price.ProductionDays, price.BufferDays));
        Assert.Equal(category.SamplingDays + production + buffer, price.LeadTimeDays);
    }

    [Fact]
    public void Domain_worked_example_t_shirt_medium_150()
    {
        var price = QuotePricing.Calculate(CategoryCatalog.Find("t_shirt")!, Complexity.Medium, 150);

        Assert.Equal(8.645m, price.UnitPrice);
        Assert.Equal(1296.75m, price.Total);
        // 7 sampling + ceil(1.5 × 4) = 6 production + ceil(0.6) = 1 buffer.
        Assert.Equal((7, 6, 1, 14), (price.SamplingDays, price.ProductionDays, price.BufferDays, price.LeadTimeDays));
    }

    [Fact]
    public void Total_rounds_half_away_from_zero_only_at_the_end()
    {
        // 8.645 × 1 is not a quote quantity, but 8.645 × 101 = 873.145 is: rounding the unit first would give 873.14 (8.64 × 101 = 872.64).
        var price = QuotePricing.Calculate(CategoryCatalog.Find("t_shirt")!, Complexity.Medium, 101);
        Assert.Equal(873.15m, price.Total);
    }

    [Theory]
    [InlineData(49, 1.0)]
    [InlineData(99, 1.0)]
    [InlineData(100, 0.95)]
    [InlineData(199, 0.95)]
    [InlineData(200, 0.90)]
    public void Volume_tiers(int quantity, double factor) => Assert.Equal((decimal)factor, QuotePricing.VolumeFactor(quantity));

    [Theory]
    [InlineData(null, Complexity.Medium)]
    [InlineData("", Complexity.Medium)]
    [InlineData("SIMPLE", Complexity.Simple)]
    [InlineData(" complex ", Complexity.Complex)]
    public void Complexity_parses_case_insensitively_with_medium_default(string? text, Complexity expected)
    {
        Assert.True(QuotePricing.TryParseComplexity(text, out var complexity));
        Assert.Equal(expected, complexity);
    }
}
