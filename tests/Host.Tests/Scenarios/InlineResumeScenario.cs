using System.Net;
using System.Text.Json.Nodes;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

/// <summary>
/// A resume runs its burst inline in the request, in one transaction with the consumed bookmark: still exactly
/// once under a crowd of racers, and its answer is the instance as committed.
/// </summary>
public abstract class InlineResumeScenario(TestDatabase database) : HostScenario(database)
{
    private const int Racers = 32;

    [Fact]
    public async Task Thirty_two_parallel_resumes_of_one_bookmark_resume_it_exactly_once()
    {
        var api = StartHost(NewFolder().With(TestDefinitions.WaitForPayment()));
        var started = await api.StartAsync("wait-payment", correlationId: $"order-{Guid.NewGuid():N}");
        var id = SleekApi.Id(started);
        var token = SleekApi.SingleBookmark(started)["token"]!.GetValue<string>();

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable.Range(0, Racers).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            return await api.ResumeAsync(token, new { amount = i });
        })).ToArray();
        gate.SetResult();
        var responses = await Task.WhenAll(racers);

        var winner = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var answer = await SleekApi.ExpectAsync(winner, HttpStatusCode.OK);
        Assert.Equal("Completed", SleekApi.Status(answer));
        foreach (var response in responses.Where(r => r != winner))
        {
            var problem = await SleekApi.ExpectProblemAsync(response, HttpStatusCode.Conflict);
            Assert.Matches("already resumed|is Completed and does not resume", problem["detail"]!.GetValue<string>());
            Assert.Equal(id, SleekApi.Id(problem["current"]!));
        }

        var done = await api.GetInstanceAsync(id);
        var journal = SleekApi.Journal(done);
        Assert.Single(journal, j => j.Activity == "wait" && j.Event == "Resumed");
        Assert.Single(journal, j => j.Activity == "keep");
        Assert.Single(journal, j => j.Activity == "end");
        Assert.True(JsonNode.DeepEquals(answer["variables"]!["paid"], done["variables"]!["paid"]));
    }

    [Fact]
    public async Task Resume_answer_is_the_instance_as_committed()
    {
        var api = StartHost(NewFolder().WithSample("sample-approval"));
        var started = await api.StartAsync("sample-approval", new { requestId = "R-inline" });
        var id = SleekApi.Id(started);
        Assert.True(JsonNode.DeepEquals(Comparable(started), Comparable(await api.GetInstanceAsync(id))), "the start's answer differs from the instance read back");

        var token = SleekApi.SingleBookmark(started)["token"]!.GetValue<string>();
        using var resumed = await api.ResumeAsync(token, new { outcome = "Approve", comment = "fine" });
        var answer = await SleekApi.ExpectAsync(resumed, HttpStatusCode.OK);

        Assert.True(JsonNode.DeepEquals(Comparable(answer), Comparable(await api.GetInstanceAsync(id))), "the resume's answer differs from the instance read back");
    }

    /// <summary>The instance without its journal (the answer of a command carries none; a read carries a page).</summary>
    private static JsonNode Comparable(JsonNode instance)
    {
        var copy = instance.DeepClone().AsObject();
        copy.Remove("journal");
        copy.Remove("journalHasMore");
        return copy;
    }
}

public sealed class InlineResumeOnSqlite(SqliteDatabase database) : InlineResumeScenario(database), IClassFixture<SqliteDatabase>;
