namespace Sleek.Workflows.Designer.Tests.Infrastructure;

/// <summary>
/// Class fixture: a fresh database and a host process on it started the way a newcomer does, with no Auth__*
/// setting at all, so it prints a one-time setup link; the repository's workflows, so quotes can be asked for.
/// </summary>
public sealed class FirstRunHost : IAsyncLifetime
{
    private PostgresDatabase? _database;
    private HostProcess? _host;

    public HostProcess Host => _host ?? throw new InvalidOperationException("not started");

    public Uri BaseAddress => Host.BaseAddress;

    public async Task InitializeAsync()
    {
        RepositoryPaths.RequireBuiltDesigner();
        _database = new PostgresDatabase();
        await _database.InitializeAsync();
        _host = await HostProcess.StartAsync("first-run", new Dictionary<string, string?>
        {
            ["ConnectionStrings__Sleek"] = _database.ConnectionString,
            ["Sleek__Workers"] = "2",
            ["Sleek__WorkflowsDirectory"] = Path.Combine(SourceTree.Root, "workflows"),
            ["Sleek__RulesDirectory"] = Path.Combine(SourceTree.Root, "rules"),
        }, readyTimeout: TimeSpan.FromSeconds(120));
    }

    public async Task DisposeAsync()
    {
        _host?.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
