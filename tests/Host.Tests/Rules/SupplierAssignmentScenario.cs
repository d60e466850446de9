using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Marketplace.Suppliers;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Rules;

/// <summary>
/// EvaluateRules, AssignSupplier, OfferToNextCandidate and RecordOfferResponse in a running workflow:
/// records written in the burst, outputs in the journal.
/// </summary>
public abstract class SupplierAssignmentScenario(TestDatabase database) : HostScenario(database)
{
    [Fact]
    public async Task A_small_t_shirt_order_goes_to_the_auto_accepting_best_supplier_without_review()
    {
        var host = NewHost(NewFolder().With(Definition()), settings: MarketplaceRecords.RulesSettings);
        var api = new SleekApi(host.CreateClient());
        var order = await MarketplaceRecords.AddOrderAsync(host, "t_shirt", 150);
        var activeBefore = await ActiveOrdersAsync(host, MarketplaceRecords.Lisbon);

        var instance = await api.WaitForStatusAsync(SleekApi.Id(await api.StartAsync("assign-supplier", new { orderId = order.Id })), "Completed");

        var review = Output(instance, "review");
        Assert.Equal("Default", review["port"]!.GetValue<string>());
        Assert.Empty(review["matched"]!.AsArray());
        Assert.Equal(4, review["failed"]!.AsArray().Count); // every automation rule, the quality-risk one included, fails for a small order
        var assign = Output(instance, "assign");
        var top = assign["candidates"]![0]!;
        Assert.Equal((MarketplaceRecords.Lisbon.ToString(), "exact"), (top["supplierId"]!.GetValue<string>(), top["breakdown"]!["match"]!.GetValue<string>()));
        Assert.InRange(assign["candidates"]!.AsArray().Count, 1, 5);
        Assert.Contains(assign["excluded"]!.AsArray(), e => e!["rules"]!.AsArray().Any(r => r!["rule"]!.GetValue<string>() == "MeetsMinimumOrderQuantity"));
        Assert.Equal("low", assign["urgency"]!["level"]!.GetValue<string>());
        Assert.Contains(SleekApi.Journal(instance), j => j.Activity == "auto");

        var stored = await MarketplaceRecords.ReadAsync(host, db => db.Orders.SingleAsync(o => o.Id == order.Id));
        Assert.Equal((MarketplaceRecords.Lisbon, 1080.00m), (stored.SupplierId, stored.SupplierPrice));
        Assert.Equal(activeBefore + 1, await ActiveOrdersAsync(host, MarketplaceRecords.Lisbon));
        var offers = await MarketplaceRecords.ReadAsync(host, db => db.SupplierOffers.Where(o => o.OrderId == order.Id).OrderBy(o => o.Rank).ToListAsync());
        Assert.Equal(assign["candidates"]!.AsArray().Count, offers.Count);
        Assert.Equal((OfferResponse?)OfferResponse.Auto, offers[0].Response);
        Assert.All(offers.Skip(1), o => Assert.Null(o.OfferedAt));
    }

    [Fact]
    public async Task A_large_hoodie_order_is_flagged_for_review_offered_to_the_best_supplier_and_assigned_when_it_accepts()
    {
        var host = NewHost(NewFolder().With(Definition()), settings: MarketplaceRecords.RulesSettings);
        var api = new SleekApi(host.CreateClient());
        var order = await MarketplaceRecords.AddOrderAsync(host, "hoodie", 1500); // 12,000 USD
        var activeBefore = await ActiveOrdersAsync(host, MarketplaceRecords.Istanbul);

        var instance = await api.WaitForStatusAsync(SleekApi.Id(await api.StartAsync("assign-supplier", new { orderId = order.Id })), "Completed");

        var review = Output(instance, "review");
        Assert.Equal("admin_review", review["port"]!.GetValue<string>());
        Assert.Equal("LargeQuoteNeedsReview", review["matched"]![0]!["rule"]!.GetValue<string>());
        Assert.Equal("high", Output(instance, "assign")["urgency"]!["level"]!.GetValue<string>());
        var offer = Output(instance, "offer");
        Assert.Equal(MarketplaceRecords.Istanbul.ToString(), offer["supplierId"]!.GetValue<string>());
        Assert.Equal("accepted", Output(instance, "record")["response"]!.GetValue<string>());

        var stored = await MarketplaceRecords.ReadAsync(host, db => db.Orders.SingleAsync(o => o.Id == order.Id));
        Assert.Equal((MarketplaceRecords.Istanbul, 10800.00m), (stored.SupplierId, stored.SupplierPrice));
        Assert.Equal(activeBefore + 1, await ActiveOrdersAsync(host, MarketplaceRecords.Istanbul));
        var timeline = await MarketplaceRecords.ReadAsync(host, db => db.OrderTimeline.Where(t => t.OrderId == order.Id).ToListAsync());
        Assert.Contains(timeline, t => t.Action == "supplier_assigned");
    }

    private static Task<int> ActiveOrdersAsync(SleekHost host, Guid supplierId) =>
        MarketplaceRecords.ReadAsync(host, db => db.Suppliers.Where(s => s.Id == supplierId).Select(s => s.ActiveOrders).SingleAsync());

    private static JsonObject Output(JsonNode instance, string activity) =>
        instance["journal"]!.AsArray().Last(j => j!["activityId"]!.GetValue<string>() == activity && j["output"] is JsonObject)!["output"]!.AsObject();

    /// <summary>Review by the automation rules, then assign, offer, and accept on the supplier's behalf.</summary>
    private static JsonObject Definition() => JsonNode.Parse("""
        {
          "definitionId": "assign-supplier", "version": 1, "name": "Assign supplier",
          "inputs": [ { "name": "orderId", "type": "string", "required": true } ],
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "review", "type": "EvaluateRules", "inputs": { "ruleSet": "automation", "input": { "$js": "({ orderId: input.orderId })" }, "actions": ["admin_review", "skip_review"] } },
              { "id": "assign", "type": "AssignSupplier", "inputs": { "orderId": { "$js": "input.orderId" } } },
              { "id": "offer", "type": "OfferToNextCandidate", "inputs": { "orderId": { "$js": "input.orderId" } } },
              { "id": "record", "type": "RecordOfferResponse", "inputs": { "offerId": { "$js": "outputs.offer.offerId" }, "response": "accepted" } },
              { "id": "auto", "type": "Log", "inputs": { "message": "auto-accepted" } },
              { "id": "none", "type": "Fault", "inputs": { "message": "no supplier" } }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "review" } },
              { "source": { "activity": "review", "port": "Default" }, "target": { "activity": "assign" } },
              { "source": { "activity": "review", "port": "admin_review" }, "target": { "activity": "assign" } },
              { "source": { "activity": "review", "port": "skip_review" }, "target": { "activity": "assign" } },
              { "source": { "activity": "assign", "port": "Done" }, "target": { "activity": "offer" } },
              { "source": { "activity": "assign", "port": "NoCandidates" }, "target": { "activity": "none" } },
              { "source": { "activity": "offer", "port": "Offered" }, "target": { "activity": "record" } },
              { "source": { "activity": "offer", "port": "AutoAccepted" }, "target": { "activity": "auto" } },
              { "source": { "activity": "offer", "port": "Exhausted" }, "target": { "activity": "none" } }
            ]
          }
        }
        """)!.AsObject();
}

public sealed class SupplierAssignmentOnPostgres(PostgresDatabase database) : SupplierAssignmentScenario(database), IClassFixture<PostgresDatabase>;

public sealed class SupplierAssignmentOnSqlite(SqliteDatabase database) : SupplierAssignmentScenario(database), IClassFixture<SqliteDatabase>;
