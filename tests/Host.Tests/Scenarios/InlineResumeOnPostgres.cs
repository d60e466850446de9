using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

public sealed class InlineResumeOnPostgres(PostgresDatabase database) : InlineResumeScenario(database), IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Resume_while_a_burst_holds_the_instance_is_queued_then_runs_exactly_once()
    {
        var api = StartHost(NewFolder().With(TestDefinitions.WaitForPayment()));
        var started = await api.StartAsync("wait-payment", correlationId: $"order-{Guid.NewGuid():N}");
        var id = SleekApi.Id(started);
        var token = SleekApi.SingleBookmark(started)["token"]!.GetValue<string>();

        // A burst in flight holds the instance's row (as every burst does, FOR UPDATE until its commit).
        await using var burst = new NpgsqlConnection(Database.ConnectionString);
        await burst.OpenAsync();
        var transaction = await burst.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand($"SELECT id FROM workflow_instances WHERE id = '{id}' FOR UPDATE", burst, transaction))
        {
            Assert.NotNull(await lockRow.ExecuteScalarAsync());
        }

        // The resume does not wait for it with the bookmark in hand: it is accepted and queued (bookmark consumed,
        // work item committed), and only its run waits for the row.
        var resume = api.ResumeAsync(token, new { amount = 7 });
        var queued = await Eventually.UntilAsync(
            () => ScalarAsync($"SELECT count(*) FROM work_items w JOIN bookmarks b ON b.id = w.bookmark_id WHERE w.instance_id = '{id}' AND w.kind = 'resume' AND b.consumed_at IS NOT NULL"),
            n => n == 1, "the resume to be queued while the instance is busy", n => $"{n} queued", TimeSpan.FromSeconds(30));
        Assert.Equal(1, queued);
        Assert.False(resume.IsCompleted);

        // A repeat meanwhile finds the bookmark consumed.
        using (var repeat = await api.ResumeAsync(token, new { amount = 8 }))
        {
            await SleekApi.ExpectProblemAsync(repeat, HttpStatusCode.Conflict);
        }

        await transaction.RollbackAsync();
        using var answer = await resume.WaitAsync(TimeSpan.FromSeconds(60));
        var done = await SleekApi.ExpectAsync(answer, HttpStatusCode.OK);
        Assert.Equal("Completed", SleekApi.Status(done));
        Assert.Equal(7, done["variables"]!["paid"]!["amount"]!.GetValue<int>());

        var read = await api.GetInstanceAsync(id);
        Assert.Single(SleekApi.Journal(read), j => j.Activity == "wait" && j.Event == "Resumed");
        Assert.Single(SleekApi.Journal(read), j => j.Activity == "end");
        Assert.Equal(0, await ScalarAsync($"SELECT count(*) FROM work_items WHERE instance_id = '{id}'"));
    }

    [Fact]
    public async Task Inline_bursts_write_timers_closed_waits_journal_and_incidents_in_their_one_batch()
    {
        var api = StartHost(NewFolder().With(EventOrDeadlineThenFault()));
        var started = await api.StartAsync("event-or-deadline", correlationId: $"race-{Guid.NewGuid():N}");
        var id = SleekApi.Id(started);

        // The start's batch wrote both waits and the deadline's timer.
        var bookmarks = started["bookmarks"]!.AsArray();
        Assert.Equal(["deadline", "go"], bookmarks.Select(b => b!["activityId"]!.GetValue<string>()).Order());
        Assert.Equal(1, await ScalarAsync($"SELECT count(*) FROM work_items WHERE instance_id = '{id}' AND kind = 'timer' AND available_at > now() + interval '50 minutes'"));
        var token = bookmarks.Single(b => b!["activityId"]!.GetValue<string>() == "go")!["token"]!.GetValue<string>();

        // The event wins the WaitAny race: the deadline's wait is closed and its timer gone, in the resume's own batch,
        // which also wrote the journal and the incident of the Fault that follows.
        using var resumed = await api.ResumeAsync(token, new { by = "buyer" });
        var answer = await SleekApi.ExpectAsync(resumed, HttpStatusCode.OK);
        Assert.Equal("Faulted", SleekApi.Status(answer));
        Assert.Empty(answer["bookmarks"]!.AsArray());
        Assert.Contains("too late to change", answer["incidents"]![0]!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await ScalarAsync($"SELECT count(*) FROM work_items WHERE instance_id = '{id}'"));
        Assert.Equal(1, await ScalarAsync($"SELECT count(*) FROM bookmarks WHERE instance_id = '{id}' AND activity_id = 'deadline' AND outcome = 'cancelled' AND consumed_at IS NOT NULL"));
        Assert.Equal(1, await ScalarAsync($"SELECT count(*) FROM incidents WHERE instance_id = '{id}' AND activity_id = 'boom' AND resolved_at IS NULL"));

        var read = await api.GetInstanceAsync(id);
        Assert.True(JsonNode.DeepEquals(answer["incidents"], read["incidents"]), "the answer's incidents differ from the stored ones");
        Assert.Equal(
            [("start", "Executed", 1), ("fork", "Executed", 1), ("go", "Waiting", 1), ("deadline", "Waiting", 1), ("go", "Resumed", 1), ("deadline", "Cancelled", 1), ("first", "Executed", 1), ("boom", "Faulted", 1)],
            SleekApi.Journal(read));
    }

    /// <summary>Fork → WaitForEvent "Go" and a one-hour Delay → Join WaitAny → Fault.</summary>
    private static JsonObject EventOrDeadlineThenFault() => JsonNode.Parse("""
        {
          "definitionId": "event-or-deadline", "version": 1, "name": "Event or deadline, then fault",
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "fork", "type": "Fork", "inputs": { "branches": [ "Event", "Deadline" ] } },
              { "id": "go", "type": "WaitForEvent", "inputs": { "eventName": "Go" } },
              { "id": "deadline", "type": "Delay", "inputs": { "duration": "PT1H" } },
              { "id": "first", "type": "Join", "inputs": { "mode": "WaitAny" } },
              { "id": "boom", "type": "Fault", "inputs": { "message": "too late to change" } }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "fork" } },
              { "source": { "activity": "fork", "port": "Event" }, "target": { "activity": "go" } },
              { "source": { "activity": "fork", "port": "Deadline" }, "target": { "activity": "deadline" } },
              { "source": { "activity": "go" }, "target": { "activity": "first" } },
              { "source": { "activity": "deadline" }, "target": { "activity": "first" } },
              { "source": { "activity": "first" }, "target": { "activity": "boom" } }
            ]
          }
        }
        """)!.AsObject();

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
