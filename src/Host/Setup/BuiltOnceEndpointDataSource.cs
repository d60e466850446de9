using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Sleek.Workflows.Host.Setup;

/// <summary>
/// Builds the endpoints of a data source once. A minimal-API data source builds every endpoint's request delegate
/// anew each time its <see cref="Endpoints"/> are read, and two readers do at start-up: the authorization middleware's
/// cache (when the pipeline is built) and the routing matcher (on the first request, so <c>/health</c> paid for a
/// second build). Both read through this wrapper and get the same endpoints. A data source that can change (its change
/// token is not <see cref="NullChangeToken"/>) is read through as before.
/// </summary>
internal sealed class BuiltOnceEndpointDataSource(EndpointDataSource inner) : EndpointDataSource
{
    private readonly Lazy<IReadOnlyList<Endpoint>> _endpoints = new(() => inner.Endpoints, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Wraps each data source of the app that never changes (those of MapGet, MapGroup and the like).</summary>
    public static void Apply(IEndpointRouteBuilder app)
    {
        var sources = app.DataSources.ToList();
        app.DataSources.Clear();
        foreach (var source in sources)
        {
            app.DataSources.Add(source.GetChangeToken() is NullChangeToken ? new BuiltOnceEndpointDataSource(source) : source);
        }
    }

    public override IReadOnlyList<Endpoint> Endpoints => _endpoints.Value;

    public override IChangeToken GetChangeToken() => inner.GetChangeToken();

    public override IReadOnlyList<Endpoint> GetGroupedEndpoints(RouteGroupContext context) => inner.GetGroupedEndpoints(context);
}
