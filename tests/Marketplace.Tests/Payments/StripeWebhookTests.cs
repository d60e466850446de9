using System.Text.Json.Nodes;
using Sleek.Workflows.Marketplace.Payments;
using Sleek.Workflows.TestSupport.Fakes;

namespace Sleek.Workflows.Marketplace.Tests.Payments;

public sealed class StripeWebhookTests
{
    private static JsonObject Intent() => new()
    {
        ["id"] = "pi_3TestIntent000000000001",
        ["object"] = "payment_intent",
        ["amount"] = 38903,
        ["amount_received"] = 38903,
        ["currency"] = "usd",
        ["status"] = "succeeded",
        ["client_secret"] = "pi_3TestIntent000000000001_secret_abc",
        ["metadata"] = new JsonObject { ["invoiceId"] = "inv-0012", ["orderId"] = "ord-0007" },
    };

    [Fact]
    public void A_correctly_signed_payment_succeeded_event_is_accepted()
    {
        var webhook = FakeStripeServer.SignedWebhook(FakeStripeServer.PaymentIntentSucceededEvent(Intent()));

        var stripeEvent = StripeBorder.For(null).ParseWebhook(webhook.Payload, webhook.SignatureHeader);

        Assert.Equal("payment_intent.succeeded", stripeEvent.Type);
        var intent = Assert.IsType<Stripe.PaymentIntent>(stripeEvent.Data.Object);
        Assert.Equal("pi_3TestIntent000000000001", intent.Id);
        Assert.Equal("inv-0012", intent.Metadata["invoiceId"]);
        Assert.Equal(38903, intent.AmountReceived);
    }

    [Fact]
    public void A_signature_header_with_other_schemes_besides_v1_is_accepted()
    {
        var webhook = FakeStripeServer.SignedWebhook(FakeStripeServer.PaymentIntentSucceededEvent(Intent()));

        var stripeEvent = StripeBorder.For(null).ParseWebhook(webhook.Payload, webhook.SignatureHeader + ",v0=6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39");

        Assert.StartsWith("evt_", stripeEvent.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_event_for_an_intent_created_and_paid_at_the_fake_round_trips()
    {
        await using var fake = await FakeStripeServer.StartAsync();
        var stripe = StripeBorder.For(fake);
        var created = await stripe.CreatePaymentIntentAsync(new PaymentIntentRequest(38903, "usd", "inv-0012", "ord-0007", "k-1"), CancellationToken.None);
        var webhook = FakeStripeServer.SignedWebhook(FakeStripeServer.PaymentIntentSucceededEvent(fake.Succeed(created.Id)));

        var stripeEvent = stripe.ParseWebhook(webhook.Payload, webhook.SignatureHeader);

        var intent = Assert.IsType<Stripe.PaymentIntent>(stripeEvent.Data.Object);
        Assert.Equal((created.Id, "succeeded", "inv-0012"), (intent.Id, intent.Status, intent.Metadata["invoiceId"]));
    }

    [Fact]
    public void A_forged_signature_is_refused()
    {
        var webhook = FakeStripeServer.ForgedWebhook(FakeStripeServer.PaymentIntentSucceededEvent(Intent()));

        var error = Assert.Throws<StripeWebhookException>(() => StripeBorder.For(null).ParseWebhook(webhook.Payload, webhook.SignatureHeader));

        Assert.Equal(StripeWebhookFailure.BadSignature, error.Reason);
    }

    [Fact]
    public void A_tampered_payload_is_refused()
    {
        var webhook = FakeStripeServer.SignedWebhook(FakeStripeServer.PaymentIntentSucceededEvent(Intent()));
        var tampered = webhook.Payload.Replace("38903", "1", StringComparison.Ordinal);

        var error = Assert.Throws<StripeWebhookException>(() => StripeBorder.For(null).ParseWebhook(tampered, webhook.SignatureHeader));

        Assert.Equal(StripeWebhookFailure.BadSignature, error.Reason);
    }

    [Fact]
    public void A_correctly_signed_but_old_event_is_refused_as_a_replay()
    {
        var webhook = FakeStripeServer.OldWebhook(FakeStripeServer.PaymentIntentSucceededEvent(Intent()));

        var error = Assert.Throws<StripeWebhookException>(() => StripeBorder.For(null).ParseWebhook(webhook.Payload, webhook.SignatureHeader));

        Assert.Equal(StripeWebhookFailure.TooOld, error.Reason);
        Assert.Contains("300 s tolerance", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1=abcdef")]
    [InlineData("t=1700000000")]
    public void A_missing_or_partial_signature_header_is_refused(string? header)
    {
        var payload = FakeStripeServer.PaymentIntentSucceededEvent(Intent());

        var error = Assert.Throws<StripeWebhookException>(() => StripeBorder.For(null).ParseWebhook(payload, header));

        Assert.Equal(StripeWebhookFailure.MissingSignature, error.Reason);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"object":"payment_intent","id":"pi_1"}""")]
    public void A_signed_body_that_is_no_stripe_event_is_refused_as_malformed(string payload)
    {
        var webhook = FakeStripeServer.SignedWebhook(payload);

        var error = Assert.Throws<StripeWebhookException>(() => StripeBorder.For(null).ParseWebhook(webhook.Payload, webhook.SignatureHeader));

        Assert.Equal(StripeWebhookFailure.Malformed, error.Reason);
    }

    [Fact]
    public void An_event_of_another_api_version_is_refused_naming_both_versions()
    {
        var json = JsonNode.Parse(FakeStripeServer.PaymentIntentSucceededEvent(Intent()))!.AsObject();
        json["api_version"] = "2020-08-27";
        var webhook = FakeStripeServer.SignedWebhook(json.ToJsonString());

        var error = Assert.Throws<StripeWebhookException>(() => StripeBorder.For(null).ParseWebhook(webhook.Payload, webhook.SignatureHeader));

        Assert.Equal(StripeWebhookFailure.ApiVersionMismatch, error.Reason);
        Assert.Contains("2020-08-27", error.Message, StringComparison.Ordinal);
        Assert.Contains(StripePayments.ApiVersion, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_webhook_secret_every_webhook_is_refused()
    {
        var webhook = FakeStripeServer.SignedWebhook(FakeStripeServer.PaymentIntentSucceededEvent(Intent()));
        var stripe = StripeBorder.For(null, webhookSecret: null);

        var error = Assert.Throws<StripeWebhookException>(() => stripe.ParseWebhook(webhook.Payload, webhook.SignatureHeader));

        Assert.False(stripe.CanVerifyWebhooks);
        Assert.Equal(StripeWebhookFailure.NotConfigured, error.Reason);
    }
}
