using Microsoft.Extensions.DependencyInjection;

namespace Sleek.Workflows.Host.Tests.Infrastructure;

/// <summary>
/// Base of the scenario classes: gives each test hosts and workflows folders on the class's database
/// and disposes them after the test. A scenario is written once and run per provider by a tiny subclass at the
/// end of its file.
/// </summary>
public abstract class HostScenario(TestDatabase database) : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _hosts = [];
    private readonly List<IDisposable> _folders = [];

    protected TestDatabase Database => database;

    /// <summary>A new, empty workflows folder removed after the test.</summary>
    protected WorkflowsFolder NewFolder()
    {
        var folder = new WorkflowsFolder();
        _folders.Add(folder);
        return folder;
    }

    /// <summary>A host on the class's database; not started until first used.</summary>
    protected SleekHost NewHost(WorkflowsFolder folder, TimeProvider? clock = null, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var host = new SleekHost(database, folder, clock, services, settings);
        _hosts.Add(host);
        return host;
    }

    /// <summary>Starts a host and returns its API.</summary>
    protected SleekApi StartHost(WorkflowsFolder folder, TimeProvider? clock = null, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string>? settings = null) =>
        new(NewHost(folder, clock, services, settings).CreateClient());

    /// <summary>Stops a host as a shutdown would (the database stays).</summary>
    protected async Task StopAsync(SleekHost host)
    {
        _hosts.Remove(host);
        await host.DisposeAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        foreach (var folder in _folders)
        {
            folder.Dispose();
        }
    }
}
