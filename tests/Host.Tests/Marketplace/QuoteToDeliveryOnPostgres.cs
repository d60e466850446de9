using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Sleek.Workflows.Marketplace.Email;
using Sleek.Workflows.TestSupport.Fakes;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Marketplace;

/// <summary>
/// The repository's workflows/quote-to-delivery/v1.json end to end over HTTP on PostgreSQL, with a real
/// SMTP server in-process and fakes only at HTTP (OpenAI, Stripe): quote, accept, deposit, supplier,
/// sample, eleven stages, QC, balance, shipping, delivery; once with ops confirming payments, once
/// with Stripe and a signed webhook.
/// </summary>
public sealed class QuoteToDeliveryOnPostgres(PostgresDatabase database) : HostScenario(database), IClassFixture<PostgresDatabase>
{
    private static readonly string[] OrderStatuses =
    [
        "quote_sent>awaiting_payment", "awaiting_payment>payment_received", "payment_received>assigned_to_supplier",
        "assigned_to_supplier>sample_requested", "sample_requested>sample_submitted", "sample_submitted>sample_approved",
        "sample_approved>bulk_production", "bulk_production>qc_inspection", "qc_inspection>awaiting_payment",
        "awaiting_payment>payment_received", "payment_received>ready_to_ship", "ready_to_ship>shipped", "shipped>delivered", "delivered>completed",
    ];

    [Fact]
    public async Task Whole_path_with_manual_payments_sends_every_email_and_completes_the_order()
    {
        await using var smtp = await SmtpCapture.StartAsync();
        await using var ai = await FakeOpenAiServer.StartAsync();
        var host = NewHost(NewFolder().WithSample("quote-to-delivery"), settings: QuoteToDeliveryHost.Settings(smtp, ai));
        var client = new MarketplaceClient(new SleekApi(host.CreateClient()));

        var quote = await client.CreateQuoteAsync();
        Assert.Equal(1296.75m, quote["total"]!.GetValue<decimal>());
        Assert.Equal("quote_sent", MarketplaceClient.Str(quote, "status"));
        Assert.NotNull(quote["aiSuggestions"]);
        var quoteId = MarketplaceClient.Str(quote, "id");
        var instanceId = MarketplaceClient.Str(quote, "instanceId");
        var orderId = MarketplaceClient.Str(await client.AcceptAsync(quoteId), "orderId");

        var driver = new FullPathDriver(client, orderId);
        await driver.RunAsync(async () => SleekApi.Status(await client.Api.GetInstanceAsync(instanceId)) == "Completed");

        var order = await client.OrderAsync(orderId);
        Assert.Equal("completed", MarketplaceClient.Str(order, "status"));
        AssertStatusChanges(order, review: false);
        var invoices = order["invoices"]!.AsArray();
        Assert.Equal(["deposit:paid", "balance:paid"], invoices.Select(i => $"{i!["kind"]}:{i["status"]}"));
        Assert.Equal(1296.75m, invoices.Sum(i => i!["amount"]!.GetValue<decimal>()));
        Assert.Equal(11, order["stages"]!.AsArray().Count(s => s!["actualEnd"] is not null));
        Assert.Equal("DHL", MarketplaceClient.Str(order["shipment"], "carrier"));

        string[] expected =
        [
            "quote-confirmation", "ops-new-quote", "order-confirmation", "invoice", "payment-receipt", "supplier-assignment",
            .. Enumerable.Repeat("production-update", 11), "invoice", "payment-receipt", "shipped", "delivered",
        ];
        var emails = await Eventually.UntilAsync(
            () => QuoteToDeliveryHost.EmailsAsync(host, Guid.Parse(quoteId), Guid.Parse(orderId)),
            rows => rows.Count == expected.Length && rows.All(r => r.Status == EmailStatus.Sent),
            "every email of the order sent",
            rows => string.Join(", ", rows));
        Assert.Equal(expected, emails.Select(e => e.Template));
        Assert.Equal(QuoteToDeliveryHost.OpsEmail, emails[1].To);
        Assert.Equal("orders@supplier1.example.com", emails[5].To);
        Assert.All(emails.Where(e => e.Template is not ("ops-new-quote" or "supplier-assignment")), e => Assert.Equal("buyer@example.com", e.To));
        var received = await smtp.WaitForMessagesAsync(expected.Length, TimeSpan.FromSeconds(30));
        Assert.Contains(received, m => m.Subject is { } subject && subject.Contains(MarketplaceClient.Str(quote, "number"), StringComparison.Ordinal));
        Assert.Contains(received, m => m.To.ToString().Contains(QuoteToDeliveryHost.OpsEmail, StringComparison.Ordinal));

        await AssertJournalAsync(client.Api, instanceId, "confirm-deposit", "mark-deposit-paid", "confirm-balance", "mark-balance-paid", "email-auto-assigned");
    }

    [Fact]
    public async Task Whole_path_with_stripe_and_signed_webhooks_and_an_ops_review()
    {
        await using var smtp = await SmtpCapture.StartAsync();
        await using var stripe = await FakeStripeServer.StartAsync();
        var host = NewHost(NewFolder().WithSample("quote-to-delivery"), settings: QuoteToDeliveryHost.Settings(smtp, stripe: stripe));
        var client = new MarketplaceClient(new SleekApi(host.CreateClient()));

        // Over 10,000 USD: the automation rules ask for an ops review.
        var request = MarketplaceClient.WorkedExample("big.buyer@example.com");
        request["quantity"] = 1500;
        var quote = await client.CreateQuoteAsync(request);
        var instanceId = MarketplaceClient.Str(quote, "instanceId");
        var orderId = MarketplaceClient.Str(await client.AcceptAsync(MarketplaceClient.Str(quote, "id")), "orderId");
        var driver = new FullPathDriver(client, orderId);
        var paid = 0;

        async Task<bool> PayWaitingInvoiceAsync()
        {
            var order = await client.OrderAsync(orderId);
            if (order["invoices"]!.AsArray().FirstOrDefault(i => MarketplaceClient.Str(i, "status") == "pending") is not { } invoice
                || stripe.Intents.FirstOrDefault(i => i["metadata"]?["invoiceId"]?.GetValue<string>() == MarketplaceClient.Str(invoice, "id")) is not { } intent)
            {
                return SleekApi.Status(await client.Api.GetInstanceAsync(instanceId)) == "Completed";
            }

            var webhook = FakeStripeServer.SignedWebhook(FakeStripeServer.PaymentIntentSucceededEvent(stripe.Succeed(intent["id"]!.GetValue<string>())));
            using var post = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/stripe") { Content = new StringContent(webhook.Payload, Encoding.UTF8, "application/json") };
            post.Headers.Add("Stripe-Signature", webhook.SignatureHeader);
            using var response = await client.Api.Client.SendAsync(post);
            Assert.True(response.IsSuccessStatusCode, $"webhook: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            paid++;
            return false;
        }

        await driver.RunAsync(PayWaitingInvoiceAsync);

        Assert.Equal(2, paid);
        Assert.DoesNotContain(driver.Done, t => t.StartsWith("Confirm payment", StringComparison.Ordinal));
        Assert.Contains(driver.Done, t => t.StartsWith("Review order", StringComparison.Ordinal));
        var final = await client.OrderAsync(orderId);
        Assert.Equal("completed", MarketplaceClient.Str(final, "status"));
        AssertStatusChanges(final, review: true);
        Assert.All(final["invoices"]!.AsArray(), i => Assert.Equal("paid", MarketplaceClient.Str(i, "status")));
        Assert.Equal(2, stripe.Intents.Count);
        await AssertJournalAsync(client.Api, instanceId, "review", "wait-deposit", "wait-balance");
    }

    private static void AssertStatusChanges(JsonObject order, bool review)
    {
        var changes = order["timeline"]!.AsArray()
            .Where(t => MarketplaceClient.Str(t, "action") == "status_changed")
            .Select(t => $"{t!["fromStatus"]}>{t["toStatus"]}")
            .ToList();
        var expected = review
            ? ["quote_sent>admin_review", "admin_review>awaiting_payment", .. OrderStatuses.Skip(1)]
            : OrderStatuses.ToList();
        Assert.Equal(expected, changes);
        Assert.All(order["timeline"]!.AsArray(), t => Assert.False(string.IsNullOrEmpty(MarketplaceClient.Str(t, "actor"))));
    }

    /// <summary>Every journal row, page by page: no fault, and the given activities ran.</summary>
    private static async Task AssertJournalAsync(SleekApi api, string instanceId, params string[] ran)
    {
        var rows = new List<JsonNode>();
        long after = 0;
        while (true)
        {
            var page = await api.GetJsonAsync($"/api/instances/{instanceId}/journal?after={after}&limit=500");
            var items = page["items"]!.AsArray();
            rows.AddRange(items.Select(i => i!));
            if (items.Count == 0 || page["next"] is null)
            {
                break;
            }

            after = page["next"]!.GetValue<long>();
        }

        Assert.DoesNotContain(rows, r => MarketplaceClient.Str(r, "event") == "Faulted");
        var ids = rows.Select(r => MarketplaceClient.Str(r, "activityId")).ToHashSet();
        foreach (var id in new[] { "calculate", "create-quote", "ai", "email-quote", "email-ops-quote", "quote-sent", "wait-accept", "create-order", "automation", "deposit-invoice", "assign", "offer", "status-sample-requested", "next-stage", "complete-stage", "email-stage", "qc", "balance-invoice", "record-shipment", "email-delivered", "status-completed", "end" }.Concat(ran))
        {
            Assert.True(ids.Contains(id), $"journal lacks {id}");
        }

        Assert.Equal(12, rows.Count(r => MarketplaceClient.Str(r, "activityId") == "next-stage" && MarketplaceClient.Str(r, "event") == "Executed"));
    }
}
