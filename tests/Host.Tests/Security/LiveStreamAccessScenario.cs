using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Sleek.Workflows.Host.Tests.Marketplace;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>
/// Live streams check what their GET twins check: the order's buyer, its assigned supplier and ops follow the order;
/// another supplier, another buyer and a key bound to another supplier get the GET's 404 and not one event; parties see
/// that tasks changed, not whose tasks they are. On PostgreSQL and on SQLite (one process, its in-process channel).
/// </summary>
public abstract class LiveStreamAccessScenario(TestDatabase database)
{
    [Fact]
    public async Task Only_the_orders_parties_and_staff_receive_its_events_and_another_supplier_receives_nothing()
    {
        await using var kit = new SecurityKit(database, null, folder => folder.With(SpineDefinitions.MiniSpine()));
        var (buyer, _, email) = await kit.UserAsync("buyer");
        var (otherBuyer, _, _) = await kit.UserAsync("buyer");
        var suppliers = await kit.SupplierIdsAsync();
        var (assigned, _, _) = await kit.UserAsync("supplier", suppliers[0].ToString());
        var (stranger, _, _) = await kit.UserAsync("supplier", suppliers[1].ToString());
        var (strangerFactory, _, _) = await kit.UserAsync("factory", suppliers[1].ToString());
        var (ops, _, _) = await kit.UserAsync("ops");
        var (strangerKey, _) = await kit.ApiKeyAsync(["orders:read", "instances:read"], "supplier", suppliers[1].ToString());
        buyer.DefaultRequestHeaders.Add(TestClientIp.Header, "192.0.2.10");

        var quote = await SleekApi.ExpectAsync(await buyer.PostAsJsonAsync("/api/quotes", new { productType = "hoodie", quantity = 300, email }), HttpStatusCode.Created);
        var accepted = await SleekApi.ExpectAsync(await buyer.PostAsync(new Uri($"/api/quotes/{quote["id"]}/accept", UriKind.Relative), null), HttpStatusCode.OK);
        var orderId = accepted["orderId"]!.GetValue<string>();
        await AssignAsync(kit, Guid.Parse(orderId), suppliers[0]);
        var order = await SleekApi.ExpectAsync(await ops.GetAsync(new Uri($"/api/orders/{orderId}", UriKind.Relative)), HttpStatusCode.OK);
        var instanceId = order["workflowInstanceId"]!.GetValue<string>();

        // Another party: the same 404 as GET /api/orders/{id}, no stream, on both streams and by key too.
        foreach (var (who, client) in new[] { ("other supplier", stranger), ("other supplier's factory", strangerFactory), ("other buyer", otherBuyer), ("key of the other supplier", kit.WithKey(strangerKey)) })
        {
            foreach (var path in new[] { $"/api/orders/{orderId}/events", $"/api/instances/{instanceId}/events" })
            {
                var (stream, response) = await SseReader.OpenAsync(client, path);
                Assert.True(stream is null, $"{who} got a stream of {path}");
                Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{who} {path}: {(int)response.StatusCode}");
                Assert.NotEqual("text/event-stream", response.Content.Headers.ContentType?.MediaType);
                response.Dispose();
            }
        }

        var (buyerStream, _) = await SseReader.OpenAsync(buyer, $"/api/orders/{orderId}/events");
        var (supplierStream, _) = await SseReader.OpenAsync(assigned, $"/api/orders/{orderId}/events");
        var (opsStream, _) = await SseReader.OpenAsync(ops, $"/api/orders/{orderId}/events");
        Assert.NotNull(buyerStream);
        Assert.NotNull(supplierStream);
        Assert.NotNull(opsStream);
        await using (buyerStream)
        await using (supplierStream)
        await using (opsStream)
        {
            // Replay: the ops review task is open. Ops see what it is; parties only that tasks changed.
            var opsOpened = await opsStream.UntilAsync(e => e.Type == "task-opened");
            Assert.Equal("ops", opsOpened[^1].Data["data"]!["role"]!.GetValue<string>());
            var supplierOpened = await supplierStream.UntilAsync(e => e.Type == "task-opened");
            Assert.Empty(supplierOpened[^1].Data["data"]!.AsObject());

            var task = (await SleekApi.ExpectAsync(await ops.GetAsync(new Uri($"/api/orders/{orderId}/tasks", UriKind.Relative)), HttpStatusCode.OK))["items"]![0]!;
            using (var done = await ops.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { outcome = "Approve" }))
            {
                Assert.Equal(HttpStatusCode.OK, done.StatusCode);
            }

            foreach (var stream in new[] { buyerStream!, supplierStream!, opsStream! })
            {
                var status = (await stream.UntilAsync(e => e.Type == "status"))[^1];
                Assert.Equal("awaiting_payment", status.Data["data"]!["status"]!.GetValue<string>());
            }
        }

        var audit = await kit.AuditAsync("action=access.cross_tenant&pageSize=100");
        Assert.Contains(audit, e => e!["target"]!.GetValue<string>() == $"order={orderId}");
    }

    private static async Task AssignAsync(SecurityKit kit, Guid orderId, Guid supplierId)
    {
        await using var db = kit.Service<MarketplaceDb>().CreateContext();
        await db.Orders.Where(o => o.Id == orderId).ExecuteUpdateAsync(s => s.SetProperty(o => o.SupplierId, supplierId));
    }
}

public sealed class LiveStreamAccessOnPostgres(PostgresDatabase database) : LiveStreamAccessScenario(database), IClassFixture<PostgresDatabase>;

public sealed class LiveStreamAccessOnSqlite(SqliteDatabase database) : LiveStreamAccessScenario(database), IClassFixture<SqliteDatabase>;
