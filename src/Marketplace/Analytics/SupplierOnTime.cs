namespace Sleek.Workflows.Marketplace.Analytics;

/// <summary>How punctual a supplier was in a range, next to the rate stored on its profile.</summary>
/// <param name="SupplierId">The supplier.</param>
/// <param name="Name">Its name.</param>
/// <param name="FinishedStages">Production stages of its orders finished in the range (with a planned end).</param>
/// <param name="OnTimeStages">Of those, finished by their planned end.</param>
/// <param name="OnTimeRate">OnTime ÷ Finished (4 decimals); null when none finished.</param>
/// <param name="StoredOnTimeRate">The on-time rate on the supplier's profile (used for scoring).</param>
public sealed record SupplierOnTime(Guid SupplierId, string Name, int FinishedStages, int OnTimeStages, decimal? OnTimeRate, decimal StoredOnTimeRate);
