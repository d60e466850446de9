using System.Net;
using System.Text.Json.Nodes;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

/// <summary>
/// Bulk operations (issue 16 part 5): a dry run counts and samples without changing anything; a job cancels, retries
/// or migrates every instance the filter took, each once, with progress and failures with reasons; bad input names
/// the field.
/// </summary>
public abstract class BulkOperationsScenario(TestDatabase database) : HostScenario(database)
{
    [Fact]
    public async Task Dry_run_changes_nothing_then_a_job_cancels_every_selected_instance_once()
    {
        var api = StartHost(NewFolder().With(Waiting("bulk-wait", 1)).With(Waiting("bulk-wait", 2)));
        var ids = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            ids.Add(await StartWaitingAsync(api, "bulk-wait", 1));
        }

        var onV2 = await StartWaitingAsync(api, "bulk-wait", 2);
        var filter = new { definitionId = "bulk-wait", version = 1, status = new[] { "Suspended" } };

        using (var dry = await api.PostAsync("/api/bulk-operations/dry-run", new { operation = "cancel", filter }))
        {
            var preview = await SleekApi.ExpectAsync(dry, HttpStatusCode.OK);
            Assert.Equal(25, preview["matched"]!.GetValue<int>());
            var sample = preview["sample"]!.AsArray();
            Assert.Equal(20, sample.Count);
            Assert.Equal(ids.Take(20), sample.Select(s => s!["id"]!.GetValue<string>()));
        }

        foreach (var id in ids)
        {
            Assert.Equal("Suspended", SleekApi.Status(await api.GetInstanceAsync(id)));
        }

        var job = await RunJobAsync(api, new { operation = "cancel", filter, reason = "supplier left the marketplace" });
        Assert.Equal((25, 25, 0, 0), Progress(job));
        Assert.Empty(job["failures"]!.AsArray());
        foreach (var id in ids)
        {
            var instance = await api.GetInstanceAsync(id);
            Assert.Equal("Cancelled", SleekApi.Status(instance));
            Assert.Equal("cancelled: supplier left the marketplace", instance["error"]!.GetValue<string>());
        }

        Assert.Equal("Suspended", SleekApi.Status(await api.GetInstanceAsync(onV2)));

        // The same filter again takes nothing: each instance was cancelled once.
        var again = await RunJobAsync(api, new { operation = "cancel", filter });
        Assert.Equal((0, 0, 0, 0), Progress(again));

        var listed = (await api.GetJsonAsync("/api/bulk-operations")).AsArray();
        Assert.Contains(listed, j => j!["id"]!.GetValue<string>() == job["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Retry_incidents_reruns_the_failed_activity_of_each_faulted_instance()
    {
        var api = StartHost(NewFolder().With(TestDefinitions.AlwaysFails()));
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var id = SleekApi.Id(await api.StartAsync("always-fails"));
            await api.WaitForStatusAsync(id, "Faulted");
            ids.Add(id);
        }

        using (var dry = await api.PostAsync("/api/bulk-operations/dry-run", new { operation = "retryIncidents", filter = new { definitionId = "always-fails", incidentActivityId = "boom" } }))
        {
            Assert.Equal(4, (await SleekApi.ExpectAsync(dry, HttpStatusCode.OK))["matched"]!.GetValue<int>());
        }

        var job = await RunJobAsync(api, new { operation = "retryIncidents", filter = new { definitionId = "always-fails", hasOpenIncident = true } });
        Assert.Equal((4, 4, 0, 0), Progress(job));
        foreach (var id in ids)
        {
            // The retry ran boom again (a second Faulted entry), which fails again with a new incident.
            var instance = await Eventually.UntilAsync(
                () => api.GetInstanceAsync(id),
                i => SleekApi.Journal(i).Count(e => e.Activity == "boom" && e.Event == "Faulted") == 2 && SleekApi.Status(i) == "Faulted",
                $"instance {id} to fault again after the retry");
            Assert.Equal("Faulted", SleekApi.Status(instance));
        }

        var resolved = (await api.GetJsonAsync("/api/incidents?includeResolved=true"))["items"]!.AsArray()
            .Where(i => i!["resolution"]?.GetValue<string>() == "Retried").Select(i => i!["instanceId"]!.GetValue<string>());
        Assert.Equal(ids.Order(), resolved.Order());
    }

    [Fact]
    public async Task Migrate_moves_the_instances_that_can_move_and_reports_why_the_others_cannot()
    {
        var api = StartHost(NewFolder().With(TestDefinitions.OrderApproval(1)).With(TestDefinitions.OrderApproval(2)).With(TestDefinitions.OrderApproval(3)));
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await StartWaitingAsync(api, "order-approval", 1));
        }

        using (var dry = await api.PostAsync("/api/bulk-operations/dry-run", new { operation = "migrate", targetVersion = 3, filter = new { definitionId = "order-approval" } }))
        {
            var preview = await SleekApi.ExpectAsync(dry, HttpStatusCode.OK);
            Assert.Equal(3, preview["matched"]!.GetValue<int>());
            Assert.All(preview["sample"]!.AsArray(), s => Assert.Contains(s!["problems"]!.AsArray(), p => p!.GetValue<string>().Contains("'wait' is a Delay", StringComparison.Ordinal)));
        }

        var refused = await RunJobAsync(api, new { operation = "migrate", targetVersion = 3, filter = new { definitionId = "order-approval", version = 1 } });
        Assert.Equal((3, 0, 3, 0), Progress(refused));
        Assert.All(refused["failures"]!.AsArray(), f => Assert.Contains("waits.wait", f!["error"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal(ids.Order(), refused["failures"]!.AsArray().Select(f => f!["instanceId"]!.GetValue<string>()).Order());

        var moved = await RunJobAsync(api, new { operation = "migrate", targetVersion = 2, filter = new { definitionId = "order-approval", version = 1 } });
        Assert.Equal((3, 3, 0, 0), Progress(moved));
        foreach (var id in ids)
        {
            var instance = await api.GetInstanceAsync(id);
            Assert.Equal(2, instance["version"]!.GetValue<int>());
            Assert.Equal("web", instance["variables"]!["channel"]!.GetValue<string>());
            Assert.Equal("Migrated", instance["journal"]!.AsArray().Last()!["event"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Bad_requests_are_refused_naming_the_field_and_create_no_job()
    {
        var api = StartHost(NewFolder().With(Waiting("bulk-bad", 1)));
        await StartWaitingAsync(api, "bulk-bad", 1);
        var cases = new (object Body, string Field)[]
        {
            (new { filter = new { definitionId = "bulk-bad" } }, "operation"),
            (new { operation = "explode", filter = new { definitionId = "bulk-bad" } }, "operation"),
            (new { operation = "1", filter = new { definitionId = "bulk-bad" } }, "operation"),
            (new { operation = "cancel" }, "filter"),
            (new { operation = "cancel", filter = new { } }, "filter"),
            (new { operation = "cancel", filter = new { status = new[] { "Zombie" } } }, "filter.status"),
            (new { operation = "cancel", filter = new { status = new[] { "Completed" } } }, "filter.status"),
            (new { operation = "cancel", filter = new { definitionId = "no-such-flow" } }, "filter.definitionId"),
            (new { operation = "cancel", filter = new { definitionId = "bulk-bad", version = 0 } }, "filter.version"),
            (new { operation = "cancel", filter = new { olderThanMinutes = -5 } }, "filter.olderThanMinutes"),
            (new { operation = "cancel", filter = new { correlationId = new string('x', 201) } }, "filter.correlationId"),
            (new { operation = "cancel", targetVersion = 2, filter = new { definitionId = "bulk-bad" } }, "targetVersion"),
            (new { operation = "cancel", reason = new string('r', 1001), filter = new { definitionId = "bulk-bad" } }, "reason"),
            (new { operation = "migrate", filter = new { definitionId = "bulk-bad" } }, "targetVersion"),
            (new { operation = "migrate", targetVersion = 9, filter = new { definitionId = "bulk-bad" } }, "targetVersion"),
            (new { operation = "migrate", targetVersion = 1, filter = new { status = new[] { "Running" } } }, "filter.definitionId"),
        };
        foreach (var (body, field) in cases)
        {
            foreach (var path in new[] { "/api/bulk-operations/dry-run", "/api/bulk-operations" })
            {
                using var response = await api.PostAsync(path, body);
                await SleekApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, field);
            }
        }

        using (var wrongShape = await api.PostRawAsync("/api/bulk-operations", """{"operation":"cancel","filter":{"status":"Running"}}"""))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrongShape.StatusCode);
        }

        Assert.DoesNotContain((await api.GetJsonAsync("/api/bulk-operations")).AsArray(), j => j!["filter"]?["definitionId"]?.GetValue<string>() is "bulk-bad" or "no-such-flow");
        using var unknown = await api.GetAsync($"/api/bulk-operations/{Guid.NewGuid()}");
        await SleekApi.ExpectProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    /// <summary>Starts the job, checks the 202, and waits until it completes.</summary>
    private static async Task<JsonObject> RunJobAsync(SleekApi api, object body)
    {
        using var response = await api.PostAsync("/api/bulk-operations", body);
        var job = await SleekApi.ExpectAsync(response, HttpStatusCode.Accepted);
        var id = job["id"]!.GetValue<string>();
        Assert.Equal($"/api/bulk-operations/{id}", response.Headers.Location?.ToString());
        return (await Eventually.UntilAsync(
            () => api.GetJsonAsync($"/api/bulk-operations/{id}"),
            j => j["status"]!.GetValue<string>() == "Completed",
            $"bulk job {id} to complete",
            j => j.ToJsonString())).AsObject();
    }

    private static (int Total, int Done, int Failed, int Left) Progress(JsonNode job) =>
        (job["total"]!.GetValue<int>(), job["done"]!.GetValue<int>(), job["failed"]!.GetValue<int>(), job["left"]!.GetValue<int>());

    private static async Task<string> StartWaitingAsync(SleekApi api, string definitionId, int version)
    {
        using var response = await api.PostAsync("/api/instances", new { definitionId, version, correlationId = $"c-{Guid.NewGuid():N}" });
        var id = SleekApi.Id(await SleekApi.ExpectAsync(response, HttpStatusCode.Created));
        await api.WaitForStatusAsync(id, "Suspended");
        return id;
    }

    /// <summary>Start → wait for the event <c>Go</c>.</summary>
    private static JsonObject Waiting(string definitionId, int version) => JsonNode.Parse($$"""
        {
          "definitionId": "{{definitionId}}", "version": {{version}}, "name": "Waits (v{{version}})",
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "wait", "type": "WaitForEvent", "inputs": { "eventName": "Go" } }
            ],
            "connections": [ { "source": { "activity": "start" }, "target": { "activity": "wait" } } ]
          }
        }
        """)!.AsObject();
}

public sealed class BulkOperationsOnPostgres(PostgresDatabase database) : BulkOperationsScenario(database), IClassFixture<PostgresDatabase>;

public sealed class BulkOperationsOnSqlite(SqliteDatabase database) : BulkOperationsScenario(database), IClassFixture<SqliteDatabase>;
