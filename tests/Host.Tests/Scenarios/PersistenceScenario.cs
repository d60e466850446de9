using System.Net;
using System.Text.Json.Nodes;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

/// <summary>An instance is stored and read back completely: state, waits, journal, and resumes from the store.</summary>
public abstract class PersistenceScenario(TestDatabase database) : HostScenario(database)
{
    [Fact]
    public async Task Started_instance_reads_back_suspended_with_its_task_and_journal_and_completes_on_resume()
    {
        var api = StartHost(NewFolder().WithSample("sample-approval"));

        var started = await api.StartAsync("sample-approval", new { requestId = "R-1", amount = 1200 }, correlationId: "request-R-1");
        var id = SleekApi.Id(started);
        var instance = await api.WaitForStatusAsync(id, "Suspended");

        Assert.Equal("sample-approval", instance["definitionId"]!.GetValue<string>());
        Assert.Equal(1, instance["version"]!.GetValue<int>());
        Assert.Equal("request-R-1", instance["correlationId"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"requestId":"R-1","amount":1200}"""), instance["input"]), instance["input"]!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"approved":false,"comment":""}"""), instance["variables"]), instance["variables"]!.ToJsonString());
        Assert.Null(instance["finishedAt"]);

        var task = SleekApi.SingleBookmark(instance);
        Assert.Equal("approve", task["activityId"]!.GetValue<string>());
        Assert.Equal("HumanTask", task["name"]!.GetValue<string>());
        var token = task["token"]!.GetValue<string>();
        Assert.True(token.Length >= 40, $"token '{token}' looks guessable");
        var data = task["data"]!;
        Assert.Equal("Approve request R-1", data["title"]!.GetValue<string>());
        Assert.Equal("ops", data["role"]!.GetValue<string>());
        Assert.Equal(["Approve", "Reject"], data["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()));
        var field = Assert.Single(data["form"]!.AsArray())!;
        Assert.Equal("comment", field["name"]!.GetValue<string>());
        Assert.Equal("string", field["type"]!.GetValue<string>());

        Assert.Equal(
            [("start", "Executed", 1), ("announce", "Executed", 1), ("approve", "Waiting", 1)],
            SleekApi.Journal(instance));
        Assert.Equal("Approval requested for R-1 (1200 USD)", instance["journal"]![1]!["output"]!.GetValue<string>());

        using (var resumed = await api.ResumeAsync(token, new { outcome = "Approve", comment = "ok" }))
        {
            await SleekApi.ExpectAsync(resumed, HttpStatusCode.OK);
        }

        var done = await api.WaitForStatusAsync(id, "Completed");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"approved":true,"comment":"ok"}"""), done["variables"]), done["variables"]!.ToJsonString());
        Assert.Empty(done["bookmarks"]!.AsArray());
        Assert.NotNull(done["finishedAt"]);
        Assert.Equal(
            [
                ("start", "Executed", 1), ("announce", "Executed", 1), ("approve", "Waiting", 1),
                ("approve", "Resumed", 1), ("mark-approved", "Executed", 1), ("keep-comment", "Executed", 1), ("end", "Executed", 1),
            ],
            SleekApi.Journal(done));
        var resumedRow = done["journal"]![3]!;
        Assert.Equal("Approve", resumedRow["ports"]!.GetValue<string>());
        Assert.Equal("ok", resumedRow["inputs"]!["payload"]!["comment"]!.GetValue<string>());

        var listed = await api.GetJsonAsync($"/api/instances?definitionId=sample-approval&correlationId=request-R-1&status=Completed");
        Assert.Equal(id, SleekApi.Id(Assert.Single(listed["items"]!.AsArray())!));
    }

    [Fact]
    public async Task Health_reports_the_database_and_its_provider()
    {
        var api = StartHost(NewFolder());

        var health = await api.GetJsonAsync("/health");

        Assert.True(health["database"]!["ok"]!.GetValue<bool>(), health.ToJsonString());
        Assert.Equal(Database.Provider, health["database"]!["provider"]!.GetValue<string>());
        Assert.Contains(health["status"]!.GetValue<string>(), new[] { "Healthy", "Degraded" });
    }
}

public sealed class PersistenceOnPostgres(PostgresDatabase database) : PersistenceScenario(database), IClassFixture<PostgresDatabase>;

public sealed class PersistenceOnSqlite(SqliteDatabase database) : PersistenceScenario(database), IClassFixture<SqliteDatabase>;
