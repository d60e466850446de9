using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

/// <summary>Racing resumes of one wait: exactly one wins, the rest get 409 with the instance, the resumed path runs once.</summary>
public abstract class ExactlyOnceScenario(TestDatabase database) : HostScenario(database)
{
    private const int Racers = 20;

    [Fact]
    public async Task Twenty_concurrent_resumes_of_one_token_resume_it_exactly_once()
    {
        var api = StartHost(NewFolder().WithSample("sample-approval"));
        var id = SleekApi.Id(await api.StartAsync("sample-approval", new { requestId = "R-2" }));
        var token = SleekApi.SingleBookmark(await api.WaitForStatusAsync(id, "Suspended"))["token"]!.GetValue<string>();

        var responses = await RaceAsync(() => api.ResumeAsync(token, new { outcome = "Approve", comment = "race" }));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.OK).ToList();
        Assert.Equal(Racers - 1, refused.Count);
        foreach (var response in refused)
        {
            var problem = await SleekApi.ExpectProblemAsync(response, HttpStatusCode.Conflict);
            // A loser that read the bookmark before the winner consumed it may only notice the instance has moved on.
            Assert.Matches("already resumed|is Completed and does not resume", problem["detail"]!.GetValue<string>());
            Assert.Equal(id, SleekApi.Id(problem["current"]!));
            Assert.Contains(SleekApi.Status(problem["current"]!), new[] { "Running", "Suspended", "Completed" });
        }

        var done = await api.WaitForStatusAsync(id, "Completed");
        var journal = SleekApi.Journal(done);
        Assert.Single(journal, j => j.Activity == "approve" && j.Event == "Resumed");
        Assert.Single(journal, j => j.Activity == "mark-approved");
        Assert.Single(journal, j => j.Activity == "keep-comment");
        Assert.Single(journal, j => j.Activity == "end");
        Assert.Equal("race", done["variables"]!["comment"]!.GetValue<string>());

        using var again = await api.ResumeAsync(token, new { outcome = "Approve" });
        var late = await SleekApi.ExpectProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Equal("Completed", SleekApi.Status(late["current"]!));
    }

    [Fact]
    public async Task Twenty_concurrent_events_for_one_correlation_id_resume_the_wait_exactly_once()
    {
        var api = StartHost(NewFolder().With(TestDefinitions.WaitForPayment()));
        var correlation = $"order-{Guid.NewGuid():N}";
        var id = SleekApi.Id(await api.StartAsync("wait-payment", correlationId: correlation));
        await api.WaitForStatusAsync(id, "Suspended");

        var responses = await RaceAsync(() => api.PublishEventAsync("OrderPaid", correlation, new { amount = 9 }));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.OK).ToList();
        Assert.Equal(Racers - 1, refused.Count);
        foreach (var response in refused)
        {
            var problem = await SleekApi.ExpectProblemAsync(response, HttpStatusCode.Conflict);
            var current = Assert.Single(problem["current"]!["resumed"]!.AsArray())!;
            Assert.Equal(id, SleekApi.Id(current));
            Assert.Contains(SleekApi.Status(current), new[] { "Running", "Suspended", "Completed" });
        }

        var done = await api.WaitForStatusAsync(id, "Completed");
        var journal = SleekApi.Journal(done);
        Assert.Single(journal, j => j.Activity == "wait" && j.Event == "Resumed");
        Assert.Single(journal, j => j.Activity == "keep");
        Assert.Single(journal, j => j.Activity == "note");
        Assert.Single(journal, j => j.Activity == "finish");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"amount":9}"""), done["variables"]!["paid"]));
    }

    [Fact]
    public async Task Event_accepted_while_a_timer_fires_on_the_other_branch_of_a_join_is_not_lost()
    {
        // The timer's burst may run after the event's bookmark is consumed but before the event's own
        // burst: it must still count the accepted event as a wait and not complete the instance early.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var api = StartHost(NewFolder().With(TestDefinitions.EventAndDelay()), clock);
        for (var round = 0; round < 10; round++)
        {
            var instances = new List<(string Id, string Correlation)>();
            for (var i = 0; i < 10; i++)
            {
                var correlation = $"go-{Guid.NewGuid():N}";
                var id = SleekApi.Id(await api.StartAsync("event-and-delay", correlationId: correlation));
                await api.WaitForStatusAsync(id, "Suspended");
                instances.Add((id, correlation));
            }

            clock.Advance(TimeSpan.FromMinutes(6));
            var responses = await Task.WhenAll(instances.Select(x => Task.Run(() => api.PublishEventAsync("Go", x.Correlation, null))));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

            foreach (var (id, _) in instances)
            {
                var done = await api.WaitForStatusAsync(id, "Completed");
                var journal = SleekApi.Journal(done);
                Assert.True(done["variables"]!["done"]!.GetValue<bool>(), $"completed without passing the join: {done.ToJsonString()}");
                Assert.Single(journal, j => j.Activity == "wait" && j.Event == "Resumed");
                Assert.Single(journal, j => j.Activity == "delay" && j.Event == "Resumed");
                Assert.Single(journal, j => j.Activity == "finish");
            }
        }
    }

    /// <summary>Sends the requests at once: all wait on one gate, then run on the thread pool together.</summary>
    private static async Task<HttpResponseMessage[]> RaceAsync(Func<Task<HttpResponseMessage>> send)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable.Range(0, Racers).Select(_ => Task.Run(async () =>
        {
            await gate.Task;
            return await send();
        })).ToArray();
        gate.SetResult();
        return await Task.WhenAll(racers);
    }
}

public sealed class ExactlyOnceOnPostgres(PostgresDatabase database) : ExactlyOnceScenario(database), IClassFixture<PostgresDatabase>;

public sealed class ExactlyOnceOnSqlite(SqliteDatabase database) : ExactlyOnceScenario(database), IClassFixture<SqliteDatabase>;
