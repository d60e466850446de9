using Sleek.Workflows.Marketplace.Payments;
using Sleek.Workflows.TestSupport.Fakes;

namespace Sleek.Workflows.Marketplace.Tests.Payments;

public sealed class StripePaymentsTests
{
    private static PaymentIntentRequest Deposit(string key = "instance-7:create-intent:1") =>
        new(38903, "USD", "inv-0012", "ord-0007", key, "INV-2026-0012");

    [Fact]
    public async Task Creates_a_payment_intent_with_the_idempotency_key_seen_by_Stripe()
    {
        await using var fake = await FakeStripeServer.StartAsync();
        var stripe = StripeBorder.For(fake);

        var intent = await stripe.CreatePaymentIntentAsync(Deposit(), CancellationToken.None);

        Assert.StartsWith("pi_", intent.Id, StringComparison.Ordinal);
        Assert.StartsWith(intent.Id + "_secret_", intent.ClientSecret, StringComparison.Ordinal);
        Assert.Equal("requires_payment_method", intent.Status);
        Assert.Equal(38903, intent.AmountCents);
        Assert.Equal("usd", intent.Currency);
        Assert.Equal("inv-0012", intent.Metadata["invoiceId"]);
        Assert.Equal("ord-0007", intent.Metadata["orderId"]);
        var request = Assert.Single(fake.Requests);
        Assert.Equal(("POST", "/v1/payment_intents"), (request.Method, request.Path));
        Assert.Equal("instance-7:create-intent:1", request.IdempotencyKey);
        Assert.Equal($"Bearer {FakeStripeServer.SecretKey}", request.Authorization);
        Assert.Equal(Stripe.StripeConfiguration.ApiVersion, request.StripeVersion);
        Assert.Equal("38903", request.Form["amount"]);
        Assert.Equal("usd", request.Form["currency"]);
        Assert.Equal("true", request.Form["automatic_payment_methods[enabled]"]);
    }

    [Fact]
    public async Task A_replayed_idempotency_key_returns_the_same_intent()
    {
        await using var fake = await FakeStripeServer.StartAsync();
        var stripe = StripeBorder.For(fake);

        var first = await stripe.CreatePaymentIntentAsync(Deposit("k-1"), CancellationToken.None);
        var replay = await stripe.CreatePaymentIntentAsync(Deposit("k-1"), CancellationToken.None);
        var other = await stripe.CreatePaymentIntentAsync(Deposit("k-2"), CancellationToken.None);

        Assert.Equal(first, replay with { Metadata = first.Metadata });
        Assert.Equal(first.ClientSecret, replay.ClientSecret);
        Assert.NotEqual(first.Id, other.Id);
        Assert.Equal(2, fake.Intents.Count);
        Assert.Equal(["k-1", "k-1", "k-2"], fake.Requests.Select(r => r.IdempotencyKey));
    }

    [Fact]
    public async Task An_intent_can_be_read_back()
    {
        await using var fake = await FakeStripeServer.StartAsync();
        var stripe = StripeBorder.For(fake);
        var created = await stripe.CreatePaymentIntentAsync(Deposit(), CancellationToken.None);
        fake.Succeed(created.Id);

        var read = await stripe.GetPaymentIntentAsync(created.Id, CancellationToken.None);

        Assert.Equal("succeeded", read.Status);
        Assert.Equal(created.Id, read.Id);
    }

    [Fact]
    public async Task A_declined_card_is_a_clear_final_error()
    {
        await using var fake = await FakeStripeServer.StartAsync();
        fake.Mode = StripeFakeMode.CardDeclined;
        var stripe = StripeBorder.For(fake);

        var error = await Assert.ThrowsAsync<PaymentProviderException>(() => stripe.CreatePaymentIntentAsync(Deposit(), CancellationToken.None));

        Assert.Equal(402, error.StatusCode);
        Assert.Equal("card_declined", error.ErrorCode);
        Assert.False(error.IsTransient);
        Assert.Contains("HTTP 402 card_declined (Your card was declined.)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_error_is_transient_and_not_retried_by_the_sdk()
    {
        await using var fake = await FakeStripeServer.StartAsync();
        fake.Mode = StripeFakeMode.ServerError;
        var stripe = StripeBorder.For(fake);

        var error = await Assert.ThrowsAsync<PaymentProviderException>(() => stripe.CreatePaymentIntentAsync(Deposit(), CancellationToken.None));

        Assert.Equal(500, error.StatusCode);
        Assert.True(error.IsTransient);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task Without_a_secret_key_payments_are_manual()
    {
        var stripe = StripeBorder.For(null, secretKey: null);

        Assert.False(stripe.IsConfigured);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => stripe.CreatePaymentIntentAsync(Deposit(), CancellationToken.None));
        Assert.Contains("Stripe:SecretKey", error.Message, StringComparison.Ordinal);
    }
}
