namespace Sleek.Workflows.Marketplace.Quality;

/// <summary>One factor of a <see cref="QualityRiskAssessment"/>: what it measures, its weight and value, and its share of the score.</summary>
/// <param name="Key">Stable key: <c>qc_fail_rate</c>, <c>lateness</c>, <c>complexity</c>, <c>quantity_vs_capacity</c>.</param>
/// <param name="Label">What it is, in words.</param>
/// <param name="Weight">Its weight; the weights add up to 1.</param>
/// <param name="Value">Its value, 0 (no risk) to 1 (most risk).</param>
/// <param name="Points">Weight × value × 100, rounded to one decimal: its share of the score.</param>
/// <param name="Explanation">Where the value comes from, with the numbers.</param>
public sealed record QualityRiskFactor(string Key, string Label, double Weight, double Value, double Points, string Explanation);
