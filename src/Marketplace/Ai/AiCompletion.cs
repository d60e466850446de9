namespace Sleek.Workflows.Marketplace.Ai;

/// <summary>What one AI call produced and cost (a row of the AI usage log).</summary>
/// <param name="Text">The answer's text.</param>
/// <param name="PromptTokens">Tokens of the prompt, as the server counted them.</param>
/// <param name="CompletionTokens">Tokens of the answer.</param>
/// <param name="Model">The model that answered (the server's name, e.g. <c>gpt-4o-mini-2024-07-18</c>).</param>
/// <param name="CostUsd">Cost from <see cref="AiCostCalculator"/>.</param>
/// <param name="Duration">Wall time of the call.</param>
public sealed record AiCompletion(string Text, int PromptTokens, int CompletionTokens, string Model, decimal CostUsd, TimeSpan Duration);
