using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

/// <summary>
/// Human tasks through <c>/api/tasks</c>: listed by role and instance, a bad form refused with the task
/// kept open, completed once (a repeat gets 409), and a domain guard can refuse a completion.
/// </summary>
public abstract class TasksScenario(TestDatabase database) : HostScenario(database)
{
    [Fact]
    public async Task Task_is_listed_refuses_a_bad_form_completes_once_and_the_instance_continues()
    {
        var api = StartHost(NewFolder().WithSample("sample-approval"));
        var id = SleekApi.Id(await api.StartAsync("sample-approval", new { requestId = "R-7", amount = 1200 }, $"req-{Guid.NewGuid():N}"));
        await api.WaitForStatusAsync(id, "Suspended");

        var page = await api.GetJsonAsync($"/api/tasks?role=ops&instanceId={id}");
        var task = Assert.Single(page["items"]!.AsArray())!;
        Assert.Equal("Approve request R-7", task["title"]!.GetValue<string>());
        Assert.Equal(["Approve", "Reject"], task["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()));
        var taskId = task["id"]!.GetValue<string>();
        Assert.Empty((await api.GetJsonAsync($"/api/tasks?role=supplier&instanceId={id}"))["items"]!.AsArray());

        using (var bad = await api.PostAsync($"/api/tasks/{taskId}/complete", new { outcome = "Maybe" }))
        {
            await SleekApi.ExpectProblemAsync(bad, HttpStatusCode.BadRequest, "outcome");
        }

        using (var notObject = await api.PostRawAsync($"/api/tasks/{taskId}/complete", "[1,2]"))
        {
            await SleekApi.ExpectProblemAsync(notObject, HttpStatusCode.BadRequest, "body");
        }

        Assert.Equal(taskId, (await api.GetJsonAsync($"/api/tasks/{taskId}"))["id"]!.GetValue<string>());

        using (var done = await api.PostAsync($"/api/tasks/{taskId}/complete", new { outcome = "Approve", comment = "fine" }))
        {
            Assert.Equal("Completed", SleekApi.Status(await SleekApi.ExpectAsync(done, HttpStatusCode.OK)));
        }

        using (var again = await api.PostAsync($"/api/tasks/{taskId}/complete", new { outcome = "Reject" }))
        {
            await SleekApi.ExpectProblemAsync(again, HttpStatusCode.Conflict);
        }

        using (var unknown = await api.PostAsync($"/api/tasks/{Guid.NewGuid()}/complete", new { outcome = "Approve" }))
        {
            await SleekApi.ExpectProblemAsync(unknown, HttpStatusCode.NotFound);
        }

        var instance = await api.GetInstanceAsync(id);
        Assert.True(instance["variables"]!["approved"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Guard_refusal_keeps_the_task_open_with_409_and_its_reason_on_every_path()
    {
        var api = StartHost(NewFolder().WithSample("sample-approval").WithSample("sample-payment-timeout"), services: s => s.AddSingleton<IResumeGuard>(new RefuseCorrelation("R-held")));
        var held = SleekApi.Id(await api.StartAsync("sample-approval", new { requestId = "R-held" }, "R-held"));
        await api.WaitForStatusAsync(held, "Suspended");
        var task = Assert.Single((await api.GetJsonAsync($"/api/tasks?instanceId={held}"))["items"]!.AsArray())!;

        // The engine asks the guard on each path a caller resumes by: the task API, the bookmark's token, an event.
        using (var refused = await api.PostAsync($"/api/tasks/{task["id"]}/complete", new { outcome = "Approve" }))
        {
            var problem = await SleekApi.ExpectProblemAsync(refused, HttpStatusCode.Conflict);
            Assert.Contains("on hold", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        var token = SleekApi.SingleBookmark(await api.GetInstanceAsync(held))["token"]!.GetValue<string>();
        using (var refused = await api.ResumeAsync(token, new { outcome = "Approve" }))
        {
            await SleekApi.ExpectProblemAsync(refused, HttpStatusCode.Conflict);
        }

        Assert.Equal("Suspended", SleekApi.Status(await api.GetInstanceAsync(held)));
        Assert.Single((await api.GetJsonAsync($"/api/tasks?instanceId={held}"))["items"]!.AsArray());

        var waiting = SleekApi.Id(await api.StartAsync("sample-payment-timeout", null, "R-held"));
        await api.WaitForStatusAsync(waiting, "Suspended");
        using (var refused = await api.PublishEventAsync("PaymentReceived", "R-held", new { amount = 1 }))
        {
            await SleekApi.ExpectProblemAsync(refused, HttpStatusCode.Conflict);
        }

        Assert.Equal("Suspended", SleekApi.Status(await api.GetInstanceAsync(waiting)));
    }

    private sealed class RefuseCorrelation(string correlationId) : IResumeGuard
    {
        public ValueTask<ResumeRefusal?> CheckAsync(ResumeAttempt attempt, CancellationToken cancellationToken) =>
            ValueTask.FromResult(attempt.CorrelationId == correlationId ? ResumeRefusal.Conflict($"{correlationId} is on hold; release it first") : null);
    }
}

public sealed class TasksOnPostgres(PostgresDatabase database) : TasksScenario(database), IClassFixture<PostgresDatabase>;

public sealed class TasksOnSqlite(SqliteDatabase database) : TasksScenario(database), IClassFixture<SqliteDatabase>;
