using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Engine.Activities.BuiltIn;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

/// <summary>
/// Draft replay (issue 16 part 6): a draft run in memory against recorded instances of the published version, from
/// their recorded inputs and outcomes. A changed Decision threshold shows where the paths part; a change that leaves
/// every path alone shows none; and the replay writes nothing and calls nothing (the call-out is stubbed by its recording).
/// </summary>
public abstract class DraftReplayScenario(TestDatabase database) : HostScenario(database)
{
    [Fact]
    public async Task A_changed_decision_threshold_shows_where_each_instance_would_part_and_nothing_is_written_or_called()
    {
        var (api, partner) = StartWithPartner();
        var big = await OrderAsync(api, 150);
        var small = await OrderAsync(api, 50);
        var huge = await OrderAsync(api, 500);
        Assert.Equal(2, partner.Calls);
        var before = await SnapshotAsync(api, big, small, huge);

        await SaveDraftAsync(api, Order(version: 2, threshold: 200, message: "big order"));
        var report = await ReplayAsync(api, new { instanceIds = new[] { big, small, huge } });
        Assert.Equal((1, 3, 1), (report["fromVersion"]!.GetValue<int>(), report["replayed"]!.GetValue<int>(), report["diverged"]!.GetValue<int>()));

        // 150: v1 went True → call → big; the draft (over 200) goes False → small, at the decision's step.
        var parted = Result(report, big);
        Assert.Equal(["start:Done", "wait:Done", "amount:Done", "check:True", "call:Success", "big:Done"], Path(parted["recordedPath"]!));
        Assert.Equal(["start:Done", "wait:Done", "amount:Done", "check:False", "small:Done"], Path(parted["draftPath"]!));
        var difference = parted["firstDifference"]!;
        Assert.Equal(3, difference["index"]!.GetValue<int>());
        Assert.Equal(("check", "True"), (difference["recorded"]!["activityId"]!.GetValue<string>(), difference["recorded"]!["port"]!.GetValue<string>()));
        Assert.Equal(("check", "False"), (difference["draft"]!["activityId"]!.GetValue<string>(), difference["draft"]!["port"]!.GetValue<string>()));

        // 50 and 500 take the same path under both; 500's call is the recorded answer, not a new call.
        Assert.Null(Result(report, small)["firstDifference"]);
        var same = Result(report, huge);
        Assert.Null(same["firstDifference"]);
        Assert.Equal(["start:Done", "wait:Done", "amount:Done", "check:True", "call:Success", "big:Done"], Path(same["draftPath"]!));
        Assert.Null(same["draftStopped"]);

        Assert.Equal(2, partner.Calls);
        Assert.Equal(before, await SnapshotAsync(api, big, small, huge));
    }

    [Fact]
    public async Task A_draft_that_keeps_every_path_shows_no_difference_and_a_waiting_instance_stops_where_it_waits()
    {
        var (api, _) = StartWithPartner();
        var done = await OrderAsync(api, 150);
        var waiting = SleekApi.Id(await api.StartAsync("replay-order", correlationId: $"o-{Guid.NewGuid():N}"));
        await api.WaitForStatusAsync(waiting, "Suspended");

        await SaveDraftAsync(api, Order(version: 2, threshold: 100, message: "a big order (reworded)"));
        var report = await ReplayAsync(api, new { instanceIds = new[] { done, waiting } });
        Assert.Equal((2, 0), (report["replayed"]!.GetValue<int>(), report["diverged"]!.GetValue<int>()));
        var stopped = Result(report, waiting);
        Assert.Equal(["start:Done"], Path(stopped["draftPath"]!));
        Assert.Contains("never finished it", stopped["draftStopped"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_replay_requests_name_the_field()
    {
        var (api, _) = StartWithPartner();
        using (var noDraft = await api.PostAsync("/api/workflows/replay-bad/draft/replay", new { }))
        {
            await SleekApi.ExpectProblemAsync(noDraft, HttpStatusCode.Conflict);
        }

        using (var saved = await api.PutRawAsync("/api/workflows/replay-bad/draft", Order(version: 2, threshold: 200, message: "big order", id: "replay-bad").ToJsonString()))
        {
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }

        foreach (var (body, field) in new (object, string)[] { (new { fromVersion = 0 }, "fromVersion"), (new { fromVersion = 7 }, "fromVersion"), (new { limit = 0 }, "limit"), (new { limit = 101 }, "limit") })
        {
            using var response = await api.PostAsync("/api/workflows/replay-bad/draft/replay", body);
            await SleekApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, field);
        }

        using var unknown = await api.PostAsync("/api/workflows/no-such-flow/draft/replay", new { });
        await SleekApi.ExpectProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    private (SleekApi Api, FlakyPartner Partner) StartWithPartner()
    {
        var partner = new FlakyPartner(failures: 0);
        var api = StartHost(
            NewFolder().With(Order(version: 1, threshold: 100, message: "big order")).With(Order(version: 1, threshold: 100, message: "big order", id: "replay-bad")),
            services: s => s.AddHttpClient(HttpRequest.ClientName).ConfigurePrimaryHttpMessageHandler(() => partner),
            settings: PartnerSettings.Allowed());
        return (api, partner);
    }

    private static async Task<string> OrderAsync(SleekApi api, int amount)
    {
        var correlation = $"o-{Guid.NewGuid():N}";
        var id = SleekApi.Id(await api.StartAsync("replay-order", correlationId: correlation));
        await api.WaitForStatusAsync(id, "Suspended");
        using (var published = await api.PublishEventAsync("Order", correlation, new { amount }))
        {
            await SleekApi.ExpectAsync(published, HttpStatusCode.OK);
        }

        await api.WaitForStatusAsync(id, "Completed");
        return id;
    }

    private static async Task SaveDraftAsync(SleekApi api, JsonObject draft)
    {
        using var saved = await api.PutRawAsync("/api/workflows/replay-order/draft", draft.ToJsonString());
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
    }

    private static async Task<JsonNode> ReplayAsync(SleekApi api, object body)
    {
        using var response = await api.PostAsync("/api/workflows/replay-order/draft/replay", body);
        return await SleekApi.ExpectAsync(response, HttpStatusCode.OK);
    }

    /// <summary>What a replay must not change: the instances (count), and each one's status and journal.</summary>
    private static async Task<string> SnapshotAsync(SleekApi api, params string[] ids)
    {
        var list = await api.GetJsonAsync("/api/instances?definitionId=replay-order&pageSize=100");
        var parts = new List<string> { $"total={list["total"]}" };
        foreach (var id in ids)
        {
            var instance = await api.GetInstanceAsync(id);
            parts.Add($"{id}:{SleekApi.Status(instance)}:{instance["journal"]!.ToJsonString()}");
        }

        return string.Join("\n", parts);
    }

    private static JsonNode Result(JsonNode report, string id) =>
        report["results"]!.AsArray().Single(r => r!["instanceId"]!.GetValue<string>() == id)!;

    private static List<string> Path(JsonNode path) =>
        [.. path.AsArray().Select(s => $"{s!["activityId"]!.GetValue<string>()}:{s["port"]!.GetValue<string>()}")];

    /// <summary>start → wait for Order → amount = its payload's amount → over the threshold? → call the partner → big : small.</summary>
    private static JsonObject Order(int version, int threshold, string message, string id = "replay-order") => JsonNode.Parse($$"""
        {
          "definitionId": "{{id}}", "version": {{version}}, "name": "Order review",
          "variables": [ { "name": "amount", "type": "number", "default": 0 } ],
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "wait", "type": "WaitForEvent", "inputs": { "eventName": "Order" } },
              { "id": "amount", "type": "SetVariable", "inputs": { "variable": "amount", "value": { "$js": "outputs.wait.amount" } } },
              { "id": "check", "type": "Decision", "inputs": { "condition": { "$js": "variables.amount > {{threshold}}" } } },
              { "id": "call", "type": "HttpRequest", "inputs": { "url": "http://partner.test/approve" } },
              { "id": "big", "type": "Log", "inputs": { "message": "{{message}}" } },
              { "id": "small", "type": "Log", "inputs": { "message": "small order" } }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "wait" } },
              { "source": { "activity": "wait" }, "target": { "activity": "amount" } },
              { "source": { "activity": "amount" }, "target": { "activity": "check" } },
              { "source": { "activity": "check", "port": "True" }, "target": { "activity": "call" } },
              { "source": { "activity": "check", "port": "False" }, "target": { "activity": "small" } },
              { "source": { "activity": "call", "port": "Success" }, "target": { "activity": "big" } }
            ]
          }
        }
        """)!.AsObject();
}

public sealed class DraftReplayOnPostgres(PostgresDatabase database) : DraftReplayScenario(database), IClassFixture<PostgresDatabase>;

public sealed class DraftReplayOnSqlite(SqliteDatabase database) : DraftReplayScenario(database), IClassFixture<SqliteDatabase>;
