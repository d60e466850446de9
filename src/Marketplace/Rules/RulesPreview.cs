using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Marketplace.Rules;

/// <summary>
/// Runs the current and a candidate version of a rule set over the latest orders (supplier rule sets:
/// the ranking's candidates, or the urgency level) or quotes (automation: the actions), and reports per
/// record the old and new outcome. Nothing is written.
/// </summary>
public sealed class RulesPreview(MarketplaceDb marketplace, RulesRunner runner, SupplierRanking ranking, TimeProvider clock)
{
    /// <summary>Records examined when no limit is given.</summary>
    public const int DefaultLimit = 50;

    /// <summary>The most records one preview examines.</summary>
    public const int MaxLimit = 500;

    /// <summary>Compares the current version with <paramref name="candidate"/> over the latest <paramref name="limit"/> records.</summary>
    public async Task<RulesPreviewResult> PreviewAsync(RuleSetFile candidate, int limit, bool includeUnchanged, CancellationToken cancellationToken)
    {
        candidate.EnsureValid();
        var current = await runner.GetCurrentAsync(candidate.Name, cancellationToken);
        await using var db = marketplace.CreateContext();
        var eligibility = await runner.GetCurrentAsync(RuleSetCatalog.SupplierEligibility, cancellationToken);
        var weights = await ranking.CurrentWeightsAsync(cancellationToken);
        // By input kind: a rule set a rule author created is previewed as the built-in one of its kind.
        var (subject, all) = candidate.Shape.InputType switch
        {
            var t when t == typeof(AutomationInput) => ("quotes", await AutomationAsync(db, current, candidate, limit, cancellationToken)),
            var t when t == typeof(UrgencyInput) => ("orders", await UrgencyAsync(db, current, candidate, limit, cancellationToken)),
            var t when t == typeof(SupplierScoreInput) => ("orders", await AssignmentsAsync(db, eligibility, eligibility, current, candidate, limit, cancellationToken)),
            _ => ("orders", await AssignmentsAsync(db, current, candidate, weights, weights, limit, cancellationToken)),
        };
        var changed = all.Count(r => r.Changed);
        return new RulesPreviewResult(candidate.Name, current.Version, subject, all.Count, changed, [.. all.Where(r => includeUnchanged || r.Changed)]);
    }

    /// <summary>Rankings before and after a change of the eligibility rules or of the scoring weights.</summary>
    private async Task<List<PreviewRecord>> AssignmentsAsync(
        MarketplaceDbContext db, RuleSetFile oldEligibility, RuleSetFile newEligibility, RuleSetFile oldWeights, RuleSetFile newWeights, int limit, CancellationToken ct)
    {
        var suppliers = await SupplierCandidates.LoadAsync(db, clock.GetUtcNow(), ct);
        var records = new List<PreviewRecord>();
        foreach (var order in await db.Orders.AsNoTracking().OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Take(limit).ToListAsync(ct))
        {
            var facts = order.ToFacts();
            var old = await ranking.RankAsync(facts, suppliers, oldEligibility, oldWeights);
            var @new = await ranking.RankAsync(facts, suppliers, newEligibility, newWeights);
            var changed = !old.Candidates.Select(c => c.Supplier.Id).SequenceEqual(@new.Candidates.Select(c => c.Supplier.Id))
                || old.Top?.Score.Total != @new.Top?.Score.Total;
            records.Add(new PreviewRecord(order.Id, order.Number, Assignment(old), Assignment(@new), changed));
        }

        return records;
    }

    private async Task<List<PreviewRecord>> UrgencyAsync(MarketplaceDbContext db, RuleSetFile current, RuleSetFile candidate, int limit, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var records = new List<PreviewRecord>();
        foreach (var order in await db.Orders.AsNoTracking().OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Take(limit).ToListAsync(ct))
        {
            var input = UrgencyInput.For(order.ToFacts(), now);
            var old = Outcome(await RulesRunner.RunAsync(current, input));
            var @new = Outcome(await RulesRunner.RunAsync(candidate, input));
            records.Add(new PreviewRecord(order.Id, order.Number, old, @new, !JsonNode.DeepEquals(old, @new)));
        }

        return records;
    }

    private static async Task<List<PreviewRecord>> AutomationAsync(MarketplaceDbContext db, RuleSetFile current, RuleSetFile candidate, int limit, CancellationToken ct)
    {
        var quotes = await db.Quotes.AsNoTracking().OrderByDescending(q => q.CreatedAt).ThenByDescending(q => q.Id).Take(limit).ToListAsync(ct);
        var inputs = await AutomationFacts.ForQuotesAsync(db, quotes, ct);
        var records = new List<PreviewRecord>();
        for (var i = 0; i < quotes.Count; i++)
        {
            var old = Outcome(await RulesRunner.RunAsync(current, inputs[i]));
            var @new = Outcome(await RulesRunner.RunAsync(candidate, inputs[i]));
            // The quality risk the rules read (input1.RiskScore), so a risk rule's impact is seen with its cause.
            old["riskScore"] = inputs[i].RiskScore;
            @new["riskScore"] = inputs[i].RiskScore;
            records.Add(new PreviewRecord(quotes[i].Id, quotes[i].Number, old, @new, !JsonNode.DeepEquals(old, @new)));
        }

        return records;
    }

    private static JsonObject Assignment(SupplierRankingResult result) => new()
    {
        ["top"] = result.Top is { } top
            ? new JsonObject { ["supplierId"] = top.Supplier.Id, ["name"] = top.Supplier.Name, ["score"] = top.Score.Total }
            : null,
        ["candidates"] = new JsonArray([.. result.Candidates.Select(c => (JsonNode)c.Supplier.Name)]),
        ["excluded"] = result.Excluded.Count,
    };

    private static JsonObject Outcome(RuleSetResult result) => new()
    {
        ["action"] = result.FirstAction,
        ["matched"] = new JsonArray([.. result.Matched.Select(m => (JsonNode)m.Rule)]),
    };
}
