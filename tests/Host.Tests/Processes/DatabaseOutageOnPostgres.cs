using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Npgsql;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Sleek.Workflows.TestSupport.Network;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Sleek.Workflows.Host.Tests.Processes;

/// <summary>
/// The database goes away in the middle of a load and comes back. A real host process talks to the test's PostgreSQL
/// through a <see cref="CuttableProxy"/>: the outage terminates the host's sessions on the server (as a shutting-down
/// server does, 57P01) and refuses every new connection (as a server that is down does). Clients keep starting
/// instances and resuming bookmarks, each request with an Idempotency-Key it repeats until it gets an answer, as the
/// API asks them to. Meanwhile timers fall due. Checked: every answer is a success, a conflict of a repeat, or 503
/// with Retry-After (database unavailable or outcome unknown) — never another 5xx; after the outage every start exists
/// exactly once, every resume ran exactly once, every timer fired once; the LISTEN connection is back and /health
/// counts one session; and the host's log (JSON lines, which carry every property) holds no bookmark token, API key
/// or JWT, although the outage logged errors on resume paths.
/// </summary>
public sealed partial class DatabaseOutageOnPostgres(PostgresDatabase database, ITestOutputHelper output) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const int Starts = 150;
    private const int Resumes = 60;
    private const int Timers = 20;
    private const int Clients = 8;

    /// <summary>How long the database stays away: long enough for the timers to fall due in it.</summary>
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(8);

    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan RepeatAfter = TimeSpan.FromMilliseconds(250);

    private readonly WorkflowsFolder _folder = new();
    private HostProcess? _host;

    [Fact]
    public async Task An_outage_mid_load_answers_503s_with_retry_after_loses_and_duplicates_nothing_and_leaks_no_token()
    {
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        using var proxy = new CuttableProxy(server.Host!, server.Port);
        var proxied = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port }.ConnectionString;
        _folder.With(MultiHostDefinitions.Task()).With(MultiHostDefinitions.Timer());
        _host = HostProcesses.StartSignedIn("A", new Dictionary<string, string?>
        {
            ["ConnectionStrings__Sleek"] = proxied,
            ["Sleek__Workers"] = "2",
            ["Sleek__WorkflowsDirectory"] = _folder.Path,
            // JSON lines carry every property of an event (request paths of the logging scope included): the hardest case for redaction.
            ["Logging__Json"] = "true",
        });
        var host = _host;
        await host.WaitUntilReadyAsync();
        var jwt = await TestAuth.AdminTokenAsync(host.DatabaseKey, () => new HttpClient { BaseAddress = host.BaseAddress });
        var apiKey = await CreateApiKeyAsync(host);
        using var keyClient = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        keyClient.DefaultRequestHeaders.Add("X-Api-Key", apiKey);

        // Waits to resume during the run, and timers that fall due while the database is away.
        var tokens = new ConcurrentBag<string>();
        var waiting = new List<(string Token, string InstanceId)>();
        for (var i = 0; i < Resumes; i++)
        {
            var started = await host.Api.StartAsync("mh-task", correlationId: $"wait-{i}");
            var token = SleekApi.SingleBookmark(started)["token"]!.GetValue<string>();
            waiting.Add((token, SleekApi.Id(started)));
            tokens.Add(token);
        }

        var operations = Enumerable.Range(0, Starts).Select(i => Operation.Start($"load-{i}"))
            .Concat(waiting.Select((w, i) => Operation.Resume(w.Token, $"resume-{i}")))
            .OrderBy(o => o.Key.GetHashCode(StringComparison.Ordinal))
            .ToList();
        var answers = new ConcurrentQueue<Answer>();
        var clock = Stopwatch.StartNew();
        TimeSpan? cutAt = null;
        TimeSpan? restoredAt = null;
        var done = 0;
        var outage = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var deadline = new CancellationTokenSource(Deadline);
        using var clients = new SemaphoreSlim(Clients);

        // A third runs before the outage; a third is let go just before it (in flight when it begins), the rest as it begins.
        var justBefore = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var during = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var drivers = operations.Select((operation, index) => Task.Run(async () =>
        {
            await (index < operations.Count / 3 ? Task.CompletedTask : index < 2 * operations.Count / 3 ? justBefore.Task : during.Task).WaitAsync(deadline.Token);
            await clients.WaitAsync(deadline.Token);
            try
            {
                // Starts through the API key (its header must stay out of the log), resumes as the signed-in admin.
                await RunAsync(operation, operation.IsStart ? keyClient : host.Client, answers, clock, tokens, deadline.Token);
                if (Interlocked.Increment(ref done) == operations.Count / 3)
                {
                    outage.TrySetResult();
                }
            }
            finally
            {
                clients.Release();
            }
        })).ToList();

        // A third of the load answered, the rest in flight: timers are set to fall due in the outage, then the server
        // shuts the host's sessions down and stays away.
        await outage.Task.WaitAsync(Deadline);
        var timerIds = new List<string>();
        for (var i = 0; i < Timers; i++)
        {
            timerIds.Add(SleekApi.Id(await host.Api.StartAsync("mh-timer", new { delay = "PT3S" }, $"timer-{i}")));
        }

        justBefore.SetResult();
        await TerminateSessionsAsync();
        proxy.Cut();
        cutAt = clock.Elapsed;
        during.SetResult();
        await Task.Delay(Outage); // the outage itself, not a wait for a result
        proxy.Restore();
        restoredAt = clock.Elapsed;
        var listening = await Eventually.UntilAsync(
            () => HealthAsync(host), h => h?["wakeUps"]?["listenSessions"]?.GetValue<int>() == 1, "the LISTEN connection to be back", h => h?.ToJsonString() ?? "no answer", TimeSpan.FromSeconds(60));
        var listenBackAfter = clock.Elapsed - restoredAt.Value;
        await Task.WhenAll(drivers);

        // Timers that fell due in the outage fire after it, once each.
        foreach (var id in timerIds)
        {
            await Eventually.UntilAsync(() => host.Api.GetInstanceAsync(id), i => SleekApi.Status(i) == "Completed", $"timer instance {id} to complete", i => i.ToJsonString(), TimeSpan.FromSeconds(90));
        }

        var all = answers.ToList();
        var unexpected = all.Where(a => a.Status is not (200 or 201 or 409 or 503)).ToList();
        var unavailable = all.Count(a => a.Type == "urn:sleek:problem:database-unavailable");
        var unknown = all.Count(a => a.Type == "urn:sleek:problem:outcome-unknown");
        var bad503 = all.Where(a => a.Status == 503 && (!a.RetryAfter || a.Type is not ("urn:sleek:problem:database-unavailable" or "urn:sleek:problem:outcome-unknown"))).ToList();
        var firstSuccessAfter = all.Where(a => a.Status is 200 or 201 && a.At > restoredAt).Select(a => a.At - restoredAt.Value).DefaultIfEmpty().Min();

        var startRows = await RowsAsync("SELECT correlation_id, count(*) FROM workflow_instances WHERE definition_id = 'mh-task' AND correlation_id LIKE 'load-%' GROUP BY correlation_id");
        var lostStarts = Starts - startRows.Count;
        var duplicatedStarts = startRows.Sum(r => r.Count - 1);
        var resumedRows = await RowsAsync($"SELECT i.id::text, count(j.*) FROM workflow_instances i LEFT JOIN journal j ON j.instance_id = i.id AND j.event = 'resumed' WHERE i.correlation_id LIKE 'wait-%' AND i.status = 'completed' GROUP BY i.id");
        var timerRows = await RowsAsync($"SELECT i.id::text, count(j.*) FROM workflow_instances i LEFT JOIN journal j ON j.instance_id = i.id AND j.event = 'resumed' WHERE i.correlation_id LIKE 'timer-%' AND i.status = 'completed' GROUP BY i.id");

        var log = host.Output;
        var leaks = tokens.Where(t => log.Contains(t, StringComparison.Ordinal)).Select(t => $"bookmark token {t[..6]}…").ToList();
        if (log.Contains(apiKey[(apiKey.LastIndexOf('_') + 1)..], StringComparison.Ordinal))
        {
            leaks.Add("the API key's secret");
        }

        if (log.Contains(jwt, StringComparison.Ordinal) || AnyJwt().IsMatch(log))
        {
            leaks.Add("a JWT");
        }

        output.WriteLine($"requests {all.Count}: {all.Count(a => a.Status is 200 or 201)} succeeded, {all.Count(a => a.Status == 409 && !a.RetryAfter)} × 409 already resumed (a repeat after a lost answer), " +
            $"{all.Count(a => a.Status == 409 && a.RetryAfter)} × 409 key still in flight, {all.Count(a => a.Status >= 500)} × 5xx " +
            $"({unavailable} database-unavailable, {unknown} outcome-unknown, {all.Count(a => a.Status >= 500) - unavailable - unknown} other)");
        output.WriteLine($"outage {Outage.TotalSeconds:0} s from {cutAt.Value.TotalSeconds:0.0} s; first success {firstSuccessAfter.TotalSeconds:0.000} s after the database was back; LISTEN back after {listenBackAfter.TotalSeconds:0.000} s (health: {listening!["wakeUps"]!.ToJsonString()})");
        output.WriteLine($"starts: {startRows.Count} of {Starts} exist, {lostStarts} lost, {duplicatedStarts} duplicated; resumes: {resumedRows.Count(r => r.Count == 1)} of {Resumes} ran once; timers: {timerRows.Count(r => r.Count == 1)} of {Timers} fired once");
        output.WriteLine($"log: {log.Length} characters, {Count(log, "Database unavailable on")} 'database unavailable' lines, {Count(log, "/api/bookmarks/***/resume")} resume paths masked, leaks: {(leaks.Count == 0 ? "none" : string.Join(", ", leaks))}");

        Assert.True(unexpected.Count == 0, "answers other than 2xx, 409 and 503:\n" + string.Join("\n", unexpected.Take(20)));
        Assert.True(bad503.Count == 0, "503 without Retry-After or of another type:\n" + string.Join("\n", bad503.Take(20)));
        Assert.True(unavailable > 0, "the outage was not seen by any request");
        Assert.Equal(0, lostStarts);
        Assert.Equal(0, duplicatedStarts);
        Assert.Equal(Resumes, resumedRows.Count(r => r.Count == 1));
        Assert.Equal(Timers, timerRows.Count(r => r.Count == 1));
        Assert.True(listening["wakeUps"]!["reconnects"]!.GetValue<int>() >= 1);
        Assert.Contains("/api/bookmarks/***/resume", log, StringComparison.Ordinal);
        Assert.True(leaks.Count == 0, "secrets in the log: " + string.Join(", ", leaks));
    }

    public void Dispose()
    {
        _host?.Dispose();
        _folder.Dispose();
    }

    /// <summary>Sends the operation with its key until it has an answer that is not "try again": success, or the conflict of a repeat.</summary>
    private static async Task RunAsync(Operation operation, HttpClient client, ConcurrentQueue<Answer> answers, Stopwatch clock, ConcurrentBag<string> tokens, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, operation.Path) { Content = JsonContent.Create(operation.Body) };
            request.Headers.Add("Idempotency-Key", operation.Key);
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                throw new XunitException($"{operation.Path}: the host did not answer ({ex.Message})");
            }

            using (response)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                var body = text.Length > 0 && text[0] == '{' ? JsonNode.Parse(text) : null;
                var status = (int)response.StatusCode;
                var retryAfter = response.Headers.RetryAfter is not null;
                answers.Enqueue(new Answer(clock.Elapsed, operation.Path.StartsWith("/api/bookmarks", StringComparison.Ordinal) ? "resume" : "start", status, body?["type"]?.GetValue<string>(), retryAfter, text.Length > 300 ? text[..300] : text));
                if (status is 200 or 201)
                {
                    foreach (var bookmark in body?["bookmarks"]?.AsArray() ?? [])
                    {
                        tokens.Add(bookmark!["token"]!.GetValue<string>());
                    }

                    return;
                }

                if (status == 409 && !retryAfter)
                {
                    // A repeat of a resume whose first try went through (its answer was lost): the bookmark is consumed.
                    return;
                }

                if (status is not (503 or 409))
                {
                    return; // recorded; the assertions say what was wrong
                }
            }

            await Task.Delay(RepeatAfter, cancellationToken);
        }
    }

    private static async Task<string> CreateApiKeyAsync(HostProcess host)
    {
        using var response = await host.Client.PostAsJsonAsync("/api/api-keys", new { name = "outage-client", scopes = new[] { "bookmarks:resume", "instances:start", "instances:read" } });
        return (await SleekApi.ExpectAsync(response, HttpStatusCode.Created))["key"]!.GetValue<string>();
    }

    private static async Task<JsonNode?> HealthAsync(HostProcess host)
    {
        try
        {
            using var response = await host.Client.GetAsync(new Uri("/health", UriKind.Relative));
            return JsonNode.Parse(await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>What a server shutting down does to its sessions (57P01 "terminating connection due to administrator command").</summary>
    private async Task TerminateSessionsAsync()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
        await command.ExecuteScalarAsync();
    }

    private async Task<List<(string Key, long Count)>> RowsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, long)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return rows;
    }

    private static int Count(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [GeneratedRegex(@"eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.")]
    private static partial Regex AnyJwt();

    /// <summary>One request of the load and the key it is repeated with.</summary>
    private sealed record Operation(string Path, object Body, string Key, bool IsStart)
    {
        public static Operation Start(string key) => new("/api/instances", new { definitionId = "mh-task", correlationId = key }, key, true);

        public static Operation Resume(string token, string key) => new($"/api/bookmarks/{token}/resume", new { outcome = "Approve" }, key, false);
    }

    private sealed record Answer(TimeSpan At, string What, int Status, string? Type, bool RetryAfter, string Body);
}
