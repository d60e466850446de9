using System.Net;
using System.Text.Json.Nodes;
using Sleek.Workflows.Marketplace.Payments;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Payments;

/// <summary>
/// Invoices without Stripe: numbering in sequence, the 30/70 split adding up to the total, a second
/// deposit refused, and the manual path (CreatePaymentIntent → Manual → ops task → MarkInvoicePaid).
/// One test per class: it asserts the first invoice numbers of a fresh database.
/// </summary>
public abstract class InvoicingScenario(TestDatabase database) : HostScenario(database)
{
    [Fact]
    public async Task Invoices_are_numbered_in_sequence_split_30_70_and_confirmed_manually_without_Stripe()
    {
        var host = NewHost(NewFolder().WithInvoicePayment());
        var api = new SleekApi(host.CreateClient());
        var year = DateTime.UtcNow.Year;
        var order = await host.NewOrderAsync(1296.75m, DateTime.UtcNow);
        var other = await host.NewOrderAsync(100.00m, DateTime.UtcNow);

        var deposit = await StartAndWaitAsync(api, order.Id, "deposit");
        var balance = await StartAndWaitAsync(api, order.Id, "balance");
        var otherDeposit = await StartAndWaitAsync(api, other.Id, "deposit");

        Assert.Equal(($"INV-{year}-0001", 389.03m, "deposit"), Summary(deposit));
        Assert.Equal(($"INV-{year}-0002", 907.72m, "balance"), Summary(balance));
        Assert.Equal(($"INV-{year}-0003", 30.00m, "deposit"), Summary(otherDeposit));
        Assert.Equal(order.Total, deposit["amount"]!.GetValue<decimal>() + balance["amount"]!.GetValue<decimal>());
        var stored = await host.InvoiceAsync(Guid.Parse(deposit["invoiceId"]!.GetValue<string>()));
        Assert.Equal((InvoiceStatus.Pending, "USD", TimeSpan.FromDays(7)), (stored.Status, stored.Currency, stored.DueAt - stored.IssuedAt));

        // A second deposit invoice for the same order is refused, naming the first.
        var second = SleekApi.Id(await api.StartAsync("invoice-payment", new { orderId = order.Id.ToString() }));
        var faulted = await api.WaitForStatusAsync(second, "Faulted");
        Assert.Contains($"INV-{year}-0001", faulted.ToJsonString(), StringComparison.Ordinal);

        // Manual path: ops confirm with a bank reference; MarkInvoicePaid records it.
        var instanceId = deposit["instanceId"]!.GetValue<string>();
        var instance = await api.GetInstanceAsync(instanceId);
        Assert.Contains(SleekApi.Journal(instance), j => j == ("intent", "Executed", 1));
        var task = Assert.Single((await api.GetJsonAsync($"/api/tasks?instanceId={instanceId}"))["items"]!.AsArray())!;
        using (var done = await api.PostAsync($"/api/tasks/{task["id"]}/complete", new { reference = "BANK-42" }))
        {
            await SleekApi.ExpectAsync(done, HttpStatusCode.OK);
        }

        await api.WaitForStatusAsync(instanceId, "Completed");
        var invoice = await api.GetJsonAsync($"/api/invoices/{deposit["invoiceId"]}");
        Assert.Equal("paid", invoice["status"]!.GetValue<string>());
        var payment = Assert.Single(invoice["payments"]!.AsArray())!;
        Assert.Equal(("manual", "BANK-42", 389.03m), (payment["provider"]!.GetValue<string>(), payment["externalId"]!.GetValue<string>(), payment["amount"]!.GetValue<decimal>()));

        var listed = (await api.GetJsonAsync($"/api/orders/{order.Id}/invoices")).AsArray();
        Assert.Equal([$"INV-{year}-0001", $"INV-{year}-0002"], listed.Select(i => i!["number"]!.GetValue<string>()));
        using var manualIntent = await api.PostAsync($"/api/invoices/{balance["invoiceId"]}/payment-intent");
        await SleekApi.ExpectProblemAsync(manualIntent, HttpStatusCode.Conflict);
    }

    /// <summary>Starts the test workflow and waits for the ops task of the Manual port; returns the CreateInvoice output plus the instance id.</summary>
    private static async Task<JsonObject> StartAndWaitAsync(SleekApi api, Guid orderId, string kind)
    {
        var id = SleekApi.Id(await api.StartAsync("invoice-payment", new { orderId = orderId.ToString(), kind }));
        var instance = await api.WaitForStatusAsync(id, "Suspended");
        var (manual, port) = PaymentData.Output(instance, "intent");
        Assert.Equal("Manual", port);
        Assert.Contains("not configured", manual!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        var output = PaymentData.Output(instance, "invoice").Output!.AsObject().DeepClone().AsObject();
        output["instanceId"] = id;
        return output;
    }

    private static (string, decimal, string) Summary(JsonObject invoice) =>
        (invoice["number"]!.GetValue<string>(), invoice["amount"]!.GetValue<decimal>(), invoice["kind"]!.GetValue<string>());
}

public sealed class InvoicingOnPostgres(PostgresDatabase database) : InvoicingScenario(database), IClassFixture<PostgresDatabase>;

public sealed class InvoicingOnSqlite(SqliteDatabase database) : InvoicingScenario(database), IClassFixture<SqliteDatabase>;
