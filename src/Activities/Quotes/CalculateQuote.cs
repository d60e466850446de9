using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Marketplace.Quotes;

namespace Sleek.Workflows.Activities.Quotes;

/// <summary>Prices a quote in code (docs/domain.md's base prices and factors) and computes its lead time.</summary>
[Activity(
    "CalculateQuote",
    InProcess = true,
    Category = "Quotes",
    DisplayName = "Calculate quote",
    Description = "Prices a product type and quantity (base × complexity × volume) and computes the lead time.",
    OutputType = "object")]
public sealed class CalculateQuote : IActivity
{
    /// <summary>A category as the buyer wrote it ("T-Shirt" is t_shirt).</summary>
    [Input(Required = true, Description = "Product category, e.g. t_shirt (case, spaces and hyphens are normalized).")]
    public string ProductType { get; set; } = "";

    /// <summary>Units, 50–100,000.</summary>
    [Input(Required = true, Description = "Units: a whole number from 50 to 100,000.")]
    public decimal? Quantity { get; set; }

    /// <summary>simple, medium or complex.</summary>
    [Input(Options = ["simple", "medium", "complex"], Description = "Complexity factor: simple 1.0, medium 1.3, complex 1.6.")]
    public string Complexity { get; set; } = "medium";

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var errors = new List<string>();
        void Add(string field, string message) => errors.Add(message);
        var category = QuoteRequestValidator.CheckProductType(ProductType, Add);
        var quantity = QuoteRequestValidator.CheckQuantity(Quantity, Add);
        if (!QuotePricing.TryParseComplexity(Complexity, out var complexity))
        {
            Add("complexity", $"complexity '{Complexity}' is not one of simple, medium, complex");
        }

        if (errors.Count > 0 || category is null)
        {
            return ValueTask.FromResult(ActivityResult.Fault(string.Join("; ", errors)));
        }

        var price = QuotePricing.Calculate(category, complexity, quantity);
        var output = new JsonObject
        {
            ["category"] = price.Category,
            ["unitPrice"] = price.UnitPrice,
            ["total"] = price.Total,
            ["leadTimeDays"] = price.LeadTimeDays,
            ["samplingDays"] = price.SamplingDays,
            ["productionDays"] = price.ProductionDays,
        };
        return ValueTask.FromResult(ActivityResult.Done(output));
    }
}
