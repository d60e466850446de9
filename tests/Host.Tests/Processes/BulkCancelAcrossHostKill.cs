using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Sleek.Workflows.Host.Tests.Processes;

/// <summary>
/// A bulk cancel of 10,000 instances on two host processes sharing one PostgreSQL database, with the host working the
/// job SIGKILLed midway (issue 16 part 5). The other host takes the job over when the lease lapses and resumes at the
/// first pending instance: every instance ends cancelled exactly once (no item failed as "already Cancelled", which a
/// second application would cause), and the progress the API shows always adds up and never goes back.
/// </summary>
public sealed class BulkCancelAcrossHostKill(PostgresDatabase database, ITestOutputHelper output) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const int Instances = 10_000;
    private const int LeaseSeconds = 3;

    private readonly List<HostProcess> _hosts = [];
    private readonly WorkflowsFolder _folder = new();

    [Fact]
    public async Task Bulk_cancel_of_10000_instances_survives_a_SIGKILL_of_the_host_running_it_and_cancels_each_once()
    {
        _folder.With(JsonNode.Parse("""
            {
              "definitionId": "bulk-kill", "version": 1, "name": "Waits for Go",
              "root": {
                "activities": [ { "id": "start", "type": "Start" }, { "id": "wait", "type": "WaitForEvent", "inputs": { "eventName": "Go" } } ],
                "connections": [ { "source": { "activity": "start" }, "target": { "activity": "wait" } } ]
              }
            }
            """)!.AsObject());
        var a = StartHost("A");
        try
        {
            await a.WaitUntilReadyAsync(TimeSpan.FromMinutes(4)); // migrations alone took a minute on a loaded test machine
            // 10,000 waiting instances, each with its open bookmark, as the engine leaves them.
            await ExecuteAsync($"""
                INSERT INTO workflow_instances (id, definition_id, version, status, correlation_id, state_json, created_at, updated_at, concurrency_version)
                SELECT gen_random_uuid(), 'bulk-kill', 1, 'suspended', 'bulk-' || g, '{"{}"}', now() - interval '1 hour' + g * interval '1 millisecond', now(), 0
                FROM generate_series(1, {Instances}) g;
                INSERT INTO bookmarks (id, instance_id, activity_id, execution_number, name, correlation_key, token, data_json, created_at)
                SELECT gen_random_uuid(), id, 'wait', 1, 'Go', correlation_id, md5(random()::text || id::text), '{"{}"}', now()
                FROM workflow_instances WHERE definition_id = 'bulk-kill';
                """);
            var b = StartHost("B");
            await b.WaitUntilReadyAsync(TimeSpan.FromMinutes(4));

            var clock = Stopwatch.StartNew();
            using var started = await a.Api.PostAsync("/api/bulk-operations", new { operation = "cancel", filter = new { definitionId = "bulk-kill" }, reason = "season closed" });
            var jobId = (await SleekApi.ExpectAsync(started, HttpStatusCode.Accepted))["id"]!.GetValue<string>();
            output.WriteLine($"job created in {clock.ElapsedMilliseconds} ms");

            // Progress as the API shows it, read all along: it adds up and never goes back.
            using var stopWatching = new CancellationTokenSource();
            var seen = new List<(int Done, int Failed, int Left)>();
            var watcher = WatchAsync(jobId, seen, stopWatching.Token);

            var (done, holderName) = await Eventually.UntilAsync(
                () => JobRowAsync(jobId), r => r.Done >= 1_500 && r.LockedBy is not null, "the job to be well under way", r => r.ToString(), TimeSpan.FromMinutes(3));
            var holder = _hosts.Single(h => h.WorkerName == holderName);
            holder.Kill();
            output.WriteLine($"killed {holder.Name} at {done} done ({clock.ElapsedMilliseconds} ms)");
            var survivor = _hosts.Single(h => !h.HasExited);

            var job = await Eventually.UntilAsync(
                () => survivor.Api.GetJsonAsync($"/api/bulk-operations/{jobId}"),
                j => j["status"]!.GetValue<string>() == "Completed",
                "the survivor to finish the job",
                j => j.ToJsonString(),
                TimeSpan.FromMinutes(5));
            output.WriteLine($"completed in {clock.ElapsedMilliseconds} ms on {survivor.Name}");
            await stopWatching.CancelAsync();
            await watcher;

            Assert.Equal((Instances, Instances, 0, 0), (job["total"]!.GetValue<int>(), job["done"]!.GetValue<int>(), job["failed"]!.GetValue<int>(), job["left"]!.GetValue<int>()));
            Assert.Empty(job["failures"]!.AsArray());
            Assert.Equal(Instances, await ScalarAsync($"SELECT count(*) FROM bulk_job_items WHERE job_id = '{jobId}' AND state = 'done'"));
            Assert.Equal(Instances, await ScalarAsync("SELECT count(*) FROM workflow_instances WHERE definition_id = 'bulk-kill' AND status = 'cancelled' AND error = 'cancelled: season closed'"));
            Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM bookmarks b JOIN workflow_instances i ON i.id = b.instance_id WHERE i.definition_id = 'bulk-kill' AND b.consumed_at IS NULL"));
            Assert.Equal(Instances, await ScalarAsync("SELECT count(*) FROM bookmarks b JOIN workflow_instances i ON i.id = b.instance_id WHERE i.definition_id = 'bulk-kill' AND b.outcome = 'cancelled'"));
            Assert.Contains($"taken over by {survivor.WorkerName}: {holder.WorkerName}'s lease lapsed unfinished", survivor.Output, StringComparison.Ordinal);

            Assert.NotEmpty(seen);
            Assert.All(seen, p => Assert.Equal(Instances, p.Done + p.Failed + p.Left));
            Assert.All(seen.Zip(seen.Skip(1)), pair => Assert.True(pair.Second.Done >= pair.First.Done, $"progress went back: {pair.First} then {pair.Second}"));
            output.WriteLine($"{seen.Count} progress reads, e.g. {string.Join(" → ", seen.Where((_, i) => i % Math.Max(1, seen.Count / 8) == 0).Select(p => p.Done))}");
        }
        catch (Exception ex)
        {
            throw new XunitException($"{ex}\n\n{string.Join("\n\n", _hosts.Select(h => h.Describe(50_000)))}");
        }
    }

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        _folder.Dispose();
    }

    private async Task WatchAsync(string jobId, List<(int, int, int)> seen, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var live = _hosts.FirstOrDefault(h => !h.HasExited);
            if (live is null)
            {
                return;
            }

            try
            {
                var job = await live.Api.GetJsonAsync($"/api/bulk-operations/{jobId}");
                seen.Add((job["done"]!.GetValue<int>(), job["failed"]!.GetValue<int>(), job["left"]!.GetValue<int>()));
                await Task.Delay(200, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException)
            {
                // The host just read from was killed; read from the other one.
            }
        }
    }

    private HostProcess StartHost(string name)
    {
        var host = HostProcesses.StartSignedIn(name, new Dictionary<string, string?>
        {
            ["ConnectionStrings__Sleek"] = database.ConnectionString,
            ["Sleek__Workers"] = "2",
            ["Sleek__WorkflowsDirectory"] = _folder.Path,
            ["Sleek__LeaseSeconds"] = LeaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        _hosts.Add(host);
        return host;
    }

    private async Task<(int Done, string? LockedBy)> JobRowAsync(string jobId)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT done, locked_by FROM bulk_jobs WHERE id = '{jobId}'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
