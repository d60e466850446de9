using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sleek.Workflows.Marketplace.Analytics;

namespace Sleek.Workflows.Marketplace.Payments;

/// <summary>Registers payments (the Stripe border, the webhook handler) and the analytics queries.</summary>
public static class PaymentsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="StripePayments"/> for these options (no secret key: payments are confirmed manually),
    /// its named HttpClient, <see cref="StripeWebhookHandler"/> and <see cref="MarketplaceAnalytics"/>.
    /// </summary>
    public static IServiceCollection AddSleekPayments(this IServiceCollection services, StripeOptions options)
    {
        services.AddSingleton(options);
        // Stripe.net's own timeout (80 s) applies; the factory's 100 s default must not cut it first.
        services.AddHttpClient(StripeOptions.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(90));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new StripePayments(
            sp.GetRequiredService<StripeOptions>(),
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<StripeWebhookHandler>();
        services.AddSingleton<MarketplaceAnalytics>();
        return services;
    }
}
