namespace Sleek.Workflows.Marketplace.Payments;

/// <summary>Stripe settings (configuration section <c>Stripe</c>; environment <c>Stripe__SecretKey</c> etc.).</summary>
public sealed class StripeOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Stripe";

    /// <summary>The named HttpClient (IHttpClientFactory) Stripe calls go through.</summary>
    public const string HttpClientName = "Stripe";

    /// <summary>The secret API key (<c>sk_...</c>); unset means payments are confirmed manually by ops.</summary>
    public string? SecretKey { get; set; }

    /// <summary>The webhook endpoint's signing secret (<c>whsec_...</c>); unset means webhooks are refused.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The publishable key (pk_…) the pay page gives Stripe.js; public by design.</summary>
    public string? PublishableKey { get; set; }

    /// <summary>The API base URL; unset means Stripe's own (<c>https://api.stripe.com</c>). Tests point it at a fake.</summary>
    public string? ApiBase { get; set; }

    /// <summary>How old a webhook's signed timestamp may be (seconds), against replays. Stripe's default is 300.</summary>
    public int WebhookToleranceSeconds { get; set; } = 300;

    /// <summary>
    /// Accept webhook events whose <c>api_version</c> differs from the one this Stripe.net build speaks.
    /// Off by default: pin the webhook endpoint's API version instead, so fields mean what the code expects.
    /// </summary>
    public bool AllowApiVersionMismatch { get; set; }

    /// <summary>Whether payment intents can be created.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey);
}
