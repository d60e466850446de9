using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Sleek.Workflows.Host.Tests.Processes;

/// <summary>
/// Two host processes with the default lease (no <c>Sleek__LeaseSeconds</c>: 15 s, renewed every 5 s). Bursts that wait
/// on a slow partner far longer than the lease (as an AI or Stripe call may) keep their work: a start's by renewing its
/// lease, a timer's because its transaction holds the item. Then the host of the timer's burst is SIGKILLed and the
/// other host takes the timer's work over — within the lease, seconds, not the minutes of the old 120 s default — and
/// finishes it, running the call once more and committing once.
/// </summary>
public sealed class LeaseTakeoverOnPostgres(PostgresDatabase database, ITestOutputHelper output) : IClassFixture<PostgresDatabase>, IDisposable
{
    /// <summary>The documented default (README, Configuration: <c>Sleek__LeaseSeconds</c>).</summary>
    private static readonly TimeSpan DefaultLease = TimeSpan.FromSeconds(15);

    private readonly List<HostProcess> _hosts = [];
    private readonly WorkflowsFolder _folder = new();

    [Fact]
    public async Task A_timer_whose_host_is_killed_mid_burst_is_taken_over_within_the_default_lease_and_long_bursts_keep_their_work()
    {
        using var startPartner = new HoldingPartner();
        using var timerPartner = new HoldingPartner();
        _folder.With(CallThen("lt-call", null, startPartner.Url)).With(CallThen("lt-timer-call", "PT1S", timerPartner.Url));
        var (a, b) = (StartHost("A"), StartHost("B"));
        try
        {
            await Task.WhenAll(a.WaitUntilReadyAsync(), b.WaitUntilReadyAsync());

            // A start whose burst calls out runs leased to its request; the heartbeat renews the lease (every 5 s) for as
            // long as the call takes, well past the lease's length.
            var slowStart = a.Client.PostAsJsonAsync("/api/instances", new { definitionId = "lt-call", correlationId = "renew-1" });
            await startPartner.FirstCall.WaitAsync(TimeSpan.FromSeconds(90));
            var started = await WorkItemAsync("renew-1") ?? throw new XunitException("the start's work item is gone while its burst runs");
            Assert.True(started.LeftOnLease <= DefaultLease, $"the lease runs {started.LeftOnLease.TotalSeconds:0.0} s more; the default is {DefaultLease.TotalSeconds} s");
            var renewed = await Eventually.UntilAsync(
                () => WorkItemAsync("renew-1"), w => w is not null && w.LockedUntil > started.LockedUntil + DefaultLease, "the burst to renew its lease beyond the lease's length", w => $"{w}", TimeSpan.FromSeconds(90));
            Assert.Equal(started.LockedBy, renewed!.LockedBy);
            Assert.Null(renewed.TakenOverFrom);
            startPartner.Release();
            using (var created = await slowStart)
            {
                Assert.Equal("Completed", SleekApi.Status(await SleekApi.ExpectAsync(created, System.Net.HttpStatusCode.Created)));
            }

            Assert.Equal(1, startPartner.Calls);

            // A timer fires on one host, whose burst then waits on the partner past its lease: the burst's transaction holds
            // the timer's item (deleted in it, not yet committed), so no other host takes it while the burst lives.
            var id = Guid.Parse(SleekApi.Id(await a.Api.StartAsync("lt-timer-call", correlationId: "lease-1")));
            await timerPartner.FirstCall.WaitAsync(TimeSpan.FromSeconds(90));
            var claimed = await WorkItemAsync("lease-1") ?? throw new XunitException("the timer's work item is gone while its burst runs");
            Assert.True(claimed.LeftOnLease <= DefaultLease, $"the lease runs {claimed.LeftOnLease.TotalSeconds:0.0} s more; the default is {DefaultLease.TotalSeconds} s");
            var holder = _hosts.Single(h => h.WorkerName == claimed.LockedBy);
            var other = _hosts.Single(h => h != holder);
            var lapsed = await Eventually.UntilAsync(
                () => WorkItemAsync("lease-1"), w => w is not null && w.LeftOnLease < -TimeSpan.FromSeconds(5), "the database's clock to pass the timer's lease", w => $"{w}", TimeSpan.FromSeconds(90));
            Assert.Equal(holder.WorkerName, lapsed!.LockedBy);
            Assert.Equal(1, timerPartner.Calls);
            Assert.DoesNotContain("Lease takeover", other.Output, StringComparison.Ordinal);

            // Killed mid-burst: nothing of the burst committed; the other host takes the timer's item over, its lease long run out.
            var clock = Stopwatch.StartNew();
            holder.Kill();
            await Eventually.UntilAsync(() => Task.FromResult(timerPartner.Calls), calls => calls >= 2, "the other host to take the burst over and call again", timeout: TimeSpan.FromSeconds(90));
            var takenOverAfter = clock.Elapsed;
            timerPartner.Release();
            var done = await Eventually.UntilAsync(
                () => other.Api.GetInstanceAsync(id.ToString()), i => SleekApi.Status(i) == "Completed", "the instance to complete on the other host", i => i.ToJsonString(), TimeSpan.FromSeconds(60));
            Assert.True(done["variables"]!["done"]!.GetValue<bool>());
            Assert.Contains($"was leased by {holder.WorkerName}, whose lease expired unfinished", other.Output, StringComparison.Ordinal);
            Assert.Equal(1, await ScalarAsync($"SELECT count(*) FROM journal WHERE instance_id = '{id}' AND activity_id = 'call' AND event = 'executed'"));
            output.WriteLine($"a {DefaultLease.TotalSeconds:0} s lease: the start's burst renewed it to {(renewed.LockedUntil - started.LockedUntil).TotalSeconds:0.0} s past its first end; " +
                $"the timer's burst was killed {-lapsed.LeftOnLease.TotalSeconds:0.0} s after its lease ran out, and the other host called the partner again {takenOverAfter.TotalSeconds:0.0} s after the kill");
        }
        catch (Exception ex)
        {
            throw new XunitException($"{ex}\n\n{string.Join("\n\n", _hosts.Select(h => h.Describe()))}");
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

    /// <summary>[Delay(<paramref name="delay"/>) →] HttpRequest(the partner, up to 300 s) → done.</summary>
    private static JsonObject CallThen(string definitionId, string? delay, string url)
    {
        var definition = JsonNode.Parse($$"""
            {
              "definitionId": "{{definitionId}}", "version": 1, "name": "A slow call",
              "variables": [ { "name": "done", "type": "boolean", "default": false } ],
              "root": {
                "activities": [
                  { "id": "start", "type": "Start" },
                  { "id": "call", "type": "HttpRequest", "inputs": { "url": "{{url}}", "timeoutSeconds": 300 } },
                  { "id": "finish", "type": "SetVariable", "inputs": { "variable": "done", "value": true } },
                  { "id": "end", "type": "End" }
                ],
                "connections": [
                  { "source": { "activity": "start" }, "target": { "activity": "call" } },
                  { "source": { "activity": "call", "port": "Success" }, "target": { "activity": "finish" } },
                  { "source": { "activity": "finish" }, "target": { "activity": "end" } }
                ]
              }
            }
            """)!.AsObject();
        if (delay is not null)
        {
            var root = definition["root"]!;
            root["activities"]!.AsArray().Insert(1, new JsonObject { ["id"] = "delay", ["type"] = "Delay", ["inputs"] = new JsonObject { ["duration"] = delay } });
            root["connections"]![0]!["target"]!["activity"] = "delay";
            root["connections"]!.AsArray().Add(new JsonObject { ["source"] = new JsonObject { ["activity"] = "delay" }, ["target"] = new JsonObject { ["activity"] = "call" } });
        }

        return definition;
    }

    private HostProcess StartHost(string name)
    {
        var host = HostProcesses.StartSignedIn(name, new Dictionary<string, string?>
        {
            ["ConnectionStrings__Sleek"] = database.ConnectionString,
            ["Sleek__Workers"] = "2",
            ["Sleek__WorkflowsDirectory"] = _folder.Path,
            // The partners listen on 127.0.0.1: their name and their (loopback) address are allowed explicitly.
            ["Http__AllowedHosts"] = "127.0.0.1",
            ["Http__AllowedNetworks"] = "127.0.0.1",
        });
        _hosts.Add(host);
        return host;
    }

    /// <summary>The work item of the instance with this correlation id as the database has it, with how long its lease has left by the database's clock.</summary>
    private async Task<WorkItem?> WorkItemAsync(string correlationId)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT w.locked_by, w.locked_until, w.taken_over_from, extract(epoch FROM w.locked_until - clock_timestamp())::float8 FROM work_items w JOIN workflow_instances i ON i.id = w.instance_id WHERE i.correlation_id = @c ORDER BY w.id LIMIT 1",
            connection);
        command.Parameters.AddWithValue("c", correlationId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() && !reader.IsDBNull(1)
            ? new WorkItem(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetDateTime(1), reader.IsDBNull(2) ? null : reader.GetString(2), TimeSpan.FromSeconds(reader.GetDouble(3)))
            : null;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed record WorkItem(string? LockedBy, DateTime LockedUntil, string? TakenOverFrom, TimeSpan LeftOnLease);
}
