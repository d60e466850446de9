namespace Sleek.Workflows.Marketplace.Ai;

/// <summary>One call's cost at a time (a row of the AI usage log).</summary>
/// <param name="At">When the call was made.</param>
/// <param name="CostUsd">Its cost in USD.</param>
public readonly record struct AiCostEntry(DateTimeOffset At, decimal CostUsd);
