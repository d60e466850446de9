using System.Globalization;
using System.Text.Json;
using Stripe;

namespace Sleek.Workflows.Marketplace.Payments;

/// <summary>
/// The Stripe border: creates payment intents under an idempotency key and verifies webhooks. Calls go
/// through a named HttpClient from <see cref="IHttpClientFactory"/> (<see cref="StripeOptions.HttpClientName"/>)
/// to <see cref="StripeOptions.ApiBase"/>, so tests point it at a fake server; Stripe.net's own retries are
/// off, since the workflow engine retries activities with backoff and the same idempotency key.
/// </summary>
public sealed class StripePayments
{
    private readonly StripeOptions _options;
    private readonly IHttpClientFactory _httpClients;
    private readonly TimeProvider _time;

    /// <summary>A border for these options; nothing is called until a method is.</summary>
    public StripePayments(StripeOptions options, IHttpClientFactory httpClients, TimeProvider? time = null)
    {
        _options = options;
        _httpClients = httpClients;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Whether payment intents can be created (a secret key is set); else payments are manual.</summary>
    public bool IsConfigured => _options.IsConfigured;

    /// <summary>The publishable key for Stripe.js in the browser (Stripe:PublishableKey), if set.</summary>
    public string? PublishableKey => _options.PublishableKey;

    /// <summary>Whether webhooks can be verified (a webhook secret is set).</summary>
    public bool CanVerifyWebhooks => !string.IsNullOrWhiteSpace(_options.WebhookSecret);

    /// <summary>The Stripe API version this build speaks; webhook endpoints should be pinned to it.</summary>
    public static string ApiVersion => StripeConfiguration.ApiVersion;

    /// <summary>
    /// Creates a PaymentIntent (automatic payment methods) with <c>invoiceId</c>/<c>orderId</c> metadata.
    /// A replay with the same idempotency key returns the first intent, as Stripe guarantees.
    /// </summary>
    /// <exception cref="InvalidOperationException">Stripe is not configured.</exception>
    /// <exception cref="PaymentProviderException">Stripe refused (e.g. 402 card_declined) or failed.</exception>
    public async Task<PaymentIntentInfo> CreatePaymentIntentAsync(PaymentIntentRequest request, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.AmountCents);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.IdempotencyKey);
        var options = new PaymentIntentCreateOptions
        {
            Amount = request.AmountCents,
            Currency = request.Currency.ToLowerInvariant(),
            Description = request.Description,
            Metadata = new Dictionary<string, string> { ["invoiceId"] = request.InvoiceId, ["orderId"] = request.OrderId },
            AutomaticPaymentMethods = new PaymentIntentAutomaticPaymentMethodsOptions { Enabled = true },
        };
        var intent = await CallAsync(
            "create a payment intent",
            client => client.V1.PaymentIntents.CreateAsync(options, new RequestOptions { IdempotencyKey = request.IdempotencyKey }, cancellationToken),
            cancellationToken);
        return ToInfo(intent);
    }

    /// <summary>Reads a PaymentIntent (e.g. to reconcile after a lost webhook).</summary>
    /// <exception cref="PaymentProviderException">Stripe refused (404 for an unknown id) or failed.</exception>
    public async Task<PaymentIntentInfo> GetPaymentIntentAsync(string id, CancellationToken cancellationToken)
    {
        var intent = await CallAsync(
            "read a payment intent",
            client => client.V1.PaymentIntents.GetAsync(id, null, null, cancellationToken),
            cancellationToken);
        return ToInfo(intent);
    }

    /// <summary>
    /// Verifies a webhook's <c>Stripe-Signature</c> against the raw body and returns the event. The checks,
    /// in order: a secret is configured, the header has <c>t=</c> and <c>v1=</c>, a v1 signature matches
    /// (HMAC-SHA256 of <c>"t.payload"</c>), the timestamp is within the tolerance, the body is a Stripe event
    /// of this build's API version.
    /// </summary>
    /// <param name="payload">The request body exactly as received (not re-serialised).</param>
    /// <param name="signatureHeader">The <c>Stripe-Signature</c> header.</param>
    /// <exception cref="StripeWebhookException">Refused; <see cref="StripeWebhookException.Reason"/> says why.</exception>
    public Event ParseWebhook(string payload, string? signatureHeader)
    {
        var secret = _options.WebhookSecret;
        if (string.IsNullOrWhiteSpace(secret))
        {
            throw new StripeWebhookException(StripeWebhookFailure.NotConfigured, "Stripe:WebhookSecret is not set; webhooks cannot be verified");
        }

        var timestamp = SignedTimestamp(signatureHeader);
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        try
        {
            // Signature first, with an unlimited tolerance, so a forged header is never reported as merely old.
            EventUtility.ValidateSignature(payload, signatureHeader, secret, tolerance: 100L * 365 * 24 * 3600, utcNow: now);
        }
        catch (StripeException ex)
        {
            throw new StripeWebhookException(StripeWebhookFailure.BadSignature, "Stripe-Signature does not match the payload (forged, tampered or signed with another secret)", ex);
        }

        if (Math.Abs(now - timestamp) > _options.WebhookToleranceSeconds)
        {
            throw new StripeWebhookException(
                StripeWebhookFailure.TooOld,
                $"Stripe-Signature timestamp {timestamp} is {now - timestamp} s from now, outside the {_options.WebhookToleranceSeconds} s tolerance (a replay?)");
        }

        CheckEventShape(payload);
        try
        {
            return EventUtility.ParseEvent(payload, throwOnApiVersionMismatch: false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new StripeWebhookException(StripeWebhookFailure.Malformed, $"The webhook body is not a readable Stripe event: {ex.Message}", ex);
        }
    }

    private static long SignedTimestamp(string? header)
    {
        var parts = (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToList();
        var t = parts.FirstOrDefault(p => p[0] == "t")?[1];
        if (t is null || !parts.Any(p => p[0] == "v1") || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            throw new StripeWebhookException(StripeWebhookFailure.MissingSignature, "The Stripe-Signature header is missing or has no t= timestamp and v1= signature");
        }

        return timestamp;
    }

    private void CheckEventShape(string payload)
    {
        string? objectType;
        string? apiVersion;
        try
        {
            using var json = JsonDocument.Parse(payload);
            var root = json.RootElement;
            objectType = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("object", out var o) ? o.GetString() : null;
            apiVersion = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("api_version", out var v) ? v.GetString() : null;
        }
        catch (JsonException ex)
        {
            throw new StripeWebhookException(StripeWebhookFailure.Malformed, $"The webhook body is not JSON: {ex.Message}", ex);
        }

        if (objectType != "event")
        {
            throw new StripeWebhookException(StripeWebhookFailure.Malformed, $"The webhook body is not a Stripe event (object is '{objectType}')");
        }

        if (!_options.AllowApiVersionMismatch && apiVersion != StripeConfiguration.ApiVersion)
        {
            throw new StripeWebhookException(
                StripeWebhookFailure.ApiVersionMismatch,
                $"The event's api_version '{apiVersion}' is not '{StripeConfiguration.ApiVersion}'; pin the webhook endpoint to that version (or set Stripe:AllowApiVersionMismatch)");
        }
    }

    private async Task<T> CallAsync<T>(string what, Func<StripeClient, Task<T>> call, CancellationToken cancellationToken)
    {
        if (!IsConfigured)
        {
            throw new InvalidOperationException("Stripe is not configured (Stripe:SecretKey is unset); payments are confirmed manually");
        }

        try
        {
            return await call(Client());
        }
        catch (StripeException ex)
        {
            var status = (int)ex.HttpStatusCode;
            var code = ex.StripeError?.Code ?? ex.StripeError?.Type;
            var transient = status is 0 or 409 or 429 or >= 500;
            throw new PaymentProviderException(
                $"Stripe could not {what}: HTTP {status} {code} ({ex.StripeError?.Message ?? ex.Message})",
                status == 0 ? null : status,
                code,
                transient,
                ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PaymentProviderException($"Stripe could not {what}: no answer in time", null, null, isTransient: true, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new PaymentProviderException($"Stripe could not {what}: {ex.Message}", null, null, isTransient: true, ex);
        }
    }

    // A client per call, on an HttpClient fresh from the factory: the factory then rotates handlers (DNS
    // changes are seen), and StripeClient itself is only a light wrapper.
    private StripeClient Client()
    {
        var options = new StripeClientOptions
        {
            ApiKey = _options.SecretKey,
            HttpClient = new SystemNetHttpClient(_httpClients.CreateClient(StripeOptions.HttpClientName), 0, null, false),
        };
        if (!string.IsNullOrWhiteSpace(_options.ApiBase))
        {
            options.ApiBase = _options.ApiBase.TrimEnd('/');
        }

        return new StripeClient(options);
    }

    private static PaymentIntentInfo ToInfo(PaymentIntent intent) => new(
        intent.Id,
        intent.ClientSecret,
        intent.Status,
        intent.Amount,
        intent.Currency,
        intent.Metadata is null ? new Dictionary<string, string>() : new Dictionary<string, string>(intent.Metadata));
}
