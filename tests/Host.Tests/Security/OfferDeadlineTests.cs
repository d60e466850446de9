using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>
/// A supplier answers an offer before its deadline (the offer timer's due time); after it, the answer is refused with a
/// 409 that says so, on the task API as on the task's token, even while the timer has not fired yet (a late worker).
/// The offers list shows each supplier only its own offers, with the deadline and whether it passed.
/// </summary>
public sealed class OfferDeadlineTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task An_offer_is_answered_before_its_deadline_and_refused_after_it_with_a_clear_problem()
    {
        await using var kit = new SecurityKit(database, null, folder => folder.With(OfferDefinition()));
        var suppliers = await kit.SupplierIdsAsync();
        var (mine, _, _) = await kit.UserAsync("supplier", suppliers[0].ToString());
        var (theirs, _, _) = await kit.UserAsync("supplier", suppliers[1].ToString());
        var (ops, _, _) = await kit.UserAsync("ops");
        var api = new SleekApi(kit.Admin);

        var late = SleekApi.Id(await api.StartAsync("offer-deadline", new { supplierId = suppliers[0].ToString() }, $"late-{Guid.NewGuid():N}"));
        var onTime = SleekApi.Id(await api.StartAsync("offer-deadline", new { supplierId = suppliers[0].ToString() }, $"on-time-{Guid.NewGuid():N}"));

        // The late offer's deadline has passed, but no worker fired its timer yet (the timer's work is not due).
        await using (var db = kit.Service<EngineDb>().CreateContext())
        {
            await db.Bookmarks.Where(b => b.InstanceId == Guid.Parse(late) && b.ActivityId == "offer-timeout")
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.DueAt, DateTime.UtcNow.AddMinutes(-1)));
        }

        var offers = await OffersAsync(mine);
        Assert.Equal(2, offers.Count);
        var lateOffer = offers.Single(o => o!["task"]!["instanceId"]!.GetValue<string>() == late)!;
        var onTimeOffer = offers.Single(o => o!["task"]!["instanceId"]!.GetValue<string>() == onTime)!;
        Assert.True(lateOffer["expired"]!.GetValue<bool>());
        Assert.False(onTimeOffer["expired"]!.GetValue<bool>());
        Assert.NotNull(onTimeOffer["deadline"]);
        Assert.Empty(await OffersAsync(theirs));
        Assert.Empty(await OffersAsync(theirs, $"?supplierId={suppliers[0]}"));
        Assert.Equal(2, (await OffersAsync(ops, $"?supplierId={suppliers[0]}")).Count);

        using (var refused = await mine.PostAsJsonAsync($"/api/tasks/{lateOffer["task"]!["id"]}/complete", new { outcome = "Accept" }))
        {
            var problem = await SleekApi.ExpectProblemAsync(refused, HttpStatusCode.Conflict);
            Assert.Contains("expired", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        var token = (await api.GetInstanceAsync(late))["bookmarks"]!.AsArray().Single(b => b!["activityId"]!.GetValue<string>() == "supplier-decides")!["token"]!.GetValue<string>();
        using (var byToken = await kit.Admin.PostAsJsonAsync($"/api/bookmarks/{token}/resume", new { outcome = "Accept" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, byToken.StatusCode);
        }

        using (var declined = await mine.PostAsJsonAsync($"/api/tasks/{onTimeOffer["task"]!["id"]}/complete", new { outcome = "Decline", reason = "no capacity in May" }))
        {
            Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        }

        var done = await api.WaitForStatusAsync(onTime, "Completed");
        Assert.Equal("declined", done["variables"]!["offerResult"]!.GetValue<string>());
    }

    private static async Task<JsonArray> OffersAsync(HttpClient client, string query = "")
    {
        using var response = await client.GetAsync(new Uri($"/api/portal/offers{query}", UriKind.Relative));
        return (await SleekApi.ExpectAsync(response, HttpStatusCode.OK)).AsArray();
    }

    private static JsonObject OfferDefinition() => JsonNode.Parse("""
        {
          "definitionId": "offer-deadline", "version": 1, "name": "Offer with a deadline",
          "inputs": [ { "name": "supplierId", "type": "string", "required": true } ],
          "variables": [ { "name": "offerResult", "type": "string", "default": "" } ],
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "offer-fork", "type": "Fork", "inputs": { "branches": [ "Supplier", "Timeout" ] } },
              { "id": "supplier-decides", "type": "HumanTask", "inputs": { "title": "New order", "role": "supplier", "assignee": { "$js": "input.supplierId" },
                "form": [ { "name": "reason", "label": "Reason (when declining)", "type": "string", "required": false } ], "outcomes": [ "Accept", "Decline" ] } },
              { "id": "offer-accepted", "type": "SetVariable", "inputs": { "variable": "offerResult", "value": "accepted" } },
              { "id": "offer-declined", "type": "SetVariable", "inputs": { "variable": "offerResult", "value": "declined" } },
              { "id": "offer-timeout", "type": "Delay", "inputs": { "duration": "P1D" } },
              { "id": "offer-timed-out", "type": "SetVariable", "inputs": { "variable": "offerResult", "value": "timeout" } },
              { "id": "offer-join", "type": "Join", "inputs": { "mode": "WaitAny" } },
              { "id": "end", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "offer-fork" } },
              { "source": { "activity": "offer-fork", "port": "Supplier" }, "target": { "activity": "supplier-decides" } },
              { "source": { "activity": "offer-fork", "port": "Timeout" }, "target": { "activity": "offer-timeout" } },
              { "source": { "activity": "supplier-decides", "port": "Accept" }, "target": { "activity": "offer-accepted" } },
              { "source": { "activity": "supplier-decides", "port": "Decline" }, "target": { "activity": "offer-declined" } },
              { "source": { "activity": "offer-accepted" }, "target": { "activity": "offer-join" } },
              { "source": { "activity": "offer-declined" }, "target": { "activity": "offer-join" } },
              { "source": { "activity": "offer-timeout" }, "target": { "activity": "offer-timed-out" } },
              { "source": { "activity": "offer-timed-out" }, "target": { "activity": "offer-join" } },
              { "source": { "activity": "offer-join" }, "target": { "activity": "end" } }
            ]
          }
        }
        """)!.AsObject();
}
