using System.Text.Json.Nodes;

namespace Sleek.Workflows.Marketplace.Suppliers;

/// <summary>The outcome of ranking suppliers for an order: the top candidates and why the others were excluded.</summary>
/// <param name="EligibilityVersion">The version of the eligibility rules used (0 for a candidate).</param>
/// <param name="Candidates">The best eligible suppliers (at most <see cref="SupplierRanking.TopCount"/>), best first.</param>
/// <param name="Eligible">How many suppliers passed every eligibility rule.</param>
/// <param name="Excluded">Suppliers excluded by eligibility rules, each with the rules that failed.</param>
public sealed record SupplierRankingResult(int EligibilityVersion, IReadOnlyList<RankedSupplier> Candidates, int Eligible, IReadOnlyList<ExcludedSupplier> Excluded)
{
    /// <summary>The best candidate, or null when every supplier was excluded.</summary>
    public RankedSupplier? Top => Candidates.Count > 0 ? Candidates[0] : null;

    /// <summary><c>{eligibilityVersion, eligible, candidates:[...], excluded:[...]}</c>.</summary>
    public JsonObject ToJson() => new()
    {
        ["eligibilityVersion"] = EligibilityVersion,
        ["eligible"] = Eligible,
        ["candidates"] = new JsonArray([.. Candidates.Select(c => (JsonNode)c.ToJson())]),
        ["excluded"] = new JsonArray([.. Excluded.Select(e => (JsonNode)e.ToJson())]),
    };
}
