using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Rules;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Activities.Suppliers;

/// <summary>
/// Ranks the suppliers for an order (eligibility rules exclude, the score of docs/domain.md ranks) and stores the top 5
/// as candidate offers (rank, score, not yet offered). Suppliers that already declined or let an offer of
/// this order time out are left out; earlier unanswered candidates are replaced. The output explains the
/// ranking: each candidate's score breakdown and the rules that excluded the others.
/// </summary>
[Activity("AssignSupplier", InProcess = true, Category = "Suppliers", DisplayName = "Assign supplier", Ports = ["Done", "NoCandidates"], OutputType = "object",
    Description = "Ranks eligible suppliers (rules/supplier-eligibility.json + supplier score) and stores the top 5 as candidates; NoCandidates when none.")]
public sealed class AssignSupplier : IActivity
{
    /// <summary>The order to find a supplier for.</summary>
    [Input(Required = true, Description = "The order's id.")]
    public Guid OrderId { get; set; }

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var ct = context.CancellationToken;
        await using var db = context.Services.GetRequiredService<MarketplaceDb>().CreateContext(context);
        var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == OrderId, ct);
        if (order is null)
        {
            return ActivityResult.Fault($"order {OrderId} does not exist");
        }

        var offers = await db.SupplierOffers.Where(o => o.OrderId == OrderId).ToListAsync(ct);
        var refused = offers.Where(o => o.Response is OfferResponse.Declined or OfferResponse.Timeout).Select(o => o.SupplierId).ToHashSet();
        db.SupplierOffers.RemoveRange(offers.Where(o => o.Response is null));
        // Only verified suppliers are offered orders; an expired certificate no longer counts for the rules.
        var suppliers = await SupplierCandidates.LoadAsync(db, context.Clock.GetUtcNow(), ct);
        suppliers.RemoveAll(s => refused.Contains(s.Id));

        var facts = order.ToFacts(context.Clock.GetUtcNow().UtcDateTime);
        var runner = context.Services.GetRequiredService<RulesRunner>();
        SupplierRankingResult ranking;
        UrgencyAssessment urgency;
        try
        {
            ranking = await context.Services.GetRequiredService<SupplierRanking>().RankAsync(facts, suppliers, ct);
            urgency = await UrgencyAssessment.AssessAsync(runner, facts, context.Clock.GetUtcNow(), ct);
        }
        catch (Exception e) when (e is UnknownRuleSetException or InvalidRuleSetException)
        {
            return ActivityResult.Fault(e.Message);
        }

        foreach (var candidate in ranking.Candidates)
        {
            db.SupplierOffers.Add(new SupplierOffer { OrderId = OrderId, SupplierId = candidate.Supplier.Id, Rank = candidate.Rank, Score = candidate.Score.Total });
        }

        await db.SaveChangesAsync(ct);

        var output = ranking.ToJson();
        output["orderId"] = OrderId;
        output["urgency"] = new JsonObject { ["level"] = urgency.Level, ["rule"] = urgency.Rule };
        output["skipped"] = new JsonArray([.. refused.Select(id => (JsonNode)id.ToString())]);
        return ActivityResult.Outcome(ranking.Candidates.Count == 0 ? "NoCandidates" : "Done", output);
    }
}
