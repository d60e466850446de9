using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Xunit.Sdk;

namespace Sleek.Workflows.Host.Tests.Processes;

/// <summary>
/// Live events across two real host processes on one PostgreSQL database: a browser-like client follows an instance's
/// stream on host B while host A runs its bursts (A's batched NOTIFY sleek_instances carries the news), then reconnects with
/// <c>Last-Event-ID</c> after missing events and gets exactly those, none twice.
/// </summary>
public sealed class LiveEventsOnTwoHosts(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly List<HostProcess> _hosts = [];
    private readonly WorkflowsFolder _folder = new();

    [Fact]
    public async Task Events_of_bursts_on_host_a_reach_a_stream_on_host_b_and_a_reconnect_with_last_event_id_loses_nothing()
    {
        _folder.With(TwoTasks());
        var a = StartHost("A");
        var b = StartHost("B");
        await Task.WhenAll(a.WaitUntilReadyAsync(), b.WaitUntilReadyAsync());
        try
        {
            var started = await a.Api.StartAsync("live-two-tasks", correlationId: $"live-{Guid.NewGuid():N}");
            var id = SleekApi.Id(started);

            var (stream, response) = await SseReader.OpenAsync(b.Client, $"/api/instances/{id}/events");
            Assert.True(stream is not null, $"expected an event stream, got {(int)response.StatusCode} {response.Content.Headers.ContentType}");
            await using (stream)
            {
                // What happened before the client connected comes first: start, then the first task waiting.
                var replay = await stream.UntilAsync(e => Activity(e) == "one" && Event(e) == "Waiting");
                Assert.Equal("start", Activity(replay[0]));

                // Host A runs the next burst inline in its request (the answer is the instance as committed); B's stream
                // hears of it through A's NOTIFY sleek_instances.
                var token = await OpenTokenAsync(a, id);
                Assert.Equal(HttpStatusCode.OK, (await a.Api.ResumeAsync(token, new { outcome = "Approve" })).StatusCode);
                var live = await stream.UntilAsync(e => Activity(e) == "two" && Event(e) == "Waiting");
                Assert.Equal(("one", "Resumed"), (Activity(live[0]), Event(live[0])));

                var seen = replay.Concat(live).Select(e => long.Parse(e.Id!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
                Assert.Equal(seen.Order(), seen);
                Assert.Equal(seen.Count, seen.Distinct().Count());
                var lastSeen = live[^1].Id!;

                // The connection drops; meanwhile A finishes the instance.
                await stream.DisposeAsync();
                Assert.Equal(HttpStatusCode.OK, (await a.Api.ResumeAsync(await OpenTokenAsync(a, id), new { outcome = "Approve" })).StatusCode);
                await a.Api.WaitForStatusAsync(id, "Completed");

                // The client comes back with Last-Event-ID: everything after it, in order, nothing it had.
                var (again, againResponse) = await SseReader.OpenAsync(b.Client, $"/api/instances/{id}/events", lastEventId: lastSeen);
                Assert.True(again is not null, $"expected an event stream, got {(int)againResponse.StatusCode}");
                await using (again)
                {
                    var missed = await again.UntilAsync(e => Activity(e) == "end");
                    var journal = await JournalAfterAsync(id, long.Parse(lastSeen, System.Globalization.CultureInfo.InvariantCulture));
                    Assert.Equal(journal, missed.Select(e => long.Parse(e.Id!, System.Globalization.CultureInfo.InvariantCulture)).ToList());
                    Assert.Equal(("two", "Resumed"), (Activity(missed[0]), Event(missed[0])));
                }
            }
        }
        catch (Exception ex)
        {
            throw new XunitException($"{ex}\n\n{string.Join("\n\n", _hosts.Select(h => h.Describe()))}");
        }
    }

    [Fact]
    public async Task A_bad_last_event_id_is_a_problem_naming_the_header()
    {
        _folder.With(TwoTasks());
        var a = StartHost("A");
        await a.WaitUntilReadyAsync();
        var id = SleekApi.Id(await a.Api.StartAsync("live-two-tasks", correlationId: $"bad-{Guid.NewGuid():N}"));
        var (stream, response) = await SseReader.OpenAsync(a.Client, $"/api/instances/{id}/events", lastEventId: "'; DROP TABLE journal; --");
        Assert.Null(stream);
        var problem = await SleekApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("Last-Event-ID", problem.ToJsonString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        _folder.Dispose();
        NpgsqlConnection.ClearAllPools();
    }

    private static string Activity(SseEvent e) => e.Data["activityId"]!.GetValue<string>();

    private static string Event(SseEvent e) => e.Data["data"]!["event"]!.GetValue<string>();

    private static async Task<string> OpenTokenAsync(HostProcess host, string id) =>
        SleekApi.SingleBookmark(await host.Api.GetInstanceAsync(id))["token"]!.GetValue<string>();

    private async Task<List<long>> JournalAfterAsync(string instanceId, long after)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM journal WHERE instance_id = @id AND id > @after ORDER BY id", connection);
        command.Parameters.AddWithValue("id", Guid.Parse(instanceId));
        command.Parameters.AddWithValue("after", after);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<long>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private HostProcess StartHost(string name)
    {
        var host = HostProcesses.StartSignedIn(name, new Dictionary<string, string?>
        {
            ["ConnectionStrings__Sleek"] = database.ConnectionString,
            ["Sleek__Workers"] = "1",
            ["Sleek__WorkflowsDirectory"] = _folder.Path,
            // No heartbeat look at the journal within the test's waits: only A's NOTIFY can wake B's stream.
            ["Live__HeartbeatSeconds"] = "3600",
        });
        _hosts.Add(host);
        return host;
    }

    private static JsonObject TwoTasks() => (JsonObject)JsonNode.Parse("""
        {
          "definitionId": "live-two-tasks", "version": 1, "name": "Two tasks",
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "one", "type": "HumanTask", "inputs": { "title": "First", "role": "ops", "outcomes": [ "Approve" ] } },
              { "id": "two", "type": "HumanTask", "inputs": { "title": "Second", "role": "ops", "outcomes": [ "Approve" ] } },
              { "id": "end", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "one" } },
              { "source": { "activity": "one", "port": "Approve" }, "target": { "activity": "two" } },
              { "source": { "activity": "two", "port": "Approve" }, "target": { "activity": "end" } }
            ]
          }
        }
        """)!;
}
