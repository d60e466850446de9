using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Sleek.Workflows.Designer.Tests.Infrastructure;

/// <summary>
/// Class fixture: a database of its own and a host process on it, serving the designer, with a first admin
/// created through the bootstrap endpoint. <see cref="HostProcess.Client"/> carries that admin's token (unless
/// the admin must first enrol in two-factor sign-in). Subclasses configure the host further (<see cref="Settings"/>).
/// </summary>
public class DesignerHost : IAsyncLifetime
{
    private readonly string _bootstrapToken = Guid.NewGuid().ToString("N");
    private PostgresDatabase? _database;
    private HostProcess? _host;

    public HostProcess Host => _host ?? throw new InvalidOperationException("not started");

    public Uri BaseAddress => Host.BaseAddress;

    /// <summary>The host's database, for a test's own setup (e.g. a supplier that does not auto-accept).</summary>
    public string ConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("not started");

    /// <summary>The admin the browser signs in as.</summary>
    public string AdminEmail => "ops.admin@designer.test";

    public string AdminPassword => "designer-tests-Passw0rd!";

    /// <summary>More environment for the host, e.g. <c>Auth__AccessTokenMinutes</c>.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>Starts what the host talks to (fakes at external borders) before <see cref="Settings"/> is read.</summary>
    protected virtual Task StartBordersAsync() => Task.CompletedTask;

    /// <summary>Stops what <see cref="StartBordersAsync"/> started, after the host.</summary>
    protected virtual ValueTask StopBordersAsync() => ValueTask.CompletedTask;

    public async Task InitializeAsync()
    {
        RepositoryPaths.RequireBuiltDesigner();
        await StartBordersAsync();
        _database = new PostgresDatabase();
        await _database.InitializeAsync();
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Sleek"] = _database.ConnectionString,
            ["Sleek__Workers"] = "2",
            // The repository's rule sets, so the rules screen has something to edit.
            ["Sleek__RulesDirectory"] = Path.Combine(SourceTree.Root, "rules"),
            ["Auth__BootstrapToken"] = _bootstrapToken,
        };
        foreach (var (key, value) in Settings)
        {
            environment[key] = value;
        }

        _host = await HostProcess.StartAsync("designer", environment, readyTimeout: TimeSpan.FromSeconds(120));

        using var response = await _host.Client.PostAsJsonAsync(new Uri("/api/auth/bootstrap-admin", UriKind.Relative), new { token = _bootstrapToken, email = AdminEmail, password = AdminPassword });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"bootstrap-admin: {(int)response.StatusCode} {body}");
        }

        // No token when the admin must enrol in two-factor sign-in first (Auth__RequireTwoFactorForStaff).
        if (JsonNode.Parse(body)!["accessToken"]?.GetValue<string>() is { } token)
        {
            _host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public async Task DisposeAsync()
    {
        _host?.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        await StopBordersAsync();
    }
}
