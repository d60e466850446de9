using System.Net;
using System.Text.Json.Nodes;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Marketplace;

/// <summary>
/// The order's side of the spine over HTTP on the small spine workflow: hold blocks task completion and
/// defers the workflow's status changes until release, the eleven stages and the shipment, ops cancel
/// (workflow first, then order), refused actions as 409 naming from/to, and a disallowed transition
/// inside a workflow as an incident naming from/to.
/// </summary>
public abstract class OrderSpineScenario(TestDatabase database) : HostScenario(database)
{
    private MarketplaceClient Start() => new(StartHost(NewFolder().With(SpineDefinitions.MiniSpine())));

    private static async Task<string> OrderOfNewQuoteAsync(MarketplaceClient client)
    {
        var quote = await client.CreateQuoteAsync();
        return MarketplaceClient.Str(await client.AcceptAsync(MarketplaceClient.Str(quote, "id")), "orderId");
    }

    [Fact]
    public async Task Hold_blocks_tasks_and_defers_status_changes_release_lets_the_order_run_to_shipment()
    {
        var client = Start();
        var orderId = await OrderOfNewQuoteAsync(client);
        var review = await client.SingleTaskAsync(orderId, "Review");

        using (var hold = await client.ActionAsync(orderId, "hold", "buyer asked to pause"))
        {
            var held = await SleekApi.ExpectAsync(hold, HttpStatusCode.OK);
            Assert.Equal("on_hold", MarketplaceClient.Str(held, "status"));
            Assert.Equal("quote_sent", MarketplaceClient.Str(held, "statusBeforeHold"));
        }

        using (var refused = await client.CompleteAsync(review, new { outcome = "Approve" }))
        {
            var problem = await SleekApi.ExpectProblemAsync(refused, HttpStatusCode.Conflict);
            Assert.Matches(@"^order ORD-\d{4}-\d{4} is on hold; release it first$", problem["detail"]!.GetValue<string>());
        }

        // The same task through its bookmark token is held just the same (issue 13, finding 2), and the refusal is audited.
        var instanceId = MarketplaceClient.Str(await client.OrderAsync(orderId), "workflowInstanceId");
        var reviewToken = (await client.Api.GetInstanceAsync(instanceId))["bookmarks"]!.AsArray()
            .Single(b => MarketplaceClient.Str(b, "activityId") == "review")!["token"]!.GetValue<string>();
        using (var refused = await client.Api.ResumeAsync(reviewToken, new { outcome = "Approve" }))
        {
            var problem = await SleekApi.ExpectProblemAsync(refused, HttpStatusCode.Conflict);
            Assert.Matches(@"^order ORD-\d{4}-\d{4} is on hold; release it first$", problem["detail"]!.GetValue<string>());
        }

        Assert.Equal("on_hold", MarketplaceClient.Str(await client.OrderAsync(orderId), "status"));
        Assert.Equal(2, (await client.Api.GetJsonAsync($"/api/audit?action=resume.refused&target=task={review["id"]}"))["items"]!.AsArray().Count);

        using (var release = await client.ActionAsync(orderId, "release", null))
        {
            Assert.Equal("quote_sent", MarketplaceClient.Str(await SleekApi.ExpectAsync(release, HttpStatusCode.OK), "status"));
        }

        await client.CompleteOkAsync(review, new { outcome = "Approve" });
        Assert.Equal("awaiting_payment", MarketplaceClient.Str(await client.OrderAsync(orderId), "status"));

        // Held while the workflow moves on: the change is remembered as the status to release to.
        using (var hold = await client.ActionAsync(orderId, "hold", "checking the payment"))
        {
            await SleekApi.ExpectAsync(hold, HttpStatusCode.OK);
        }

        var quoteId = MarketplaceClient.Str(await client.OrderAsync(orderId), "quoteId");
        using (var paid = await client.Api.PublishEventAsync("DepositPaid", quoteId, new { amount = 389.03 }))
        {
            await SleekApi.ExpectAsync(paid, HttpStatusCode.OK);
        }

        var whileHeld = await client.OrderAsync(orderId);
        Assert.Equal("on_hold", MarketplaceClient.Str(whileHeld, "status"));
        Assert.Equal("payment_received", MarketplaceClient.Str(whileHeld, "statusBeforeHold"));
        var deferred = whileHeld["timeline"]!.AsArray().Last(t => MarketplaceClient.Str(t, "action") == "status_deferred_while_on_hold")!;
        Assert.Contains("released to payment_received", MarketplaceClient.Str(deferred, "reason"), StringComparison.Ordinal);
        var firstStage = await client.SingleTaskAsync(orderId, "Complete Order Confirmation");
        using (var refused = await client.CompleteAsync(firstStage))
        {
            await SleekApi.ExpectProblemAsync(refused, HttpStatusCode.Conflict);
        }

        using (var release = await client.ActionAsync(orderId, "release", "payment checked"))
        {
            Assert.Equal("payment_received", MarketplaceClient.Str(await SleekApi.ExpectAsync(release, HttpStatusCode.OK), "status"));
        }

        for (var stage = 1; stage <= 11; stage++)
        {
            await client.CompleteOkAsync(await client.SingleTaskAsync(orderId, "Complete "), new { });
        }

        var ship = await client.SingleTaskAsync(orderId, "Ship");
        using (var blank = await client.CompleteAsync(ship, new { carrier = "DHL" }))
        {
            await SleekApi.ExpectProblemAsync(blank, HttpStatusCode.BadRequest, "trackingNumber");
        }

        await client.CompleteOkAsync(ship, new { carrier = "DHL", trackingNumber = "JD0146000012345" });
        var order = await client.OrderAsync(orderId);
        await client.Api.WaitForStatusAsync(MarketplaceClient.Str(order, "workflowInstanceId"), "Completed");

        var stages = order["stages"]!.AsArray();
        Assert.Equal(11, stages.Count);
        Assert.Equal("Order Confirmation", MarketplaceClient.Str(stages[0], "name"));
        Assert.Equal("Logistics & Shipment", MarketplaceClient.Str(stages[10], "name"));
        Assert.All(stages, s => Assert.NotNull(s!["actualEnd"]));
        Assert.All(stages, s => Assert.False(s!["late"]!.GetValue<bool>()));
        Assert.Equal(14, stages[5]!["plannedDays"]!.GetValue<int>());
        Assert.Equal("DHL", MarketplaceClient.Str(order["shipment"], "carrier"));
        Assert.Equal("JD0146000012345", MarketplaceClient.Str(order["shipment"], "trackingNumber"));
        var actions = order["timeline"]!.AsArray().Select(t => MarketplaceClient.Str(t, "action")).ToList();
        Assert.Equal(11, actions.Count(a => a == "stage_started"));
        Assert.Equal(11, actions.Count(a => a == "stage_completed"));
        Assert.Contains("shipment_recorded", actions);
        var changes = order["timeline"]!.AsArray().Where(t => MarketplaceClient.Str(t, "action") == "status_changed")
            .Select(t => $"{t!["fromStatus"]}>{t["toStatus"]} by {t["actor"]}").ToList();
        // The signed-in caller of the hold/release actions is the actor (the test client is the admin).
        const string Ops = TestAuth.AdminEmail;
        Assert.Equal(
            [$"quote_sent>on_hold by {Ops}", $"on_hold>quote_sent by {Ops}", "quote_sent>awaiting_payment by workflow", $"awaiting_payment>on_hold by {Ops}", $"on_hold>payment_received by {Ops}"],
            changes);
    }

    [Fact]
    public async Task Cancel_stops_the_workflow_then_the_order_and_refused_actions_are_409_naming_from_and_to()
    {
        var client = Start();
        var orderId = await OrderOfNewQuoteAsync(client);
        await client.SingleTaskAsync(orderId);

        using (var release = await client.ActionAsync(orderId, "release", null))
        {
            var problem = await SleekApi.ExpectProblemAsync(release, HttpStatusCode.Conflict);
            Assert.Contains("is quote_sent, not on_hold", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        using (var noReason = await client.ActionAsync(orderId, "cancel", "  "))
        {
            await SleekApi.ExpectProblemAsync(noReason, HttpStatusCode.BadRequest, "reason");
        }

        using (var cancel = await client.ActionAsync(orderId, "cancel", "buyer withdrew"))
        {
            var cancelled = await SleekApi.ExpectAsync(cancel, HttpStatusCode.OK);
            Assert.Equal("cancelled", MarketplaceClient.Str(cancelled, "status"));
            var last = cancelled["timeline"]!.AsArray().Last()!;
            Assert.Equal("buyer withdrew", MarketplaceClient.Str(last, "reason"));
            Assert.Equal(TestAuth.AdminEmail, MarketplaceClient.Str(last, "actor"));
            Assert.Equal("Cancelled", SleekApi.Status(await client.Api.GetInstanceAsync(MarketplaceClient.Str(cancelled, "workflowInstanceId"))));
        }

        Assert.Empty(await client.TasksAsync(orderId));
        using (var again = await client.ActionAsync(orderId, "cancel", "twice"))
        {
            var problem = await SleekApi.ExpectProblemAsync(again, HttpStatusCode.Conflict);
            Assert.Contains("from cancelled to cancelled", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal("cancelled", problem["current"]!["status"]!.GetValue<string>());
        }

        using (var hold = await client.ActionAsync(orderId, "hold", "too late"))
        {
            var problem = await SleekApi.ExpectProblemAsync(hold, HttpStatusCode.Conflict);
            Assert.Contains("from cancelled to on_hold", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        using var unknown = await client.ActionAsync(Guid.NewGuid().ToString(), "hold", "who?");
        await SleekApi.ExpectProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Disallowed_transition_in_a_workflow_becomes_an_incident_naming_from_and_to()
    {
        var api = StartHost(NewFolder().With(SpineDefinitions.DisallowedTransition("shipped")));
        var quoteId = Guid.NewGuid().ToString();
        var input = MarketplaceClient.WorkedExample();
        input["productType"] = "t_shirt";
        input["quoteId"] = quoteId;
        var instance = await api.StartAsync("disallowed-transition", input, quoteId);

        var faulted = await api.WaitForStatusAsync(SleekApi.Id(instance), "Faulted");
        var incident = faulted["incidents"]!.AsArray().Single()!;
        Assert.Equal("jump", MarketplaceClient.Str(incident, "activityId"));
        Assert.Contains("cannot change from quote_sent to shipped", MarketplaceClient.Str(incident, "error"), StringComparison.Ordinal);

        var orders = await api.GetJsonAsync("/api/orders?status=quote_sent");
        Assert.Single(orders["items"]!.AsArray());
        using var badStatus = await api.GetAsync("/api/orders?status=teleported");
        await SleekApi.ExpectProblemAsync(badStatus, HttpStatusCode.BadRequest, "status");
    }
}

public sealed class OrderSpineOnPostgres(PostgresDatabase database) : OrderSpineScenario(database), IClassFixture<PostgresDatabase>;

public sealed class OrderSpineOnSqlite(SqliteDatabase database) : OrderSpineScenario(database), IClassFixture<SqliteDatabase>;
