using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sleek.Workflows.Marketplace.Payments;
using Sleek.Workflows.TestSupport.Fakes;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Payments;

/// <summary>
/// Stripe payments against <see cref="FakeStripeServer"/>: the intent under the execution's idempotency
/// key (also across a retry), the signed webhook that pays the invoice and resumes the waiting workflow
/// exactly once, refused webhooks that change nothing, and the payment-intent endpoint's refusals.
/// </summary>
public abstract class StripePaymentsScenario(TestDatabase database) : HostScenario(database)
{
    private static Dictionary<string, string> Settings(FakeStripeServer stripe) => new()
    {
        ["Stripe:SecretKey"] = FakeStripeServer.SecretKey,
        ["Stripe:WebhookSecret"] = FakeStripeServer.WebhookSecret,
        ["Stripe:ApiBase"] = stripe.BaseUrl,
    };

    [Fact]
    public async Task Signed_webhook_pays_the_invoice_and_resumes_the_workflow_once()
    {
        await using var stripe = await FakeStripeServer.StartAsync();
        var host = NewHost(NewFolder().WithInvoicePayment(), settings: Settings(stripe));
        var api = new SleekApi(host.CreateClient());
        var order = await host.NewOrderAsync(1296.75m, DateTime.UtcNow);

        var id = SleekApi.Id(await api.StartAsync("invoice-payment", new { orderId = order.Id.ToString() }));
        var waiting = await api.WaitForStatusAsync(id, "Suspended");
        var (intentOutput, port) = PaymentData.Output(waiting, "intent");
        Assert.Equal("Done", port);
        var request = Assert.Single(stripe.Requests);
        Assert.Equal(($"{Guid.Parse(id):N}:intent:1", "38903", "usd"), (request.IdempotencyKey, request.Form["amount"], request.Form["currency"]));
        var intentId = intentOutput!["paymentIntentId"]!.GetValue<string>();
        Assert.StartsWith(intentId, intentOutput["clientSecret"]!.GetValue<string>(), StringComparison.Ordinal);
        var invoiceId = Guid.Parse(PaymentData.Output(waiting, "invoice").Output!["invoiceId"]!.GetValue<string>());
        Assert.Equal(intentId, (await host.InvoiceAsync(invoiceId)).PaymentIntentId);

        var webhook = FakeStripeServer.SignedWebhook(FakeStripeServer.PaymentIntentSucceededEvent(stripe.Succeed(intentId)));
        var first = await SleekApi.ExpectAsync(await PostWebhookAsync(api, webhook), HttpStatusCode.OK);
        Assert.Equal(("processed", 1), (first["result"]!.GetValue<string>(), first["resumedInstances"]!.GetValue<int>()));
        var done = await api.WaitForStatusAsync(id, "Completed");
        Assert.Equal(invoiceId.ToString(), done["variables"]!["paid"]!["invoiceId"]!.GetValue<string>());
        var invoice = await host.InvoiceAsync(invoiceId);
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        var payment = Assert.Single(await host.PaymentsAsync(invoiceId));
        Assert.Equal((PaymentProvider.Stripe, intentId, 389.03m), (payment.Provider, payment.ExternalId, payment.Amount));
        Assert.StartsWith("evt_", payment.StripeEventId, StringComparison.Ordinal);

        // Stripe redelivers the same event: acknowledged, nothing stored twice, nothing resumed twice.
        var again = await SleekApi.ExpectAsync(await PostWebhookAsync(api, FakeStripeServer.SignedWebhook(webhook.Payload)), HttpStatusCode.OK);
        Assert.Equal(("already processed", 0), (again["result"]!.GetValue<string>(), again["resumedInstances"]!.GetValue<int>()));
        Assert.Single(await host.PaymentsAsync(invoiceId));
        Assert.Single(SleekApi.Journal(await api.GetInstanceAsync(id)), j => j.Activity == "paid-log");

        // Other event types are acknowledged and ignored.
        var other = webhook.Payload.Replace("payment_intent.succeeded", "payment_intent.created", StringComparison.Ordinal).Replace("\"evt_", "\"evt_x", StringComparison.Ordinal);
        var ignored = await SleekApi.ExpectAsync(await PostWebhookAsync(api, FakeStripeServer.SignedWebhook(other)), HttpStatusCode.OK);
        Assert.Equal("ignored", ignored["result"]!.GetValue<string>());
    }

    [Fact]
    public async Task Redelivery_resumes_the_workflow_when_the_first_delivery_stored_the_payment_but_did_not_publish()
    {
        await using var stripe = await FakeStripeServer.StartAsync();
        var host = NewHost(NewFolder().WithInvoicePayment(), settings: Settings(stripe));
        var api = new SleekApi(host.CreateClient());
        var order = await host.NewOrderAsync(2000m, DateTime.UtcNow);
        var id = SleekApi.Id(await api.StartAsync("invoice-payment", new { orderId = order.Id.ToString() }));
        var waiting = await api.WaitForStatusAsync(id, "Suspended");
        var invoiceId = Guid.Parse(PaymentData.Output(waiting, "invoice").Output!["invoiceId"]!.GetValue<string>());
        var intentId = PaymentData.Output(waiting, "intent").Output!["paymentIntentId"]!.GetValue<string>();
        var payload = FakeStripeServer.PaymentIntentSucceededEvent(stripe.Succeed(intentId));
        var eventId = JsonNode.Parse(payload)!["id"]!.GetValue<string>();

        // What the first delivery committed before the host died (the publish never happened).
        var paidAt = DateTime.UtcNow;
        await host.UpdateInvoiceAsync(invoiceId, i => (i.Status, i.PaidAt) = (InvoiceStatus.Paid, paidAt));
        await host.WriteAsync(db => db.Payments.Add(new Payment { InvoiceId = invoiceId, Provider = PaymentProvider.Stripe, ExternalId = intentId, Amount = 600m, ReceivedAt = paidAt, StripeEventId = eventId }));

        var redelivered = await SleekApi.ExpectAsync(await PostWebhookAsync(api, FakeStripeServer.SignedWebhook(payload)), HttpStatusCode.OK);
        Assert.Equal(("already processed", 1), (redelivered["result"]!.GetValue<string>(), redelivered["resumedInstances"]!.GetValue<int>()));
        await api.WaitForStatusAsync(id, "Completed");
        Assert.Single(await host.PaymentsAsync(invoiceId));
    }

    [Fact]
    public async Task Lost_answer_is_retried_with_the_same_idempotency_key_and_gets_the_same_intent()
    {
        await using var stripe = await FakeStripeServer.StartAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var counter = new LoseFirstAnswer.Counter();
        var host = NewHost(
            NewFolder().WithInvoicePayment(),
            clock,
            s => s.AddHttpClient(StripeOptions.HttpClientName).AddHttpMessageHandler(() => new LoseFirstAnswer(counter)),
            Settings(stripe));
        var api = new SleekApi(host.CreateClient());
        var order = await host.NewOrderAsync(500m, clock.GetUtcNow().UtcDateTime);

        var id = SleekApi.Id(await api.StartAsync("invoice-payment", new { orderId = order.Id.ToString() }));
        var failed = await Eventually.UntilAsync(
            () => api.GetInstanceAsync(id),
            i => i["pendingRetries"]!.AsArray().Count == 1,
            "the lost answer's retry to be scheduled",
            i => i.ToJsonString());
        Assert.Contains("transient", failed.ToJsonString(), StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromSeconds(13));
        var waiting = await Eventually.UntilAsync(
            () => api.GetInstanceAsync(id),
            i => i["bookmarks"]!.AsArray().Count == 1,
            "the retried intent to be taken",
            i => i.ToJsonString());

        Assert.Equal(2, stripe.Requests.Count);
        Assert.Single(stripe.Requests.Select(r => r.IdempotencyKey).Distinct());
        var intent = Assert.Single(stripe.Intents);
        Assert.Equal(intent["id"]!.GetValue<string>(), PaymentData.Output(waiting, "intent").Output!["paymentIntentId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Forged_tampered_old_and_mismatched_webhooks_are_refused_and_change_nothing()
    {
        await using var stripe = await FakeStripeServer.StartAsync();
        var host = NewHost(NewFolder(), settings: Settings(stripe));
        var api = new SleekApi(host.CreateClient());
        var order = await host.NewOrderAsync(1000m, DateTime.UtcNow);
        var invoice = await host.NewInvoiceAsync(order.Id, InvoiceKind.Deposit, 300m, DateTime.UtcNow);
        var taken = await SleekApi.ExpectAsync(await api.PostAsync($"/api/invoices/{invoice.Id}/payment-intent"), HttpStatusCode.OK);
        var intent = stripe.Succeed(taken["paymentIntentId"]!.GetValue<string>());
        var payload = FakeStripeServer.PaymentIntentSucceededEvent(intent);

        await ExpectRefusedAsync(api, FakeStripeServer.ForgedWebhook(payload), "Stripe-Signature");
        var signed = FakeStripeServer.SignedWebhook(payload);
        await ExpectRefusedAsync(api, signed with { Payload = payload.Replace("30000", "100", StringComparison.Ordinal) }, "Stripe-Signature");
        await ExpectRefusedAsync(api, FakeStripeServer.OldWebhook(payload), "Stripe-Signature");
        await ExpectRefusedAsync(api, signed with { SignatureHeader = "" }, "Stripe-Signature");
        await ExpectRefusedAsync(api, FakeStripeServer.SignedWebhook("not json"), "body");

        var cheaper = intent.DeepClone().AsObject();
        cheaper["amount"] = 100;
        cheaper["amount_received"] = 100;
        using (var mismatch = await PostWebhookAsync(api, FakeStripeServer.SignedWebhook(FakeStripeServer.PaymentIntentSucceededEvent(cheaper))))
        {
            await SleekApi.ExpectProblemAsync(mismatch, HttpStatusCode.UnprocessableEntity, "data.object.amount_received");
        }

        Assert.Equal(InvoiceStatus.Pending, (await host.InvoiceAsync(invoice.Id)).Status);
        Assert.Empty(await host.PaymentsAsync(invoice.Id));
    }

    [Fact]
    public async Task Payment_intent_endpoint_refuses_paid_tiny_and_mismatched_invoices_and_reuses_an_open_intent()
    {
        await using var stripe = await FakeStripeServer.StartAsync();
        var host = NewHost(NewFolder(), settings: Settings(stripe));
        var api = new SleekApi(host.CreateClient());
        var now = DateTime.UtcNow;
        var order = await host.NewOrderAsync(1000m, now);

        var tiny = await host.NewInvoiceAsync(order.Id, InvoiceKind.Deposit, 0.99m, now);
        Assert.Contains("minimum", await RefusalAsync(api, tiny.Id), StringComparison.Ordinal);

        var paid = await host.NewInvoiceAsync(order.Id, InvoiceKind.Deposit, 300m, now);
        await host.UpdateInvoiceAsync(paid.Id, i => (i.Status, i.PaidAt) = (InvoiceStatus.Paid, now));
        Assert.Contains("already paid", await RefusalAsync(api, paid.Id), StringComparison.Ordinal);

        var mismatched = await host.NewInvoiceAsync(order.Id, InvoiceKind.Balance, 700m, now);
        var foreign = await host.Services.GetRequiredService<StripePayments>().CreatePaymentIntentAsync(
            new PaymentIntentRequest(70_400, "usd", mismatched.Id.ToString(), order.Id.ToString(), "foreign-key"), CancellationToken.None);
        await host.UpdateInvoiceAsync(mismatched.Id, i => i.PaymentIntentId = foreign.Id);
        Assert.Contains("differs", await RefusalAsync(api, mismatched.Id), StringComparison.Ordinal);

        var open = await host.NewInvoiceAsync(order.Id, InvoiceKind.Balance, 250m, now);
        var first = await SleekApi.ExpectAsync(await api.PostAsync($"/api/invoices/{open.Id}/payment-intent"), HttpStatusCode.OK);
        var second = await SleekApi.ExpectAsync(await api.PostAsync($"/api/invoices/{open.Id}/payment-intent"), HttpStatusCode.OK);
        Assert.Equal(first["paymentIntentId"]!.GetValue<string>(), second["paymentIntentId"]!.GetValue<string>());
        Assert.Equal(250m, first["amount"]!.GetValue<decimal>());
        Assert.Equal(first["paymentIntentId"]!.GetValue<string>(), (await api.GetJsonAsync($"/api/invoices/{open.Id}"))["paymentIntentId"]!.GetValue<string>());

        using var unknown = await api.PostAsync($"/api/invoices/{Guid.NewGuid()}/payment-intent");
        await SleekApi.ExpectProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    private static async Task<string> RefusalAsync(SleekApi api, Guid invoiceId)
    {
        using var response = await api.PostAsync($"/api/invoices/{invoiceId}/payment-intent");
        return (await SleekApi.ExpectProblemAsync(response, HttpStatusCode.Conflict))["detail"]!.GetValue<string>();
    }

    private static async Task ExpectRefusedAsync(SleekApi api, StripeWebhook webhook, string field)
    {
        using var response = await PostWebhookAsync(api, webhook);
        await SleekApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    private static Task<HttpResponseMessage> PostWebhookAsync(SleekApi api, StripeWebhook webhook)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/webhooks/stripe", UriKind.Relative))
        {
            Content = new StringContent(webhook.Payload, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", webhook.SignatureHeader);
        return api.Client.SendAsync(request);
    }
}

public sealed class StripePaymentsOnPostgres(PostgresDatabase database) : StripePaymentsScenario(database), IClassFixture<PostgresDatabase>;

public sealed class StripePaymentsOnSqlite(SqliteDatabase database) : StripePaymentsScenario(database), IClassFixture<SqliteDatabase>;
