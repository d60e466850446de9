using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Engine.Activities.BuiltIn;

namespace Sleek.Workflows.Engine.Outbound;

/// <summary>Registers what the <see cref="HttpRequest"/> activity calls out with.</summary>
public static class OutboundHttpServiceCollectionExtensions
{
    /// <summary>
    /// The policy (checked now: a malformed entry stops start-up), the connector and the activity's named client:
    /// connections only through <see cref="OutboundConnector"/>, and no client timeout of its own (the activity applies
    /// its timeoutSeconds, up to 300 s; HttpClient's default 100 s would cut it short).
    /// </summary>
    /// <exception cref="InvalidOperationException">An option is malformed; the message names it.</exception>
    public static IServiceCollection AddSleekOutboundHttp(this IServiceCollection services, OutboundHttpOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(new OutboundPolicy(options));
        services.AddSingleton<OutboundConnector>();
        services.AddHttpClient(HttpRequest.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<OutboundConnector>().CreateHandler());
        return services;
    }
}
