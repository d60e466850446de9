using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>
/// One host for a security test: the admin client the infrastructure signs in, and helpers that make
/// callers of every kind the real way (admin creates users, they sign in; admin creates API keys).
/// </summary>
public sealed class SecurityKit : IAsyncDisposable
{
    public const string Password = "correct-horse-battery-staple";

    private readonly WorkflowsFolder _folder;
    private readonly Lazy<HttpClient> _admin;
    private int _users;

    public SecurityKit(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null, Action<WorkflowsFolder>? workflows = null, Action<IServiceCollection>? services = null)
    {
        _folder = new WorkflowsFolder();
        workflows?.Invoke(_folder);
        Host = new SleekHost(database, _folder, services: services, settings: settings);
        _admin = new Lazy<HttpClient>(Host.CreateClient);
    }

    public SleekHost Host { get; }

    /// <summary>Signed in as the database's admin.</summary>
    public HttpClient Admin => _admin.Value;

    public T Service<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>A client without credentials, optionally from a given IP (<see cref="TestClientIp"/>).</summary>
    public HttpClient Anonymous(string? ip = null)
    {
        var client = Host.CreateAnonymousClient();
        if (ip is not null)
        {
            client.DefaultRequestHeaders.Add(TestClientIp.Header, ip);
        }

        return client;
    }

    /// <summary>A new user of <paramref name="role"/> (buyers register themselves unless <paramref name="byAdmin"/>; others are made by the admin), signed in.</summary>
    public async Task<(HttpClient Client, string UserId, string Email)> UserAsync(string role, string? partyId = null, bool byAdmin = false)
    {
        var email = $"{role.Replace('_', '-')}-{Interlocked.Increment(ref _users)}-{Guid.NewGuid():N}@example.com";
        HttpResponseMessage created;
        if (role == "buyer" && !byAdmin)
        {
            created = await Anonymous($"10.9.{_users % 250}.1").PostAsJsonAsync("/api/auth/register", new { email, password = Password, role });
        }
        else
        {
            created = await Admin.PostAsJsonAsync("/api/users", new { email, password = Password, role, partyId });
        }

        var user = await SleekApi.ExpectAsync(created, HttpStatusCode.Created);
        var client = Anonymous();
        client.As(await TestAuth.LoginAsync(client, email, Password));
        return (client, user["id"]!.GetValue<string>(), email);
    }

    /// <summary>A new API key with these scopes (optionally bound to a party); returns the key.</summary>
    public async Task<(string Key, string Id)> ApiKeyAsync(string[] scopes, string? partyRole = null, string? partyId = null)
    {
        using var response = await Admin.PostAsJsonAsync("/api/api-keys", new { name = $"key-{Guid.NewGuid():N}", scopes, partyRole, partyId });
        var body = await SleekApi.ExpectAsync(response, HttpStatusCode.Created);
        return (body["key"]!.GetValue<string>(), body["apiKey"]!["id"]!.GetValue<string>());
    }

    /// <summary>A client that sends <paramref name="key"/> in X-Api-Key.</summary>
    public HttpClient WithKey(string key)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>Ids of the seeded suppliers.</summary>
    public async Task<List<Guid>> SupplierIdsAsync()
    {
        await using var db = Service<MarketplaceDb>().CreateContext();
        return await db.Suppliers.OrderBy(s => s.Name).Select(s => s.Id).ToListAsync();
    }

    /// <summary>Audit entries matching the query string (e.g. <c>action=auth.lockout</c>), newest first.</summary>
    public async Task<JsonArray> AuditAsync(string query)
    {
        using var response = await Admin.GetAsync(new Uri($"/api/audit?{query}", UriKind.Relative));
        return (await SleekApi.ExpectAsync(response, HttpStatusCode.OK))["items"]!.AsArray();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _folder.Dispose();
    }
}
