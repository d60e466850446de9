using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Marketplace.Payments;
using Sleek.Workflows.TestSupport.Fakes;

namespace Sleek.Workflows.Marketplace.Tests.Payments;

/// <summary>A <see cref="StripePayments"/> wired as the host will wire it (IHttpClientFactory), pointed at a fake.</summary>
internal static class StripeBorder
{
    public static StripePayments For(FakeStripeServer? fake, string? secretKey = FakeStripeServer.SecretKey, string? webhookSecret = FakeStripeServer.WebhookSecret, TimeProvider? time = null)
    {
        var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        return new StripePayments(
            new StripeOptions { SecretKey = secretKey, WebhookSecret = webhookSecret, ApiBase = fake?.BaseUrl },
            services.GetRequiredService<IHttpClientFactory>(),
            time);
    }
}
