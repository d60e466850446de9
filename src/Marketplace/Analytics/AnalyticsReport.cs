namespace Sleek.Workflows.Marketplace.Analytics;

/// <summary>The marketplace's figures for a range of days (UTC, both ends included).</summary>
/// <param name="From">First day.</param>
/// <param name="To">Last day.</param>
/// <param name="Quotes">Quotes created in the range.</param>
/// <param name="Orders">Orders created in the range.</param>
/// <param name="Conversion">Orders ÷ quotes in the range (4 decimals); null without quotes.</param>
/// <param name="AverageLeadTimeDays">Average quoted lead time of the range's quotes (2 decimals); null without quotes.</param>
/// <param name="QuotesPerDay">Every day of the range with its quote count (zeros included).</param>
/// <param name="Revenue">Payments received in the range.</param>
/// <param name="Suppliers">On-time rate per supplier: production stages finished in the range by their planned end.</param>
public sealed record AnalyticsReport(
    DateOnly From,
    DateOnly To,
    int Quotes,
    int Orders,
    decimal? Conversion,
    decimal? AverageLeadTimeDays,
    IReadOnlyList<DailyCount> QuotesPerDay,
    RevenueReport Revenue,
    IReadOnlyList<SupplierOnTime> Suppliers);
