using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>
/// Every endpoint the app maps (read from its own EndpointDataSource) × every kind of caller → the expected
/// class of answer: passes the policy (any status but 401/403, never 5xx), 401 (anonymous) or 403. An
/// endpoint missing from <see cref="EndpointAccess"/>, or naming neither a policy nor AllowAnonymous, fails.
/// </summary>
public sealed partial class AuthorizationMatrixTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    public static readonly Dictionary<string, string> Settings = new()
    {
        ["RateLimits:LoginPerIpPerMinute"] = "1000",
        ["RateLimits:RegisterPerIpPerHour"] = "1000",
        ["Stripe:WebhookSecret"] = "whsec_matrix_test_secret",
    };

    private static readonly string[] AllScopes = ["bookmarks:resume", "events:publish", "orders:read", "tasks:read", "tasks:complete", "instances:start", "instances:read", "metrics:read"];

    [Fact]
    public async Task Every_endpoint_answers_each_caller_as_the_table_says()
    {
        await using var kit = new SecurityKit(database, Settings);
        var callers = await CallersAsync(kit);
        var endpoints = AppEndpoints(kit);

        var missing = endpoints.Select(e => e.Key).Where(k => !EndpointAccess.Expected.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "endpoints without an entry in EndpointAccess (decide who may call them):\n" + string.Join("\n", missing));
        var stale = EndpointAccess.Expected.Keys.Except(endpoints.Select(e => e.Key)).ToList();
        Assert.True(stale.Count == 0, "EndpointAccess names endpoints the app does not map:\n" + string.Join("\n", stale));
        var undecided = endpoints.Where(e => !e.Explicit).Select(e => e.Key).ToList();
        Assert.True(undecided.Count == 0, "endpoints with neither a policy nor AllowAnonymous (the fallback closes them, but say so):\n" + string.Join("\n", undecided));

        var failures = new List<string>();
        var calls = 0;
        foreach (var endpoint in endpoints)
        {
            var allowed = EndpointAccess.Expected[endpoint.Key];
            foreach (var (caller, client) in callers)
            {
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), Url(endpoint.Pattern));
                if (endpoint.Method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent(EndpointAccess.Bodies.GetValueOrDefault(endpoint.Key, "{}"), Encoding.UTF8, "application/json");
                }

                // Headers only: a live stream (text/event-stream) never ends; disposing the response closes it.
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                calls++;
                var status = (int)response.StatusCode;
                var expected = allowed.Contains(caller) ? "passes" : caller == Caller.Anonymous ? "401" : "403";
                var actual = status >= 500 ? $"{status} (server error)" : status is 401 or 403 ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : "passes";
                if (actual != expected)
                {
                    failures.Add($"{endpoint.Key} as {caller}: expected {expected}, got {status} {Cut(await response.Content.ReadAsStringAsync())}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {calls} calls disagree with the table:\n" + string.Join("\n", failures));
        Assert.True(calls >= endpoints.Count * 11);
    }

    /// <summary>One client per kind of caller, each made through the real endpoints.</summary>
    internal static async Task<Dictionary<Caller, HttpClient>> CallersAsync(SecurityKit kit)
    {
        var suppliers = await kit.SupplierIdsAsync();
        var buyer = await kit.UserAsync("buyer");
        return new Dictionary<Caller, HttpClient>
        {
            [Caller.BuyerKey] = kit.WithKey((await kit.ApiKeyAsync([.. AllScopes], "buyer", buyer.UserId)).Key),
            [Caller.SupplierKey] = kit.WithKey((await kit.ApiKeyAsync([.. AllScopes], "supplier", suppliers[0].ToString())).Key),
            [Caller.Anonymous] = kit.Anonymous(),
            [Caller.Buyer] = buyer.Client,
            [Caller.Supplier] = (await kit.UserAsync("supplier", suppliers[0].ToString())).Client,
            [Caller.Factory] = (await kit.UserAsync("factory", suppliers[1].ToString())).Client,
            [Caller.Ops] = (await kit.UserAsync("ops")).Client,
            [Caller.RuleAuthor] = (await kit.UserAsync("rule_author")).Client,
            [Caller.Admin] = kit.Admin,
            [Caller.KeyWithScopes] = kit.WithKey((await kit.ApiKeyAsync([.. AllScopes])).Key),
            [Caller.KeyWithoutScope] = kit.WithKey((await kit.ApiKeyAsync(["metrics:read"])).Key),
        };
    }

    /// <summary>The app's own endpoint list: one entry per (method, route pattern), and whether it states its access.</summary>
    internal static List<(string Key, string Method, string Pattern, bool Explicit)> AppEndpoints(SecurityKit kit)
    {
        var source = kit.Service<EndpointDataSource>();
        var list = new List<(string, string, string, bool)>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            pattern = pattern.Length > 1 ? pattern.TrimEnd('/') : pattern;
            if (!pattern.StartsWith('/'))
            {
                pattern = "/" + pattern;
            }

            var stated = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null);
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m is not "HEAD" and not "OPTIONS"))
            {
                list.Add(($"{method} {pattern}", method, pattern, stated));
            }
        }

        return [.. list.DistinctBy(e => e.Item1).OrderBy(e => e.Item1, StringComparer.Ordinal)];
    }

    /// <summary>A concrete URL for a pattern: fresh GUIDs, version 1, made-up names (nothing that exists).</summary>
    internal static string Url(string pattern) => RouteParameter().Replace(pattern, m => m.Groups["name"].Value switch
    {
        "version" => "1",
        "documentName" => "v1",
        "token" => "matrixmatrixmatrixmatrixmatrix12",
        _ when m.Value.Contains(":guid", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
        var name => $"matrix-{name}",
    });

    private static string Cut(string text) => text.Length > 300 ? text[..300] + "…" : text;

    [GeneratedRegex(@"\{\*{0,2}(?<name>\w+)(:[^}?]*)?\??\}")]
    private static partial Regex RouteParameter();
}
