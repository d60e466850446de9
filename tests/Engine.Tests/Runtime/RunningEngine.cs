using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Tests.Runtime;

/// <summary>
/// The whole engine as a host runs it, without the host: <c>AddSleekEngine</c> on a test database, its background
/// workers started, definitions published. For scenarios that need the durable runtime (bursts committed, work
/// queued and claimed) rather than the interpreter alone.
/// </summary>
internal sealed class RunningEngine : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _started = [];

    private RunningEngine(ServiceProvider services)
    {
        _services = services;
    }

    public WorkflowRuntime Runtime => _services.GetRequiredService<WorkflowRuntime>();

    public InstanceQueries Queries => _services.GetRequiredService<InstanceQueries>();

    public EngineDb Db => _services.GetRequiredService<EngineDb>();

    /// <summary>Starts an engine on <paramref name="database"/> (already migrated) with these definitions published.</summary>
    public static async Task<RunningEngine> StartAsync(DatabaseOptions database, Action<EngineOptions> configure, params JsonObject[] definitions)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSleekEngine(o =>
            {
                o.Database.PostgresConnectionString = database.PostgresConnectionString;
                o.Database.SqlitePath = database.SqlitePath;
                o.Runtime.Workers = 2;
                configure(o);
            })
            .BuildServiceProvider();
        var engine = new RunningEngine(services);
        foreach (var definition in definitions)
        {
            var published = await services.GetRequiredService<DefinitionStore>().PublishAsync(definition, "test", CancellationToken.None);
            Assert.True(published.Status == OperationStatus.Created, published.Message);
        }

        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
            engine._started.Add(hosted);
        }

        return engine;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in Enumerable.Reverse(_started))
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
    }
}
