using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sleek.Workflows.TestSupport.Fakes;

namespace Sleek.Workflows.Designer.Tests.Infrastructure;

/// <summary>
/// Class fixture for the buyer portal: a host process on a database of its own with the repository's workflows, its
/// e-mails going to an in-process SMTP server, Stripe faked at its HTTP edge, and links on <see cref="PublicUrl"/>
/// (a name that is not the host's address, so a test proves the links come from configuration).
/// </summary>
public sealed class PortalHost : IAsyncLifetime
{
    public const string PublicUrl = "https://portal.sleek.test";

    /// <summary>An ops user (made by the bootstrap admin) for the ops lists; the buyer's test never uses it.</summary>
    public const string OpsEmail = "ops.user@portal.test";

    public const string OpsPassword = "portal-ops-Passw0rd!";

    private readonly string _bootstrapToken = Guid.NewGuid().ToString("N");

    private PostgresDatabase? _database;
    private HostProcess? _host;

    public HostProcess Host => _host ?? throw new InvalidOperationException("not started");

    public Uri BaseAddress => Host.BaseAddress;

    public SmtpCapture Smtp { get; private set; } = null!;

    public FakeStripeServer Stripe { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        RepositoryPaths.RequireBuiltDesigner();
        Smtp = await SmtpCapture.StartAsync();
        Stripe = await FakeStripeServer.StartAsync();
        _database = new PostgresDatabase();
        await _database.InitializeAsync();
        _host = await HostProcess.StartAsync("portal", new Dictionary<string, string?>
        {
            ["ConnectionStrings__Sleek"] = _database.ConnectionString,
            ["Sleek__Workers"] = "2",
            ["Sleek__WorkflowsDirectory"] = Path.Combine(SourceTree.Root, "workflows"),
            ["Sleek__RulesDirectory"] = Path.Combine(SourceTree.Root, "rules"),
            ["Marketplace__PublicUrl"] = PublicUrl,
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp__Security"] = "None",
            ["Email__PollIntervalSeconds"] = "0.1",
            ["Stripe__SecretKey"] = FakeStripeServer.SecretKey,
            ["Stripe__WebhookSecret"] = FakeStripeServer.WebhookSecret,
            ["Stripe__ApiBase"] = Stripe.BaseUrl,
            ["Stripe__PublishableKey"] = "pk_test_fake_51Sleek",
            ["Auth__BootstrapToken"] = _bootstrapToken,
        }, readyTimeout: TimeSpan.FromSeconds(120));

        using var admin = await _host.Client.PostAsJsonAsync(new Uri("/api/auth/bootstrap-admin", UriKind.Relative), new { token = _bootstrapToken, email = "admin@portal.test", password = OpsPassword });
        var token = JsonNode.Parse(await admin.Content.ReadAsStringAsync())?["accessToken"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"bootstrap-admin: {(int)admin.StatusCode}");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/users", UriKind.Relative)) { Content = JsonContent.Create(new { email = OpsEmail, password = OpsPassword, role = "ops" }) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var ops = await _host.Client.SendAsync(request);
        if (!ops.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"creating the ops user: {(int)ops.StatusCode} {await ops.Content.ReadAsStringAsync()}");
        }
    }

    public async Task DisposeAsync()
    {
        _host?.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        await Stripe.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
