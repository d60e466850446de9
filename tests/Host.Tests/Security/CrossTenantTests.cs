using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Marketplace.Payments;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Sleek.Workflows.Host.Tests.Marketplace;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>
/// Buyer A's quote, order and invoice are invisible to buyer B and to suppliers (404: their existence is not
/// revealed), visible to A and to staff; B cannot accept A's quote. Lists are narrowed to the caller's party.
/// </summary>
public sealed class CrossTenantTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Buyer_b_and_suppliers_get_404_for_buyer_as_quote_order_and_invoice()
    {
        await using var kit = new SecurityKit(database, null, folder => folder.With(SpineDefinitions.MiniSpine()));
        var (a, _, emailA) = await kit.UserAsync("buyer");
        var (b, _, _) = await kit.UserAsync("buyer");
        var suppliers = await kit.SupplierIdsAsync();
        var (supplier, _, _) = await kit.UserAsync("supplier", suppliers[0].ToString());
        var (ops, _, _) = await kit.UserAsync("ops");
        a.DefaultRequestHeaders.Add(TestClientIp.Header, "192.0.2.1");
        b.DefaultRequestHeaders.Add(TestClientIp.Header, "192.0.2.2");

        var quote = await SleekApi.ExpectAsync(await a.PostAsJsonAsync("/api/quotes", new { productType = "hoodie", quantity = 300, email = emailA }), HttpStatusCode.Created);
        var quoteId = quote["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync(Path($"/api/quotes/{quoteId}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supplier.GetAsync(Path($"/api/quotes/{quoteId}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostAsync(Path($"/api/quotes/{quoteId}/accept"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ops.GetAsync(Path($"/api/quotes/{quoteId}"))).StatusCode);

        var accepted = await SleekApi.ExpectAsync(await a.PostAsync(Path($"/api/quotes/{quoteId}/accept"), null), HttpStatusCode.OK);
        var orderId = accepted["orderId"]!.GetValue<string>();
        var invoiceId = await AddInvoiceAsync(kit, Guid.Parse(orderId));

        foreach (var path in new[] { $"/api/orders/{orderId}", $"/api/orders/{orderId}/tasks", $"/api/orders/{orderId}/invoices", $"/api/invoices/{invoiceId}" })
        {
            Assert.True((await a.GetAsync(Path(path))).StatusCode == HttpStatusCode.OK, $"buyer A {path}");
            Assert.True((await ops.GetAsync(Path(path))).StatusCode == HttpStatusCode.OK, $"ops {path}");
            Assert.True((await b.GetAsync(Path(path))).StatusCode == HttpStatusCode.NotFound, $"buyer B {path}");
            Assert.True((await supplier.GetAsync(Path(path))).StatusCode == HttpStatusCode.NotFound, $"unassigned supplier {path}");
        }

        using (var pay = await b.PostAsync(Path($"/api/invoices/{invoiceId}/payment-intent"), null))
        {
            Assert.Equal(HttpStatusCode.NotFound, pay.StatusCode);
        }

        // Lists are narrowed whatever the filter asks for.
        Assert.Single(await ItemsAsync(a, "/api/orders"));
        Assert.Empty(await ItemsAsync(b, "/api/orders"));
        Assert.Empty(await ItemsAsync(b, $"/api/orders?buyerEmail={Uri.EscapeDataString(emailA)}"));
        Assert.Empty(await ItemsAsync(supplier, "/api/orders"));
        Assert.Contains(await ItemsAsync(ops, "/api/orders"), o => o!["id"]!.GetValue<string>() == orderId);

        // Once the order is assigned to the supplier, that supplier sees the order (not the buyer's invoice).
        await AssignAsync(kit, Guid.Parse(orderId), suppliers[0]);
        Assert.Equal(HttpStatusCode.OK, (await supplier.GetAsync(Path($"/api/orders/{orderId}"))).StatusCode);
        Assert.Single(await ItemsAsync(supplier, "/api/orders"));
        Assert.Equal(HttpStatusCode.NotFound, (await supplier.GetAsync(Path($"/api/invoices/{invoiceId}"))).StatusCode);

        var audit = await kit.AuditAsync("action=access.cross_tenant&pageSize=100");
        Assert.Contains(audit, e => e!["target"]!.GetValue<string>() == $"quote={quoteId}");
        Assert.Contains(audit, e => e!["target"]!.GetValue<string>() == $"order={orderId}");
        Assert.Contains(audit, e => e!["target"]!.GetValue<string>() == $"invoice={invoiceId}");
    }

    private static Uri Path(string path) => new(path, UriKind.Relative);

    private static async Task<System.Text.Json.Nodes.JsonArray> ItemsAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(Path(path));
        return (await SleekApi.ExpectAsync(response, HttpStatusCode.OK))["items"]!.AsArray();
    }

    private static async Task<Guid> AddInvoiceAsync(SecurityKit kit, Guid orderId)
    {
        await using var db = kit.Service<MarketplaceDb>().CreateContext();
        var invoice = new Invoice { Number = $"INV-2026-{Random.Shared.Next(1000, 9999)}", OrderId = orderId, Kind = InvoiceKind.Deposit, Amount = 100m, IssuedAt = DateTime.UtcNow, DueAt = DateTime.UtcNow.AddDays(7) };
        db.Invoices.Add(invoice);
        await db.SaveChangesAsync();
        return invoice.Id;
    }

    private static async Task AssignAsync(SecurityKit kit, Guid orderId, Guid supplierId)
    {
        await using var db = kit.Service<MarketplaceDb>().CreateContext();
        await db.Orders.Where(o => o.Id == orderId).ExecuteUpdateAsync(s => s.SetProperty(o => o.SupplierId, supplierId));
    }
}
