using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Sleek.Workflows.Host.Tests.Processes;

/// <summary>
/// Child workflows across host processes on one PostgreSQL database, with SIGKILLs (issue 16 part 1). A parent's burst
/// dispatches a child, then its host is killed before the burst commits: the burst runs again on the other host and
/// dispatches the same child, so exactly one exists. The parent then executes a child and waits; the child's burst is
/// killed mid-call on its host, taken over by another, and its end resumes the parent, once, on whichever host.
/// </summary>
public sealed class ChildWorkflowsAcrossHostKill(PostgresDatabase database, ITestOutputHelper output) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const int LeaseSeconds = 3;

    private readonly List<HostProcess> _hosts = [];
    private readonly WorkflowsFolder _folder = new();

    [Fact]
    public async Task Parent_and_child_survive_a_SIGKILL_of_either_host_and_no_child_is_started_twice()
    {
        using var parentPartner = new HoldingPartner();
        using var childPartner = new HoldingPartner();
        _folder.With(Note()).With(Child(childPartner.Url)).With(Parent(parentPartner.Url));
        var (a, b) = (StartHost("A"), StartHost("B"));
        try
        {
            await Task.WhenAll(a.WaitUntilReadyAsync(), b.WaitUntilReadyAsync());

            // The parent's first burst dispatches its note child, then calls the partner (so it runs leased, in the request).
            var start = a.Client.PostAsJsonAsync("/api/instances", new { definitionId = "ck-parent", correlationId = "kill-1" });
            await parentPartner.FirstCall.WaitAsync(TimeSpan.FromSeconds(90));
            var parentId = await ScalarAsync<Guid>("SELECT id FROM workflow_instances WHERE definition_id = 'ck-parent'");
            var holder = HolderOf(await LockedByAsync(parentId));
            holder.Kill();
            _ = start.ContinueWith(t => t.Exception, TaskScheduler.Default); // its host is gone; the request fails
            var survivor = _hosts.Single(h => h != holder);
            await Eventually.UntilAsync(() => Task.FromResult(parentPartner.Calls), c => c >= 2, "the survivor to take the parent's burst over", timeout: TimeSpan.FromSeconds(90));
            parentPartner.Release();

            // A third host joins; the child's burst calls its partner on one of the two, which is killed mid-call.
            var c = StartHost("C");
            await c.WaitUntilReadyAsync();
            await childPartner.FirstCall.WaitAsync(TimeSpan.FromSeconds(90));
            var childId = await ScalarAsync<Guid>($"SELECT id FROM workflow_instances WHERE parent_instance_id = '{parentId}' AND parent_activity_id = 'exec'");
            var childHolder = HolderOf(await LockedByAsync(childId));
            childHolder.Kill();
            var last = _hosts.Single(h => !h.HasExited);
            await Eventually.UntilAsync(() => Task.FromResult(childPartner.Calls), n => n >= 2, "the last host to take the child's burst over", timeout: TimeSpan.FromSeconds(90));
            childPartner.Release();

            var parent = await Eventually.UntilAsync(
                () => last.Api.GetInstanceAsync(parentId.ToString()), i => SleekApi.Status(i) is "Completed" or "Faulted", "the parent to finish", i => i.ToJsonString(), TimeSpan.FromSeconds(90));
            Assert.Equal("Completed", SleekApi.Status(parent));
            Assert.Equal("shipped", parent["variables"]!["got"]!.GetValue<string>());

            // One child per activity execution, whatever was replayed: the note (dispatched twice, kept once) and the child.
            Assert.Equal(1L, await ScalarAsync<long>($"SELECT count(*) FROM workflow_instances WHERE parent_instance_id = '{parentId}' AND parent_activity_id = 'dispatch'"));
            Assert.Equal(1L, await ScalarAsync<long>($"SELECT count(*) FROM workflow_instances WHERE parent_instance_id = '{parentId}' AND parent_activity_id = 'exec'"));
            Assert.Equal(1L, await ScalarAsync<long>($"SELECT count(*) FROM journal WHERE instance_id = '{parentId}' AND activity_id = 'exec' AND event = 'resumed'"));
            Assert.Equal(2, parentPartner.Calls);
            Assert.Equal(2, childPartner.Calls);

            // The views link both ways.
            var children = parent["children"]!.AsArray();
            Assert.Equal(["dispatch", "exec"], children.Select(x => x!["activityId"]!.GetValue<string>()).Order());
            Assert.All(children, x => Assert.Equal("Completed", x!["status"]!.GetValue<string>()));
            var child = await last.Api.GetInstanceAsync(childId.ToString());
            Assert.Equal(parentId.ToString(), child["parent"]!["instanceId"]!.GetValue<string>());
            Assert.Equal("exec", child["parent"]!["activityId"]!.GetValue<string>());
            output.WriteLine($"killed {holder.Name} mid parent burst and {childHolder.Name} mid child burst; {last.Name} finished both");
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

    private HostProcess HolderOf(string? workerName) =>
        _hosts.SingleOrDefault(h => h.WorkerName == workerName) ?? throw new XunitException($"no host holds the burst (locked by '{workerName}')");

    /// <summary>start → dispatch ck-note → call the partner → exec ck-child (waits) → got = its result → end.</summary>
    private static JsonObject Parent(string url) => JsonNode.Parse($$"""
        {
          "definitionId": "ck-parent", "version": 1, "name": "Parent across kills",
          "variables": [ { "name": "got", "type": "any", "default": null } ],
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "dispatch", "type": "DispatchWorkflow", "inputs": { "workflowId": "ck-note" } },
              { "id": "call", "type": "HttpRequest", "inputs": { "url": "{{url}}", "timeoutSeconds": 300 } },
              { "id": "exec", "type": "ExecuteWorkflow", "inputs": { "workflowId": "ck-child", "input": { "item": "jacket" } } },
              { "id": "got", "type": "SetVariable", "inputs": { "variable": "got", "value": { "$js": "outputs.exec.output.result" } } },
              { "id": "end", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "dispatch" } },
              { "source": { "activity": "dispatch" }, "target": { "activity": "call" } },
              { "source": { "activity": "call", "port": "Success" }, "target": { "activity": "exec" } },
              { "source": { "activity": "exec", "port": "Completed" }, "target": { "activity": "got" } },
              { "source": { "activity": "got" }, "target": { "activity": "end" } }
            ]
          }
        }
        """)!.AsObject();

    /// <summary>start → call the partner → result = "shipped" → end.</summary>
    private static JsonObject Child(string url) => JsonNode.Parse($$"""
        {
          "definitionId": "ck-child", "version": 1, "name": "Child across kills",
          "inputs": [ { "name": "item", "type": "string", "required": true } ],
          "variables": [ { "name": "result", "type": "any", "default": null } ],
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "call", "type": "HttpRequest", "inputs": { "url": "{{url}}", "timeoutSeconds": 300 } },
              { "id": "set", "type": "SetVariable", "inputs": { "variable": "result", "value": "shipped" } },
              { "id": "end", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "call" } },
              { "source": { "activity": "call", "port": "Success" }, "target": { "activity": "set" } },
              { "source": { "activity": "set" }, "target": { "activity": "end" } }
            ]
          }
        }
        """)!.AsObject();

    private static JsonObject Note() => JsonNode.Parse("""
        {
          "definitionId": "ck-note", "version": 1, "name": "A dispatched note",
          "root": {
            "activities": [ { "id": "start", "type": "Start" }, { "id": "log", "type": "Log", "inputs": { "message": "noted" } } ],
            "connections": [ { "source": { "activity": "start" }, "target": { "activity": "log" } } ]
          }
        }
        """)!.AsObject();

    private HostProcess StartHost(string name)
    {
        var host = HostProcesses.StartSignedIn(name, new Dictionary<string, string?>
        {
            ["ConnectionStrings__Sleek"] = database.ConnectionString,
            ["Sleek__Workers"] = "2",
            ["Sleek__WorkflowsDirectory"] = _folder.Path,
            ["Sleek__LeaseSeconds"] = LeaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Http__AllowedHosts"] = "127.0.0.1",
            ["Http__AllowedNetworks"] = "127.0.0.1",
        });
        _hosts.Add(host);
        return host;
    }

    private async Task<string?> LockedByAsync(Guid instanceId) => await Eventually.UntilAsync(
        async () =>
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT locked_by FROM work_items WHERE instance_id = @id AND locked_by IS NOT NULL ORDER BY id LIMIT 1", connection);
            command.Parameters.AddWithValue("id", instanceId);
            return await command.ExecuteScalarAsync() as string;
        },
        w => w is not null,
        $"a host to hold instance {instanceId}'s work",
        timeout: TimeSpan.FromSeconds(60));

    private async Task<T> ScalarAsync<T>(string sql)
    {
        return await Eventually.UntilAsync(
            async () =>
            {
                await using var connection = new NpgsqlConnection(database.ConnectionString);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(sql, connection);
                var value = await command.ExecuteScalarAsync();
                return value is null or DBNull ? (false, default(T)!) : (true, (T)value);
            },
            r => r.Item1,
            sql,
            timeout: TimeSpan.FromSeconds(60)).ContinueWith(t => t.Result.Item2, TaskScheduler.Default);
    }
}
