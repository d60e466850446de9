using Sleek.Workflows.Marketplace.Catalog;

namespace Sleek.Workflows.Marketplace.Quotes;

/// <summary>A quote request that passed <see cref="QuoteRequestValidator"/>: normalized and typed. Blank optional fields are null.</summary>
public sealed record ValidQuoteRequest(Category Category, int Quantity, Complexity Complexity, string? Fabric, string? Requirements, string Email, string? Name)
{
    /// <summary>Deadline, certifications and countries the buyer requires (<see cref="OrderRequirements.None"/> when none).</summary>
    public OrderRequirements Needs { get; init; } = OrderRequirements.None;
}
