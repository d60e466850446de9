using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Sleek.Workflows.TestSupport.Fakes;

/// <summary>
/// Stripe's payment intents API faked at HTTP on a real Kestrel port: <c>POST /v1/payment_intents</c>
/// (form body) and <c>GET /v1/payment_intents/{id}</c>, answering with objects in the shape Stripe
/// returns. Like Stripe, a replayed <c>Idempotency-Key</c> gets the first answer again (with
/// <c>Idempotent-Replayed: true</c>) and the same key with other parameters gets a 400
/// <c>idempotency_error</c>. <see cref="Mode"/> switches to a 402 card decline or a 500. Also builds
/// signed webhooks for <see cref="WebhookSecret"/>.
/// </summary>
public sealed class FakeStripeServer : IAsyncDisposable
{
    public const string WebhookSecret = "whsec_test_fake_0123456789abcdef";
    public const string SecretKey = "sk_test_fake_51Sleek";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<StripeRequest> _requests = new();
    private readonly ConcurrentDictionary<string, JsonObject> _intents = new();
    private readonly ConcurrentDictionary<string, (string Fingerprint, string Body)> _idempotent = new();
    private readonly Lock _createLock = new();

    private FakeStripeServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The base to give Stripe.net as <c>ApiBase</c>, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; }

    public StripeFakeMode Mode { get; set; } = StripeFakeMode.Normal;

    public IReadOnlyList<StripeRequest> Requests => [.. _requests];

    public IReadOnlyCollection<JsonObject> Intents => [.. _intents.Values];

    public static async Task<FakeStripeServer> StartAsync()
    {
        FakeStripeServer? fake = null;
        var (app, baseUrl) = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/v1/payment_intents", (Func<HttpContext, Task<IResult>>)(http => fake!.CreateAsync(http)));
            app.MapGet("/v1/payment_intents/{id}", (HttpContext http, string id) => fake!.Get(http, id));
        });
        fake = new FakeStripeServer(app, baseUrl);
        return fake;
    }

    /// <summary>Marks an intent paid, as after the buyer confirmed it with Stripe.js.</summary>
    public JsonObject Succeed(string intentId)
    {
        var intent = _intents[intentId];
        intent["status"] = "succeeded";
        intent["amount_received"] = intent["amount"]!.GetValue<long>();
        intent["latest_charge"] = "ch_" + RandomId(24);
        intent["payment_method"] = "pm_" + RandomId(24);
        return intent;
    }

    /// <summary>
    /// A <c>payment_intent.succeeded</c> event around the intent, with <c>api_version</c> equal to
    /// <see cref="Stripe.StripeConfiguration.ApiVersion"/> (Stripe.net refuses others).
    /// </summary>
    public static string PaymentIntentSucceededEvent(JsonObject intent, DateTimeOffset? created = null) => new JsonObject
    {
        ["id"] = "evt_" + RandomId(24),
        ["object"] = "event",
        ["api_version"] = Stripe.StripeConfiguration.ApiVersion,
        ["created"] = (created ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds(),
        ["data"] = new JsonObject { ["object"] = intent.DeepClone() },
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["request"] = new JsonObject { ["id"] = "req_" + RandomId(14), ["idempotency_key"] = Guid.NewGuid().ToString() },
        ["type"] = "payment_intent.succeeded",
    }.ToJsonString();

    /// <summary>The event signed now with <see cref="WebhookSecret"/>: <c>t=&lt;ts&gt;,v1=&lt;HMAC-SHA256 hex&gt;</c>.</summary>
    public static StripeWebhook SignedWebhook(string eventJson, DateTimeOffset? signedAt = null, string secret = WebhookSecret)
    {
        var timestamp = (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{eventJson}")));
        return new StripeWebhook(eventJson, $"t={timestamp},v1={signature}");
    }

    /// <summary>The event signed with a secret that is not ours (an attacker's guess).</summary>
    public static StripeWebhook ForgedWebhook(string eventJson) => SignedWebhook(eventJson, secret: "whsec_attacker_guess");

    /// <summary>The event correctly signed 10 minutes ago: outside Stripe's 5-minute tolerance (a replay).</summary>
    public static StripeWebhook OldWebhook(string eventJson) => SignedWebhook(eventJson, DateTimeOffset.UtcNow.AddMinutes(-10));

    public ValueTask DisposeAsync() => new(LoopbackServer.StopAsync(_app));

    private async Task<IResult> CreateAsync(HttpContext http)
    {
        var form = (await http.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        var key = http.Request.Headers["Idempotency-Key"].FirstOrDefault();
        Record(http, form);

        switch (Mode)
        {
            case StripeFakeMode.CardDeclined:
                return Error(402, new JsonObject
                {
                    ["code"] = "card_declined",
                    ["decline_code"] = "generic_decline",
                    ["doc_url"] = "https://stripe.com/docs/error-codes/card-declined",
                    ["message"] = "Your card was declined.",
                    ["type"] = "card_error",
                });
            case StripeFakeMode.ServerError:
                return Error(500, new JsonObject { ["message"] = "An unknown error occurred", ["type"] = "api_error" });
        }

        if (!form.TryGetValue("amount", out var amountText) || !long.TryParse(amountText, CultureInfo.InvariantCulture, out var amount) || !form.TryGetValue("currency", out var currency))
        {
            return Error(400, new JsonObject { ["code"] = "parameter_missing", ["message"] = "Missing required param: amount or currency.", ["type"] = "invalid_request_error" });
        }

        var fingerprint = string.Join('&', form.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));
        lock (_createLock)
        {
            if (key is not null && _idempotent.TryGetValue(key, out var earlier))
            {
                if (earlier.Fingerprint != fingerprint)
                {
                    return Error(400, new JsonObject
                    {
                        ["message"] = $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request.",
                        ["type"] = "idempotency_error",
                    });
                }

                http.Response.Headers["Idempotent-Replayed"] = "true";
                return Results.Content(earlier.Body, "application/json");
            }

            var intent = NewIntent(amount, currency, form);
            _intents[intent["id"]!.GetValue<string>()] = intent;
            var body = intent.ToJsonString();
            if (key is not null)
            {
                _idempotent[key] = (fingerprint, body);
            }

            return Results.Content(body, "application/json");
        }
    }

    private IResult Get(HttpContext http, string id)
    {
        Record(http, new Dictionary<string, string>());
        return _intents.TryGetValue(id, out var intent)
            ? Results.Content(intent.ToJsonString(), "application/json")
            : Error(404, new JsonObject
            {
                ["code"] = "resource_missing",
                ["message"] = $"No such payment_intent: '{id}'",
                ["param"] = "intent",
                ["type"] = "invalid_request_error",
            });
    }

    private void Record(HttpContext http, Dictionary<string, string> form) => _requests.Enqueue(new StripeRequest(
        http.Request.Method,
        http.Request.Path.Value ?? "",
        http.Request.Headers["Idempotency-Key"].FirstOrDefault(),
        http.Request.Headers.Authorization.FirstOrDefault(),
        http.Request.Headers["Stripe-Version"].FirstOrDefault(),
        form));

    private static JsonObject NewIntent(long amount, string currency, Dictionary<string, string> form)
    {
        var id = "pi_3" + RandomId(23);
        var metadata = new JsonObject();
        foreach (var (name, value) in form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal)))
        {
            metadata[name["metadata[".Length..^1]] = value;
        }

        var automatic = form.GetValueOrDefault("automatic_payment_methods[enabled]") == "true";
        return new JsonObject
        {
            ["id"] = id,
            ["object"] = "payment_intent",
            ["amount"] = amount,
            ["amount_capturable"] = 0,
            ["amount_details"] = new JsonObject { ["tip"] = new JsonObject() },
            ["amount_received"] = 0,
            ["application"] = null,
            ["application_fee_amount"] = null,
            ["automatic_payment_methods"] = automatic ? new JsonObject { ["allow_redirects"] = "always", ["enabled"] = true } : null,
            ["canceled_at"] = null,
            ["cancellation_reason"] = null,
            ["capture_method"] = "automatic_async",
            ["client_secret"] = $"{id}_secret_{RandomId(25)}",
            ["confirmation_method"] = "automatic",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["currency"] = currency,
            ["customer"] = null,
            ["description"] = form.GetValueOrDefault("description"),
            ["last_payment_error"] = null,
            ["latest_charge"] = null,
            ["livemode"] = false,
            ["metadata"] = metadata,
            ["next_action"] = null,
            ["on_behalf_of"] = null,
            ["payment_method"] = null,
            ["payment_method_options"] = new JsonObject
            {
                ["card"] = new JsonObject { ["installments"] = null, ["mandate_options"] = null, ["network"] = null, ["request_three_d_secure"] = "automatic" },
            },
            ["payment_method_types"] = new JsonArray("card"),
            ["processing"] = null,
            ["receipt_email"] = null,
            ["review"] = null,
            ["setup_future_usage"] = null,
            ["shipping"] = null,
            ["source"] = null,
            ["statement_descriptor"] = null,
            ["statement_descriptor_suffix"] = null,
            ["status"] = "requires_payment_method",
            ["transfer_data"] = null,
            ["transfer_group"] = null,
        };
    }

    private static IResult Error(int status, JsonObject error)
    {
        error["request_log_url"] = "https://dashboard.stripe.com/test/logs/req_" + RandomId(14);
        return Results.Content(new JsonObject { ["error"] = error }.ToJsonString(), "application/json", Encoding.UTF8, status);
    }

    private static string RandomId(int length) =>
        RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", length);
}
