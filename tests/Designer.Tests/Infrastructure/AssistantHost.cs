using Sleek.Workflows.TestSupport.Fakes;

namespace Sleek.Workflows.Designer.Tests.Infrastructure;

/// <summary>
/// Class fixture for the quote assistant: a host process on a database of its own with the repository's workflows, and
/// its AI endpoint on a <see cref="ScriptedOpenAiServer"/> that the test gives the model's replies.
/// </summary>
public sealed class AssistantHost : IAsyncLifetime
{
    private PostgresDatabase? _database;
    private HostProcess? _host;

    public HostProcess Host => _host ?? throw new InvalidOperationException("not started");

    public Uri BaseAddress => Host.BaseAddress;

    public ScriptedOpenAiServer Ai { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        RepositoryPaths.RequireBuiltDesigner();
        Ai = await ScriptedOpenAiServer.StartAsync();
        _database = new PostgresDatabase();
        await _database.InitializeAsync();
        _host = await HostProcess.StartAsync("assistant", new Dictionary<string, string?>
        {
            ["ConnectionStrings__Sleek"] = _database.ConnectionString,
            ["Sleek__Workers"] = "2",
            ["Sleek__WorkflowsDirectory"] = Path.Combine(SourceTree.Root, "workflows"),
            ["Sleek__RulesDirectory"] = Path.Combine(SourceTree.Root, "rules"),
            ["Ai__Endpoint"] = Ai.BaseUrl + "/v1",
            ["Ai__ApiKey"] = "sk-test",
            ["Ai__Assistant__RetryDelaySeconds"] = "0.01",
            ["Auth__BootstrapToken"] = Guid.NewGuid().ToString("N"),
        }, readyTimeout: TimeSpan.FromSeconds(120));
    }

    public async Task DisposeAsync()
    {
        _host?.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        await Ai.DisposeAsync();
    }
}
