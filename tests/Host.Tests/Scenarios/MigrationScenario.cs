using System.Net;
using System.Text.Json.Nodes;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

/// <summary>
/// Moving running instances to another version of their definition: accepted when safe, refused with
/// every problem (and nothing changed) when not, and a dry-run over all instances of a definition.
/// </summary>
public abstract class MigrationScenario(TestDatabase database) : HostScenario(database)
{
    private SleekApi StartHostWithThreeVersions() => StartHost(NewFolder()
        .With(TestDefinitions.OrderApproval(1))
        .With(TestDefinitions.OrderApproval(2))
        .With(TestDefinitions.OrderApproval(3)));

    private static async Task<string> StartOnV1Async(SleekApi api, string correlationId)
    {
        using var response = await api.PostAsync("/api/instances", new { definitionId = "order-approval", version = 1, correlationId });
        var id = SleekApi.Id(await SleekApi.ExpectAsync(response, HttpStatusCode.Created));
        var instance = await api.WaitForStatusAsync(id, "Suspended");
        Assert.Equal(1, instance["version"]!.GetValue<int>());
        return id;
    }

    private static async Task<HttpResponseMessage> MigrateAsync(SleekApi api, string id, object body) =>
        await api.PostAsync($"/api/instances/{id}/migrate", body);

    [Fact]
    public async Task Waiting_instance_moves_to_a_compatible_version_gets_new_defaults_and_continues_there()
    {
        var api = StartHostWithThreeVersions();
        var correlation = $"order-{Guid.NewGuid():N}";
        var id = await StartOnV1Async(api, correlation);

        using (var migrated = await MigrateAsync(api, id, new { targetVersion = 2 }))
        {
            var body = await SleekApi.ExpectAsync(migrated, HttpStatusCode.OK);
            Assert.Equal(("Suspended", 2), (SleekApi.Status(body), body["version"]!.GetValue<int>()));
            Assert.Equal("web", body["variables"]!["channel"]!.GetValue<string>());
            Assert.Equal(0, body["variables"]!["amount"]!.GetValue<int>());
        }

        var moved = await api.GetInstanceAsync(id);
        var record = moved["journal"]!.AsArray().Last()!;
        Assert.Equal("Migrated", record["event"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"fromVersion":1,"toVersion":2,"addedVariables":["channel"]}"""), record["inputs"]));
        Assert.Equal("wait", SleekApi.SingleBookmark(moved)["activityId"]!.GetValue<string>());

        using (var approved = await api.PublishEventAsync("Approved", correlation, new { by = "ops" }))
        {
            await SleekApi.ExpectAsync(approved, HttpStatusCode.OK);
        }

        var done = await api.WaitForStatusAsync(id, "Completed");
        Assert.True(done["variables"]!["approved"]!.GetValue<bool>());
        var notify = done["journal"]!.AsArray().Single(j => j!["activityId"]!.GetValue<string>() == "notify")!;
        Assert.Equal("approved (v2)", notify["inputs"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unsafe_migration_is_refused_with_every_problem_and_changes_nothing()
    {
        var api = StartHostWithThreeVersions();
        var id = await StartOnV1Async(api, $"order-{Guid.NewGuid():N}");
        var before = await api.GetInstanceAsync(id);

        using (var refused = await MigrateAsync(api, id, new { targetVersion = 3 }))
        {
            var problem = await SleekApi.ExpectProblemAsync(refused, HttpStatusCode.Conflict, "waits.wait", "variables.amount");
            Assert.Contains("as a WaitForEvent, but in version 3 'wait' is a Delay", problem["errors"]!["waits.wait"]![0]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains("version 3 does not declare it", problem["errors"]!["variables.amount"]![0]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(1, problem["current"]!["version"]!.GetValue<int>());
        }

        var after = await api.GetInstanceAsync(id);
        Assert.Equal(1, after["version"]!.GetValue<int>());
        Assert.Equal(before["journal"]!.ToJsonString(), after["journal"]!.ToJsonString());
        Assert.Equal(before["variables"]!.ToJsonString(), after["variables"]!.ToJsonString());

        using (var unknown = await MigrateAsync(api, id, new { targetVersion = 9 }))
        {
            await SleekApi.ExpectProblemAsync(unknown, HttpStatusCode.BadRequest, "targetVersion");
        }

        using (var missing = await MigrateAsync(api, id, new { }))
        {
            await SleekApi.ExpectProblemAsync(missing, HttpStatusCode.BadRequest, "targetVersion");
        }

        using (var same = await MigrateAsync(api, id, new { targetVersion = 1 }))
        {
            await SleekApi.ExpectProblemAsync(same, HttpStatusCode.Conflict, "targetVersion");
        }

        using (var cancelled = await api.PostAsync($"/api/instances/{id}/cancel"))
        {
            await SleekApi.ExpectAsync(cancelled, HttpStatusCode.OK);
        }

        using (var finished = await MigrateAsync(api, id, new { targetVersion = 2 }))
        {
            await SleekApi.ExpectProblemAsync(finished, HttpStatusCode.Conflict, "status");
        }

        using var nobody = await MigrateAsync(api, Guid.NewGuid().ToString(), new { targetVersion = 2 });
        await SleekApi.ExpectProblemAsync(nobody, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Dry_run_reports_for_every_running_instance_whether_it_can_move_and_why_not()
    {
        var api = StartHostWithThreeVersions();
        var first = await StartOnV1Async(api, $"order-{Guid.NewGuid():N}");
        var second = await StartOnV1Async(api, $"order-{Guid.NewGuid():N}");
        using (var moved = await MigrateAsync(api, second, new { targetVersion = 2 }))
        {
            await SleekApi.ExpectAsync(moved, HttpStatusCode.OK);
        }

        var toV3 = await DryRunAsync(api, new { targetVersion = 3 });
        Assert.Equal((2, 0), (toV3["total"]!.GetValue<int>(), toV3["movable"]!.GetValue<int>()));
        var items = toV3["instances"]!.AsArray().ToDictionary(i => i!["instanceId"]!.GetValue<string>());
        Assert.Equal(new[] { first, second }.Order(), items.Keys.Order());
        Assert.Equal(1, items[first]!["version"]!.GetValue<int>());
        Assert.Equal(2, items[second]!["version"]!.GetValue<int>());
        Assert.False(items[first]!["canMove"]!.GetValue<bool>());
        Assert.Equal(["waits.wait", "variables.amount"], items[first]!["problems"]!.AsArray().Select(p => p!["field"]!.GetValue<string>()));

        var onlyV1 = await DryRunAsync(api, new { targetVersion = 2, fromVersion = 1 });
        var candidate = Assert.Single(onlyV1["instances"]!.AsArray())!;
        Assert.Equal(first, candidate["instanceId"]!.GetValue<string>());
        Assert.True(candidate["canMove"]!.GetValue<bool>());
        Assert.Empty(candidate["problems"]!.AsArray());
        Assert.Equal(1, onlyV1["movable"]!.GetValue<int>());

        using (var unknown = await api.PostAsync("/api/workflows/order-approval/migrations/dry-run", new { targetVersion = 7, fromVersion = 5 }))
        {
            await SleekApi.ExpectProblemAsync(unknown, HttpStatusCode.BadRequest, "targetVersion", "fromVersion");
        }

        using var nothing = await api.PostAsync("/api/workflows/no-such-flow/migrations/dry-run", new { targetVersion = 2 });
        await SleekApi.ExpectProblemAsync(nothing, HttpStatusCode.NotFound);
    }

    private static async Task<JsonNode> DryRunAsync(SleekApi api, object body)
    {
        using var response = await api.PostAsync("/api/workflows/order-approval/migrations/dry-run", body);
        return await SleekApi.ExpectAsync(response, HttpStatusCode.OK);
    }
}

public sealed class MigrationOnPostgres(PostgresDatabase database) : MigrationScenario(database), IClassFixture<PostgresDatabase>;

public sealed class MigrationOnSqlite(SqliteDatabase database) : MigrationScenario(database), IClassFixture<SqliteDatabase>;
