using System.Net;
using Microsoft.Extensions.Time.Testing;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

/// <summary>Waiting instances survive a host restart: events, tokens and timers resume them in the next host.</summary>
public abstract class RestartScenario(TestDatabase database) : HostScenario(database)
{
    [Fact]
    public async Task Instances_waiting_on_an_event_a_timer_and_a_task_resume_after_the_host_restarts()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var folder = NewFolder().With(TestDefinitions.WaitForPayment()).With(TestDefinitions.TenMinuteDelay()).WithSample("sample-approval");
        var correlation = $"order-{Guid.NewGuid():N}";

        var first = NewHost(folder, clock);
        var api = new SleekApi(first.CreateClient());
        var waiting = SleekApi.Id(await api.StartAsync("wait-payment", correlationId: correlation));
        var sleeping = SleekApi.Id(await api.StartAsync("ten-minute-delay"));
        var approval = SleekApi.Id(await api.StartAsync("sample-approval", new { requestId = "R-7" }));
        await api.WaitForStatusAsync(waiting, "Suspended");
        await api.WaitForStatusAsync(sleeping, "Suspended");
        var token = SleekApi.SingleBookmark(await api.WaitForStatusAsync(approval, "Suspended"))["token"]!.GetValue<string>();
        await StopAsync(first);

        api = StartHost(folder, clock);
        foreach (var id in new[] { waiting, sleeping, approval })
        {
            var survived = await api.GetInstanceAsync(id);
            Assert.Equal("Suspended", SleekApi.Status(survived));
            SleekApi.SingleBookmark(survived);
        }

        using (var published = await api.PublishEventAsync("OrderPaid", correlation, new { amount = 5 }))
        {
            await SleekApi.ExpectAsync(published, HttpStatusCode.OK);
        }

        var paid = await api.WaitForStatusAsync(waiting, "Completed");
        Assert.Equal(5, paid["variables"]!["paid"]!["amount"]!.GetValue<int>());
        Assert.True(paid["variables"]!["done"]!.GetValue<bool>());

        // No request: the new host's worker notices the due timer on its own.
        clock.Advance(TimeSpan.FromMinutes(11));
        var woke = await api.WaitForStatusAsync(sleeping, "Completed");
        Assert.True(woke["variables"]!["done"]!.GetValue<bool>());
        Assert.Contains(("delay", "Resumed", 1), SleekApi.Journal(woke));

        using (var resumed = await api.ResumeAsync(token, new { outcome = "Reject" }))
        {
            await SleekApi.ExpectAsync(resumed, HttpStatusCode.OK);
        }

        var decided = await api.WaitForStatusAsync(approval, "Completed");
        Assert.False(decided["variables"]!["approved"]!.GetValue<bool>());
        Assert.Contains(("mark-rejected", "Executed", 1), SleekApi.Journal(decided));
    }
}

public sealed class RestartOnPostgres(PostgresDatabase database) : RestartScenario(database), IClassFixture<PostgresDatabase>;

public sealed class RestartOnSqlite(SqliteDatabase database) : RestartScenario(database), IClassFixture<SqliteDatabase>;
