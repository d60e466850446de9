using System.Text.RegularExpressions;
using Npgsql;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>
/// More than a thousand malformed and hostile requests over every endpoint the app maps, as the admin and
/// as an anonymous caller: none gets a 5xx, none is accepted as a change, and no table (engine, marketplace,
/// identity) gains or loses a row. The audit log and the rate-limit counters are left out of the
/// comparison on purpose: recording refused requests is their job.
/// </summary>
public sealed partial class FuzzTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    /// <summary>Tables whose rows refused requests are meant to add.</summary>
    private static readonly HashSet<string> Recording = ["audit_log", "rate_limit_counters"];

    /// <summary>Non-GET endpoints that change nothing even when they answer 2xx.</summary>
    private static readonly HashSet<string> ReadOnlyPosts = ["POST /api/workflows/validate", "POST /api/rules/{name}/preview", "POST /api/workflows/{definitionId}/migrations/dry-run"];

    [Fact]
    public async Task A_thousand_hostile_requests_get_no_5xx_and_change_no_table()
    {
        var settings = new Dictionary<string, string>(AuthorizationMatrixTests.Settings)
        {
            ["RateLimits:BootstrapPerIpPerHour"] = "100000",
            ["RateLimits:QuotesPerIpPerDay"] = "100000",
            ["RateLimits:QuotesPerSessionPerDay"] = "100000",
            ["RateLimits:QuotesPerUserPerDay"] = "100000",
        };
        await using var kit = new SecurityKit(database, settings, folder => folder.WithSample("sample-approval"));
        var callers = new Dictionary<string, HttpClient> { ["admin"] = kit.Admin, ["anonymous"] = kit.Anonymous() };
        var endpoints = AuthorizationMatrixTests.AppEndpoints(kit);
        var before = await RowCountsAsync();

        var random = new Random(20261126);
        var failures = new List<string>();
        var accepted = new List<string>();
        var sent = 0;
        foreach (var endpoint in endpoints)
        {
            foreach (var (name, client) in callers)
            {
                foreach (var (request, what) in Requests(endpoint.Method, endpoint.Pattern, random))
                {
                    using (request)
                    {
                        // Headers only: a live stream (text/event-stream) never ends; disposing the response closes it.
                        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                        sent++;
                        var status = (int)response.StatusCode;
                        var where = $"{endpoint.Key} as {name} with {what} → {status}";
                        if (status >= 500)
                        {
                            failures.Add($"{where}: {Cut(await response.Content.ReadAsStringAsync())}");
                        }
                        else if (status < 300 && endpoint.Method != "GET" && !ReadOnlyPosts.Contains(endpoint.Key))
                        {
                            accepted.Add(where);
                        }
                    }
                }
            }
        }

        Assert.True(sent >= 1000, $"only {sent} requests were generated");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} hostile requests got a server error:\n{string.Join("\n", failures)}");
        Assert.True(accepted.Count == 0, $"hostile requests were accepted as changes:\n{string.Join("\n", accepted)}");
        var after = await RowCountsAsync();
        var changed = before.Keys.Union(after.Keys)
            .Where(t => !Recording.Contains(t) && before.GetValueOrDefault(t, -1) != after.GetValueOrDefault(t, -1))
            .Select(t => $"{t}: {before.GetValueOrDefault(t, -1)} → {after.GetValueOrDefault(t, -1)}")
            .ToList();
        Assert.True(changed.Count == 0, "row counts changed:\n" + string.Join("\n", changed));
        Assert.Contains("users", before.Keys);
        Assert.Contains("workflow_instances", before.Keys);
        Assert.Contains("orders", before.Keys);
        Assert.True(after["audit_log"] > before["audit_log"], "refused admin mutations are audited");
    }

    private static IEnumerable<(HttpRequestMessage Request, string What)> Requests(string method, string pattern, Random random)
    {
        var hasBody = method is "POST" or "PUT" or "PATCH";
        if (hasBody)
        {
            foreach (var (content, what) in HostileInputs.Bodies(random))
            {
                yield return (new HttpRequestMessage(new HttpMethod(method), Url(pattern, random)) { Content = content }, what);
            }
        }
        else
        {
            foreach (var (query, what) in HostileInputs.Queries(random))
            {
                yield return (new HttpRequestMessage(new HttpMethod(method), Url(pattern, random) + query), what);
            }
        }

        if (pattern.Contains('{', StringComparison.Ordinal))
        {
            // Hostile route values (GUID-constrained ones get a malformed GUID, which routing must turn away).
            var hostile = RouteParameter().Replace(pattern, m => m.Value.Contains(":guid", StringComparison.Ordinal) ? "not-a-guid'--" : m.Value.Contains(":int", StringComparison.Ordinal) ? "99999999999" : HostileInputs.RouteValue(random));
            var request = new HttpRequestMessage(new HttpMethod(method), hostile);
            if (hasBody)
            {
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }

            yield return (request, "hostile route values");
        }
    }

    private static string Url(string pattern, Random random) =>
        RouteParameter().Replace(pattern, m => m.Value.Contains(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString()
            : m.Value.Contains(":int", StringComparison.Ordinal) ? "1"
            : m.Groups["name"].Value == "documentName" ? "v1"
            : HostileInputs.RouteValue(random));

    private async Task<Dictionary<string, long>> RowCountsAsync()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        return counts;
    }

    private static string Cut(string text) => text.Length > 300 ? text[..300] + "…" : text;

    [GeneratedRegex(@"\{\*{0,2}(?<name>\w+)(:[^}?]*)?\??\}")]
    private static partial Regex RouteParameter();
}
