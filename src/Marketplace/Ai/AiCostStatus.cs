namespace Sleek.Workflows.Marketplace.Ai;

/// <summary>The last hour's AI spending and what it means.</summary>
/// <param name="LastHourUsd">Sum of the costs in the hour before the evaluation time.</param>
/// <param name="Level">Normal, Warning or Alert.</param>
/// <param name="Calls">How many calls the sum covers.</param>
public sealed record AiCostStatus(decimal LastHourUsd, AiCostLevel Level, int Calls);
