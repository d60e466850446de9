namespace Sleek.Workflows.Marketplace.Analytics;

/// <summary>A count for one UTC day.</summary>
/// <param name="Date">The day.</param>
/// <param name="Count">How many.</param>
public sealed record DailyCount(DateOnly Date, int Count);
