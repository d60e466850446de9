using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Sleek.Workflows.Marketplace.Orders;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Host.Tests.Marketplace;

/// <summary>
/// Issue 15's supply loop on quote-to-delivery v4: the buyer's requirements reach the order; the automation rules act
/// at stage events (a stage ending 2+ days late e-mails ops) and on the order's quality risk (high → an ops QC review);
/// the supplier's counters move at assignment, QC, each stage, delivery and cancellation, once each; the risk and the
/// performance are shown to ops and the supplier, not to the buyer or another supplier.
/// </summary>
public sealed class SupplyLoopOnPostgres(PostgresDatabase database) : HostScenario(database), IClassFixture<PostgresDatabase>
{
    private const string Password = "correct-horse-battery-staple";

    private static string V4 => File.ReadAllText(Path.Combine(SourceTree.Root, "workflows", "quote-to-delivery", "v4.json"));

    [Fact]
    public async Task V4_emails_ops_for_a_late_stage_adds_ops_QC_for_a_high_risk_and_the_delivery_moves_the_counters()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var host = NewHost(NewFolder().WithFile("quote-to-delivery", 4, V4), clock, settings: QuoteToDeliveryHost.Settings());
        // A poor QC and delivery history: 8 of 10 inspections failed, on time 20 %, so a complex order is high risk
        // (0.8 × 35 + 0.8 × 25 + 1 × 20 + quantity ≥ 68).
        var before = await SeedHistoryAsync(host);
        var client = new MarketplaceClient(new SleekApi(host.CreateClient()));
        var request = MarketplaceClient.WorkedExample();
        request["complexity"] = "complex";
        request["neededBy"] = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(120).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        request["requiredCertifications"] = new JsonArray();
        request["blockedCountries"] = new JsonArray("US");
        var quote = await client.CreateQuoteAsync(request);
        Assert.Equal(["US"], quote["orderRequirements"]!["blockedCountries"]!.AsArray().Select(c => c!.GetValue<string>()));
        var quoteId = Guid.Parse(MarketplaceClient.Str(quote, "id"));
        var orderId = MarketplaceClient.Str(await client.AcceptAsync(quoteId.ToString()), "orderId");
        var driver = new FullPathDriver(client, orderId);
        driver.Answers.Insert(0, ("Extra QC of order", new { outcome = "Pass", notes = "checked 20 pieces" }));
        driver.Answers.Insert(0, ("QC inspection", new { outcome = "Pass" })); // since v2 the factory's QC form has notes only

        var stage = (await driver.RunAsync(() => Task.FromResult(false), stopAt: "Complete Order Confirmation"))!;
        var order = await client.OrderAsync(orderId);
        var supplierId = Guid.Parse(MarketplaceClient.Str(order["supplier"], "id"));
        Assert.Equal("US", order["orderRequirements"]!["blockedCountries"]![0]!.GetValue<string>());
        Assert.NotNull(order["delivery"]!["expected"]);
        var risk = await client.Api.GetJsonAsync($"/api/orders/{orderId}/risk");
        Assert.True(risk["score"]!.GetValue<int>() >= 60, risk.ToJsonString());
        Assert.Equal(["complexity", "lateness", "qc_fail_rate", "quantity_vs_capacity"], risk["factors"]!.AsArray().Select(f => f!["key"]!.GetValue<string>()).Order(StringComparer.Ordinal));

        // The stage is planned for 2 days; it ends 4 days on: the deadline alert (as in v3) and the rule's alert at its end.
        clock.Advance(TimeSpan.FromDays(4));
        await Eventually.UntilAsync(
            () => QuoteToDeliveryHost.EmailsAsync(host, quoteId, Guid.Parse(orderId)),
            rows => rows.Count(r => r.Template == "production-delay-alert") == 1,
            "the deadline alert",
            rows => string.Join(", ", rows));
        await client.CompleteOkAsync(stage, new { notes = "done late" });
        var alerts = await Eventually.UntilAsync(
            () => QuoteToDeliveryHost.EmailsAsync(host, quoteId, Guid.Parse(orderId)),
            rows => rows.Count(r => r.Template == "production-delay-alert") == 2,
            "LateStageEmailsOps' alert at the stage's end",
            rows => string.Join(", ", rows));
        Assert.All(alerts.Where(r => r.Template == "production-delay-alert"), r => Assert.Equal(QuoteToDeliveryHost.OpsEmail, r.To));

        // High risk: after the factory's QC passes, ops review it too; then on to delivery.
        await driver.RunAsync(async () => MarketplaceClient.Str(await client.OrderAsync(orderId), "status") == "completed");
        Assert.Contains(driver.Done, t => t.StartsWith("Extra QC of order", StringComparison.Ordinal));
        Assert.DoesNotContain(driver.Done, t => t.StartsWith("Complete Order Confirmation", StringComparison.Ordinal)); // completed above, once

        var performance = await client.Api.GetJsonAsync($"/api/suppliers/{supplierId}/performance");
        var seeded = before[supplierId];
        Assert.Equal(seeded.ActiveOrders, performance["activeOrders"]!.GetValue<int>());
        Assert.Equal(1, performance["totalOrders"]!.GetValue<int>());
        Assert.Equal(1, performance["deliveredOrders"]!.GetValue<int>());
        Assert.Equal(0, performance["cancelledOrders"]!.GetValue<int>());
        Assert.Equal(11, performance["qcInspections"]!.GetValue<int>());
        Assert.Equal(8, performance["qcFailures"]!.GetValue<int>());
        // 11 stages (the first late) and the delivery (within the 45-day promise): (0.2 × 10 + 11) ÷ (10 + 12).
        Assert.Equal(12, performance["timedEvents"]!.GetValue<int>());
        Assert.Equal(11, performance["onTimeEvents"]!.GetValue<int>());
        Assert.Equal(13.0 / 22.0, (double)performance["onTimeRate"]!.GetValue<decimal>(), 0.0005);
        // One pass (5 stars) after 10 inspections: (rating × 20 + 5) ÷ 21.
        Assert.Equal((double)((seeded.Rating * 20) + 5) / 21, (double)performance["rating"]!.GetValue<decimal>(), 0.006);
        order = await client.OrderAsync(orderId);
        Assert.NotNull(order["delivery"]!["actual"]);
    }

    [Fact]
    public async Task Cancellation_frees_the_supplier_once_and_only_ops_and_the_supplier_see_its_scores()
    {
        var host = NewHost(NewFolder().WithFile("quote-to-delivery", 4, V4), settings: QuoteToDeliveryHost.Settings());
        var before = await SeedHistoryAsync(host);
        var client = new MarketplaceClient(new SleekApi(host.CreateClient()));
        var orderId = MarketplaceClient.Str(await client.AcceptAsync(MarketplaceClient.Str(await client.CreateQuoteAsync(), "id")), "orderId");
        await new FullPathDriver(client, orderId).RunAsync(() => Task.FromResult(false), stopAt: "Send a sample");
        var supplierId = Guid.Parse(MarketplaceClient.Str((await client.OrderAsync(orderId))["supplier"], "id"));
        var assigned = await SupplierAsync(host, supplierId);
        Assert.Equal(before[supplierId].ActiveOrders + 1, assigned.ActiveOrders);
        Assert.Equal(1, assigned.TotalOrders);

        // The order's supplier sees its performance and the order's risk; the buyer and another supplier get 404.
        var own = await UserAsync(host, "supplier", supplierId.ToString());
        await SleekApi.ExpectAsync(await own.GetAsync($"/api/suppliers/{supplierId}/performance"), HttpStatusCode.OK);
        var risk = await SleekApi.ExpectAsync(await own.GetAsync($"/api/orders/{orderId}/risk"), HttpStatusCode.OK);
        Assert.Equal(4, risk["factors"]!.AsArray().Count);
        var other = await UserAsync(host, "supplier", before.Keys.First(k => k != supplierId).ToString());
        await SleekApi.ExpectProblemAsync(await other.GetAsync($"/api/suppliers/{supplierId}/performance"), HttpStatusCode.NotFound);
        await SleekApi.ExpectProblemAsync(await other.GetAsync($"/api/orders/{orderId}/risk"), HttpStatusCode.NotFound);
        var buyer = await UserAsync(host, "buyer", null);
        await SleekApi.ExpectProblemAsync(await buyer.GetAsync($"/api/orders/{orderId}/risk"), HttpStatusCode.NotFound);
        await SleekApi.ExpectProblemAsync(await buyer.GetAsync($"/api/suppliers/{supplierId}/performance"), HttpStatusCode.NotFound);

        using (var cancelled = await client.ActionAsync(orderId, "cancel", "buyer withdrew"))
        {
            await SleekApi.ExpectAsync(cancelled, HttpStatusCode.OK);
        }

        using (var again = await client.ActionAsync(orderId, "cancel", "buyer withdrew"))
        {
            await SleekApi.ExpectProblemAsync(again, HttpStatusCode.Conflict);
        }

        var after = await SupplierAsync(host, supplierId);
        Assert.Equal(before[supplierId].ActiveOrders, after.ActiveOrders);
        Assert.Equal(1, after.CancelledOrders);
        Assert.Equal(0, after.DeliveredOrders);

        // A replayed step (the same status change applied again, as a repeated burst would) moves nothing.
        await using (var db = host.Services.GetRequiredService<MarketplaceDb>().CreateContext())
        {
            var order = await db.Orders.SingleAsync(o => o.Id == Guid.Parse(orderId));
            await SupplierPerformance.StatusChangedAsync(db, order, OrderStatus.SampleRequested, OrderStatus.Cancelled, DateTime.UtcNow, CancellationToken.None);
            await SupplierPerformance.StatusChangedAsync(db, order, OrderStatus.Cancelled, OrderStatus.Cancelled, DateTime.UtcNow, CancellationToken.None);
            order.DeliveredAt = DateTime.UtcNow; // as if delivered before: neither delivery nor cancellation counts again
            await SupplierPerformance.StatusChangedAsync(db, order, OrderStatus.Shipped, OrderStatus.Delivered, DateTime.UtcNow, CancellationToken.None);
            await SupplierPerformance.StatusChangedAsync(db, order, OrderStatus.SampleRequested, OrderStatus.Cancelled, DateTime.UtcNow, CancellationToken.None);
            var supplier = await db.Suppliers.SingleAsync(s => s.Id == supplierId);
            Assert.Equal(after.ActiveOrders, supplier.ActiveOrders);
            Assert.Equal(1, supplier.CancelledOrders);
            Assert.Equal(0, supplier.DeliveredOrders);
        }
    }

    /// <summary>Gives every supplier a poor history (8 of 10 QC inspections failed, 20 % on time, no orders counted yet; the class's tests share a database); returns them as they are then.</summary>
    private static async Task<Dictionary<Guid, Supplier>> SeedHistoryAsync(SleekHost host)
    {
        await using var db = host.Services.GetRequiredService<MarketplaceDb>().CreateContext();
        await db.Suppliers.ExecuteUpdateAsync(s => s
            .SetProperty(x => x.QcInspections, 10).SetProperty(x => x.QcFailures, 8)
            .SetProperty(x => x.OnTimeRate, 0.2m).SetProperty(x => x.TimedEvents, 0).SetProperty(x => x.OnTimeEvents, 0)
            .SetProperty(x => x.TotalOrders, 0).SetProperty(x => x.DeliveredOrders, 0).SetProperty(x => x.CancelledOrders, 0));
        return await db.Suppliers.AsNoTracking().ToDictionaryAsync(s => s.Id);
    }

    private static async Task<Supplier> SupplierAsync(SleekHost host, Guid id)
    {
        await using var db = host.Services.GetRequiredService<MarketplaceDb>().CreateContext();
        return await db.Suppliers.AsNoTracking().SingleAsync(s => s.Id == id);
    }

    private static async Task<HttpClient> UserAsync(SleekHost host, string role, string? partyId)
    {
        var email = $"{role}-{Guid.NewGuid():N}@example.com";
        using var admin = host.CreateClient();
        await SleekApi.ExpectAsync(await admin.PostAsJsonAsync("/api/users", new { email, password = Password, role, partyId }), HttpStatusCode.Created);
        var client = host.CreateAnonymousClient();
        return client.As(await TestAuth.LoginAsync(client, email, Password));
    }
}
