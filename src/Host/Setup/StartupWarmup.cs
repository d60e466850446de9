using Sleek.Workflows.Host.Persistence;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Host.Setup;

/// <summary>
/// Start-up work that needs no database, begun on threads of its own before <see cref="EngineInitializer"/> so it overlaps
/// with the migrations instead of following them: building the endpoints' request delegates (the authorization
/// middleware asks for every endpoint when the pipeline is built, about a fifth of a restart) and the marketplace's and
/// security's EF models (built on their first context otherwise, in turn, after the engine's). Whoever needs one of these
/// first waits for it (the endpoint list and EF's model cache are built once, under a lock), so nothing is served early:
/// Kestrel starts after every start-up service, as before.
/// </summary>
internal sealed class StartupWarmup(IServiceProvider services, ILogger<StartupWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Warm("endpoints", () => _ = services.GetRequiredService<EndpointDataSource>().Endpoints);
        Warm("marketplace model", () =>
        {
            using var db = services.GetRequiredService<MarketplaceDb>().CreateContext();
            _ = db.Model;
        });
        Warm("security model", () =>
        {
            using var db = services.GetRequiredService<SecurityDb>().CreateContext();
            _ = db.Model;
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // A failure here is only lost time: the same work runs again, and fails visibly, where it is needed.
    // A thread of its own (LongRunning), not a pool thread: start-up's own continuations must not queue behind it.
    private void Warm(string what, Action work) => _ = Task.Factory.StartNew(() =>
    {
        try
        {
            work();
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Start-up warm-up of the {What} failed; it is done again on first use", what);
        }
    }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
