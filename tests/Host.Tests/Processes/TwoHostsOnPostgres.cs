using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Sleek.Workflows.Host.Tests.Processes;

/// <summary>
/// Two real host processes on one PostgreSQL database share the work; one is killed with SIGKILL in
/// the middle of a batch (and of a burst), and the other finishes everything, running nothing twice.
/// </summary>
public sealed class TwoHostsOnPostgres(PostgresDatabase database, ITestOutputHelper output) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const int LeaseSeconds = 6;
    private const int BatchSize = 300;
    private const int Clients = 24;
    private static readonly TimeSpan BatchDeadline = TimeSpan.FromMinutes(4);

    private readonly List<HostProcess> _hosts = [];
    private readonly WorkflowsFolder _folder = new();

    [Fact]
    public Task Batch_on_two_hosts_completes_after_one_is_killed_mid_burst_and_nothing_runs_twice() => WithHostOutputAsync(async () =>
    {
        using var partner = new HoldingPartner();
        _folder.With(MultiHostDefinitions.Timer()).With(MultiHostDefinitions.Event()).With(MultiHostDefinitions.Task())
            .With(MultiHostDefinitions.Mixed()).With(MultiHostDefinitions.SlowCall(partner.Url));
        var a = await StartHostAsync("A");
        var b = await StartHostAsync("B");
        var hosts = new HostPool(a, b);

        // A burst caught in the middle on B: starting mh-slow runs it in B's request, which waits on the partner.
        var slowBody = new { definitionId = "mh-slow", correlationId = "slow-1" };
        var slowStart = PostWithKeyAsync(b, "/api/instances", slowBody, "slow-start");
        await partner.FirstCall.WaitAsync(TimeSpan.FromSeconds(60));
        var slowId = await FindByCorrelationAsync(a.Api, "slow-1") ?? throw new XunitException("the slow instance was not created");
        var leased = await WorkItemOfAsync(slowId) ?? throw new XunitException("the slow instance has no work item while its burst runs");
        Assert.Equal(b.WorkerName, leased.LockedBy);

        // The heartbeat renews B's lease while the burst runs, so A leaves it alone however long it takes.
        var renewed = await Eventually.UntilAsync(
            () => WorkItemOfAsync(slowId), w => w is not null && w.LockedUntil > leased.LockedUntil, "B to renew its lease on the slow burst", w => $"{w}", TimeSpan.FromSeconds(60));
        Assert.Equal(b.WorkerName, renewed!.LockedBy);
        Assert.Null(renewed.TakenOverFrom);

        var completed = 0;
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var startedOn = new Dictionary<string, int> { ["A"] = 0, ["B"] = 0 };
        using var deadline = new CancellationTokenSource(BatchDeadline);
        using var clients = new SemaphoreSlim(Clients);
        var drivers = Enumerable.Range(0, BatchSize).Select(i => Task.Run(async () =>
        {
            await clients.WaitAsync(deadline.Token);
            try
            {
                var startHost = await DriveAsync(hosts, i, deadline.Token);
                lock (startedOn)
                {
                    startedOn[startHost]++;
                }

                if (Interlocked.Increment(ref completed) == BatchSize / 3)
                {
                    // A third of the batch done, the rest in flight on both hosts: B dies without any shutdown code.
                    hosts.Kill(b);
                    killed.SetResult();
                }
            }
            finally
            {
                clients.Release();
            }
        })).ToList();

        await killed.Task.WaitAsync(BatchDeadline);
        partner.Release();
        await Assert.ThrowsAnyAsync<Exception>(() => slowStart); // B died in that request

        // The client repeats its start with the same Idempotency-Key on A: 409 while B's claim on the key has not
        // lapsed, then the instance B created, not a second one.
        var repeated = Task.Run(async () =>
        {
            while (true)
            {
                using var response = await PostWithKeyAsync(a, "/api/instances", slowBody, "slow-start");
                if (response.StatusCode != HttpStatusCode.Conflict)
                {
                    return (JsonObject)await SleekApi.ExpectAsync(response, HttpStatusCode.Created);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), deadline.Token);
            }
        });
        await Task.WhenAll(drivers);
        Assert.Equal(slowId.ToString(), SleekApi.Id(await repeated));

        var slow = await Eventually.UntilAsync(
            () => a.Api.GetInstanceAsync(slowId.ToString()), i => SleekApi.Status(i) == "Completed", "A to take over and finish the slow burst B was killed in", i => i.ToJsonString(), TimeSpan.FromSeconds(120));
        Assert.True(slow["variables"]!["done"]!.GetValue<bool>());

        await AssertEverythingRanExactlyOnceAsync(BatchSize + 1);
        Assert.Equal(1, await ScalarAsync($"SELECT count(*) FROM journal WHERE instance_id = '{slowId}' AND activity_id = 'call' AND event = 'executed'"));
        Assert.Equal(2, partner.Calls); // B's call died with it; A called again after taking the burst over
        Assert.Contains($"was leased by {b.WorkerName}, whose lease expired unfinished", a.Output, StringComparison.Ordinal);

        var takeovers = Count(a.Output, "Lease takeover");
        output.WriteLine($"instances started through A: {startedOn["A"]}, through B: {startedOn["B"]} (+1 slow on B)");
        output.WriteLine($"bursts logged by A: {Count(a.Output, "Burst of instance")}, by B before it was killed: {Count(b.Output, "Burst of instance")}");
        output.WriteLine($"lease takeovers by A after B was killed: {takeovers}");
        Assert.True(takeovers >= 1);
    });

    [Fact]
    public Task Thirty_two_concurrent_resumes_of_one_bookmark_across_two_hosts_resume_it_exactly_once() => WithHostOutputAsync(async () =>
    {
        _folder.With(MultiHostDefinitions.Task());
        // Both at once: they take turns migrating and importing workflows/ instead of colliding.
        var (a, b) = (StartHost("A"), StartHost("B"));
        await Task.WhenAll(a.WaitUntilReadyAsync(), b.WaitUntilReadyAsync());
        var started = await a.Api.StartAsync("mh-task", correlationId: $"race-{Guid.NewGuid():N}");
        var id = SleekApi.Id(started);
        var token = SleekApi.SingleBookmark(started)["token"]!.GetValue<string>();

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            var host = i % 2 == 0 ? a : b;
            return (Host: host.Name, Response: await host.Api.ResumeAsync(token, new { outcome = "Approve" }));
        })).ToArray();
        gate.SetResult();
        var results = await Task.WhenAll(racers);

        var winners = results.Where(r => r.Response.StatusCode == HttpStatusCode.OK).ToList();
        Assert.True(winners.Count == 1, $"expected exactly one 200, got {string.Join(", ", results.Select(r => $"{r.Host}:{(int)r.Response.StatusCode}"))}");
        foreach (var (_, response) in results.Where(r => r.Response.StatusCode != HttpStatusCode.OK))
        {
            var problem = await SleekApi.ExpectProblemAsync(response, HttpStatusCode.Conflict);
            Assert.Equal(id, SleekApi.Id(problem["current"]!));
        }

        output.WriteLine($"the winning resume went through host {winners[0].Host}; 31 conflicts split over A and B");
        await a.Api.WaitForStatusAsync(id, "Completed");
        Assert.Equal(1, await ScalarAsync($"SELECT count(*) FROM journal WHERE instance_id = '{id}' AND activity_id = 'check' AND event = 'resumed'"));
        Assert.Equal(1, await ScalarAsync($"SELECT count(*) FROM journal WHERE instance_id = '{id}' AND activity_id = 'finish'"));
        foreach (var (_, response) in results)
        {
            response.Dispose();
        }
    });

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        _folder.Dispose();
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>
    /// Starts one instance of the batch through the next live host, then moves it on until it completes:
    /// publishes its event, completes its task, waits out its timer. Returns the host that started it.
    /// </summary>
    private async Task<string> DriveAsync(HostPool hosts, int index, CancellationToken cancellationToken)
    {
        var correlation = $"mh-{index}-{Guid.NewGuid():N}";
        object body = (index % 4) switch
        {
            0 => new { definitionId = "mh-timer", correlationId = correlation, input = new { delay = $"PT{1 + (index % 3)}S" } },
            1 => new { definitionId = "mh-event", correlationId = correlation },
            2 => new { definitionId = "mh-task", correlationId = correlation },
            _ => new { definitionId = "mh-mixed", correlationId = correlation },
        };
        var (instance, startHost) = await StartAsync(hosts, body, correlation, cancellationToken);
        var id = SleekApi.Id(instance);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var status = SleekApi.Status(instance);
            if (status == "Completed")
            {
                return startHost;
            }

            if (status is "Faulted" or "Cancelled")
            {
                throw new XunitException($"instance {correlation} ended {status}: {instance.ToJsonString()}");
            }

            var open = instance["bookmarks"]!.AsArray().Select(x => x!.AsObject()).ToList();
            if (open.FirstOrDefault(x => x["name"]!.GetValue<string>() == "Go") is not null)
            {
                using var response = await hosts.SendAsync(c => c.PostAsJsonAsync("/api/events/Go", new { correlationId = correlation }, cancellationToken));
                ExpectAcceptedOrConsumed(response, correlation);
            }
            else if (open.FirstOrDefault(x => x["name"]!.GetValue<string>() == "HumanTask") is { } task)
            {
                using var response = await hosts.SendAsync(c => c.PostAsJsonAsync($"/api/bookmarks/{task["token"]!.GetValue<string>()}/resume", new { outcome = "Approve" }, cancellationToken));
                ExpectAcceptedOrConsumed(response, correlation);
            }
            else
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300), cancellationToken); // a timer, or a resume another worker is running
            }

            using var get = await hosts.SendAsync(c => c.GetAsync(new Uri($"/api/instances/{id}", UriKind.Relative), cancellationToken));
            instance = (JsonObject)await SleekApi.ExpectAsync(get, HttpStatusCode.OK);
        }
    }

    /// <summary>
    /// Starts with an Idempotency-Key. When the host dies under the request, the client cannot know
    /// whether it started: it looks the correlation id up on a live host and starts again only if not.
    /// </summary>
    private static async Task<(JsonObject Instance, string Host)> StartAsync(HostPool hosts, object body, string correlation, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var host = hosts.Next();
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/instances") { Content = JsonContent.Create(body) };
                request.Headers.Add("Idempotency-Key", $"{correlation}-{attempt}");
                using var response = await host.Client.SendAsync(request, cancellationToken);
                return ((JsonObject)await SleekApi.ExpectAsync(response, HttpStatusCode.Created), host.Name);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && hosts.IsKilled(host) && !cancellationToken.IsCancellationRequested)
            {
                if (await FindByCorrelationAsync(hosts.Next().Api, correlation) is { } existing)
                {
                    return (await hosts.Next().Api.GetInstanceAsync(existing.ToString()), host.Name);
                }
            }
        }
    }

    private static Task<HttpResponseMessage> PostWithKeyAsync(HostProcess host, string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return host.Client.SendAsync(request);
    }

    private static void ExpectAcceptedOrConsumed(HttpResponseMessage response, string correlation)
    {
        // 409: an earlier attempt (through the host that was killed) was accepted; the resume is not lost, it runs once.
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Conflict))
        {
            throw new XunitException($"resume of {correlation} got {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
        }
    }

    private static async Task<Guid?> FindByCorrelationAsync(SleekApi api, string correlation)
    {
        var page = await api.GetJsonAsync($"/api/instances?correlationId={correlation}");
        var item = page["items"]!.AsArray().SingleOrDefault();
        return item is null ? null : Guid.Parse(SleekApi.Id(item));
    }

    /// <summary>Every instance completed; no journal row twice; every bookmark resumed exactly once; no work left.</summary>
    private async Task AssertEverythingRanExactlyOnceAsync(int instances)
    {
        Assert.Equal(instances, await ScalarAsync("SELECT count(*) FROM workflow_instances WHERE status = 'completed'"));
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM workflow_instances WHERE status <> 'completed'"));
        var duplicates = await RowsAsync("""
            SELECT instance_id || ' ' || activity_id || ' #' || execution_number || ' ' || event || ' x' || count(*)
            FROM journal GROUP BY instance_id, activity_id, execution_number, event HAVING count(*) > 1
            """);
        Assert.True(duplicates.Count == 0, "activities ran twice:\n" + string.Join("\n", duplicates));
        var endings = await RowsAsync("""
            SELECT i.id || ': ' || (SELECT count(*) FROM journal j WHERE j.instance_id = i.id AND j.activity_id = 'finish' AND j.event = 'executed')
            FROM workflow_instances i
            WHERE (SELECT count(*) FROM journal j WHERE j.instance_id = i.id AND j.activity_id = 'finish' AND j.event = 'executed') <> 1
            """);
        Assert.True(endings.Count == 0, "instances that did not finish exactly once:\n" + string.Join("\n", endings));
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM bookmarks WHERE consumed_at IS NULL"));
        Assert.Equal(await ScalarAsync("SELECT count(*) FROM bookmarks WHERE outcome = 'resumed'"), await ScalarAsync("SELECT count(*) FROM journal WHERE event = 'resumed'"));
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM work_items"));
        output.WriteLine($"journal rows: {await ScalarAsync("SELECT count(*) FROM journal")}, bookmarks resumed: {await ScalarAsync("SELECT count(*) FROM bookmarks WHERE outcome = 'resumed'")}");
    }

    private async Task<HostProcess> StartHostAsync(string name)
    {
        var host = StartHost(name);
        await host.WaitUntilReadyAsync();
        return host;
    }

    private HostProcess StartHost(string name)
    {
        var host = HostProcesses.StartSignedIn(name, new Dictionary<string, string?>
        {
            ["ConnectionStrings__Sleek"] = database.ConnectionString,
            ["Sleek__Workers"] = "2",
            ["Sleek__WorkflowsDirectory"] = _folder.Path,
            ["Sleek__LeaseSeconds"] = LeaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The partner listens on 127.0.0.1: its name and its (loopback) address are allowed explicitly.
            ["Http__AllowedHosts"] = "127.0.0.1",
            ["Http__AllowedNetworks"] = "127.0.0.1",
        });
        _hosts.Add(host);
        return host;
    }

    private async Task<WorkItemLease?> WorkItemOfAsync(Guid instanceId)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT locked_by, locked_until, taken_over_from FROM work_items WHERE instance_id = @id ORDER BY id LIMIT 1", connection);
        command.Parameters.AddWithValue("id", instanceId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new WorkItemLease(reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetDateTime(1), reader.IsDBNull(2) ? null : reader.GetString(2))
            : null;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<List<string>> RowsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
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

    /// <summary>Runs the test; a failure carries the output of every host process it started.</summary>
    private async Task WithHostOutputAsync(Func<Task> test)
    {
        try
        {
            await test();
        }
        catch (Exception ex)
        {
            throw new XunitException($"{ex}\n\n{string.Join("\n\n", _hosts.Select(h => h.Describe()))}");
        }
    }

    private sealed record WorkItemLease(string? LockedBy, DateTime? LockedUntil, string? TakenOverFrom);

    /// <summary>The live hosts, taken in turn; a killed one is skipped.</summary>
    private sealed class HostPool(params HostProcess[] hosts)
    {
        private readonly HashSet<HostProcess> _killed = [];
        private int _next;

        public HostProcess Next()
        {
            lock (_killed)
            {
                var alive = hosts.Where(h => !_killed.Contains(h)).ToList();
                return alive[(int)((uint)Interlocked.Increment(ref _next) % alive.Count)];
            }
        }

        public bool IsKilled(HostProcess host)
        {
            lock (_killed)
            {
                return _killed.Contains(host);
            }
        }

        public void Kill(HostProcess host)
        {
            lock (_killed)
            {
                _killed.Add(host);
            }

            host.Kill();
        }

        /// <summary>Sends through the next live host; a request that dies with its host is sent again to another.</summary>
        public async Task<HttpResponseMessage> SendAsync(Func<HttpClient, Task<HttpResponseMessage>> send)
        {
            while (true)
            {
                var host = Next();
                try
                {
                    return await send(host.Client);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && IsKilled(host))
                {
                    // Died with its host: repeat it on a live one (resumes are exactly-once, so a repeat is safe).
                }
            }
        }
    }
}
