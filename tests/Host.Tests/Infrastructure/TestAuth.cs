using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Sleek.Workflows.Host.Tests.Infrastructure;

/// <summary>
/// How tests get in: through the real authentication. Every test host is configured with a known signing key
/// and bootstrap token (test settings, never production defaults); the first client of a database bootstraps
/// the admin, later ones sign in, and the admin's token is cached per database. No bypass exists in the host.
/// </summary>
public static class TestAuth
{
    /// <summary>Auth:SigningKey of every test host (48 bytes).</summary>
    public const string SigningKey = "sleek-tests-signing-key-not-for-production-0123456789";

    /// <summary>Auth:BootstrapToken of every test host.</summary>
    public const string BootstrapToken = "sleek-tests-bootstrap-token";

    /// <summary>The admin every test database gets.</summary>
    public const string AdminEmail = "admin@sleek.test";

    /// <summary>Its password.</summary>
    public const string AdminPassword = "admin-password-for-tests";

    /// <summary>Access tokens of test hosts last this long, so a long test class keeps one.</summary>
    public const int TokenMinutes = 240;

    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Tokens = new();

    /// <summary>The settings a test host needs for this: as configuration keys (in-memory hosts).</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Auth:SigningKey"] = SigningKey,
        ["Auth:BootstrapToken"] = BootstrapToken,
        ["Auth:AccessTokenMinutes"] = TokenMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // The shared admin requests many quotes in one test class; the Security tests set docs/domain.md's 20 back explicitly.
        ["RateLimits:QuotesPerUserPerDay"] = "100000",
        ["RateLimits:LoginPerIpPerMinute"] = "1000",
    };

    /// <summary>The same as environment variables (host processes).</summary>
    public static IReadOnlyDictionary<string, string> Environment { get; } =
        Settings.ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value);

    /// <summary>The admin's token for the database <paramref name="databaseKey"/> names: bootstrapped once, then cached.</summary>
    public static Task<string> AdminTokenAsync(string databaseKey, Func<HttpClient> rawClient) =>
        Tokens.GetOrAdd(databaseKey, _ => new Lazy<Task<string>>(() => FetchAdminTokenAsync(rawClient))).Value;

    /// <summary>Signs in (no caching) and returns the token; fails the test on anything but 200.</summary>
    public static async Task<string> LoginAsync(HttpClient client, string email, string password)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        var body = await SleekApi.ExpectAsync(response, HttpStatusCode.OK);
        return body["accessToken"]!.GetValue<string>();
    }

    /// <summary>Sets (or with null removes) the bearer token of a client.</summary>
    public static HttpClient As(this HttpClient client, string? token)
    {
        client.DefaultRequestHeaders.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> FetchAdminTokenAsync(Func<HttpClient> rawClient)
    {
        using var client = rawClient();
        using var bootstrap = await client.PostAsJsonAsync("/api/auth/bootstrap-admin", new { token = BootstrapToken, email = AdminEmail, password = AdminPassword });
        if (bootstrap.StatusCode == HttpStatusCode.Created)
        {
            var created = JsonNode.Parse(await bootstrap.Content.ReadAsStringAsync())!;
            return created["accessToken"]!.GetValue<string>();
        }

        // Another host of the same database bootstrapped it already (409): sign in.
        return await LoginAsync(client, AdminEmail, AdminPassword);
    }
}
