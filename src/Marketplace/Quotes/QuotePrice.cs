namespace Sleek.Workflows.Marketplace.Quotes;

/// <summary>A computed price and lead time (see <see cref="QuotePricing"/>).</summary>
/// <param name="Category">The category key.</param>
/// <param name="UnitPrice">USD per unit, unrounded (e.g. 8.645).</param>
/// <param name="Total">USD, rounded to cents half away from zero.</param>
/// <param name="SamplingDays">Days for the sample.</param>
/// <param name="ProductionDays">ceil(quantity / 100 × production days per 100 units).</param>
/// <param name="BufferDays">ceil(10 % of <paramref name="ProductionDays"/>).</param>
/// <param name="LeadTimeDays">Sampling + production + buffer days.</param>
public sealed record QuotePrice(string Category, decimal UnitPrice, decimal Total, int SamplingDays, int ProductionDays, int BufferDays, int LeadTimeDays);
