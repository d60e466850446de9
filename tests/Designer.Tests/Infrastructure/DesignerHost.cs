namespace Sleek.Workflows.Designer.Tests.Infrastructure;

/// <summary>Class fixture: a database of its own and a host process on it, serving the designer.</summary>
public sealed class DesignerHost : IAsyncLifetime
{
    private PostgresDatabase? _database;
    private HostProcess? _host;

    public HostProcess Host => _host ?? throw new InvalidOperationException("not started");

    public Uri BaseAddress => Host.BaseAddress;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        _host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Sleek"] = _database.ConnectionString,
            ["Sleek__Workers"] = "2",
            // The repository's rule sets, so the rules screen has something to edit.
            ["Sleek__RulesDirectory"] = Path.Combine(RepositoryPaths.Root(), "rules"),
        });
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
