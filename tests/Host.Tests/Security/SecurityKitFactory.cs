using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>A host that is only started on demand, for tests of start-up refusals.</summary>
public sealed class SecurityKitFactory(TestDatabase database, IReadOnlyDictionary<string, string> settings) : IAsyncDisposable
{
    private readonly WorkflowsFolder _folder = new();
    private SleekHost? _host;

    /// <summary>Starts the host (throws what start-up throws).</summary>
    public void Start()
    {
        _host = new SleekHost(database, _folder, settings: settings);
        _host.CreateAnonymousClient().Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _folder.Dispose();
    }
}
