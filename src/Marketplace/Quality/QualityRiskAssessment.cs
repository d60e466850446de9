namespace Sleek.Workflows.Marketplace.Quality;

/// <summary>An order's quality risk: a 0–100 score, its level and the factors it is the weighted sum of.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Score">0–100: Σ weight × value × 100, rounded.</param>
/// <param name="Level"><c>low</c> (below 40), <c>medium</c> (below <see cref="QualityRisk.HighThreshold"/>) or <c>high</c>.</param>
/// <param name="SupplierId">The supplier the supplier factors were read from; null before assignment (those factors are then neutral).</param>
/// <param name="Factors">The factors, heaviest first.</param>
public sealed record QualityRiskAssessment(Guid OrderId, int Score, string Level, Guid? SupplierId, IReadOnlyList<QualityRiskFactor> Factors);
