using System.Net;
using Microsoft.Extensions.Time.Testing;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

/// <summary>A cancelled instance never resumes: its waits are gone, its tokens answer 409, its timers never fire.</summary>
public abstract class CancelScenario(TestDatabase database) : HostScenario(database)
{
    [Fact]
    public async Task Cancelled_instance_keeps_no_waits_refuses_its_tokens_and_its_timer_never_fires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var api = StartHost(NewFolder().WithSample("sample-payment-timeout").With(TestDefinitions.TenMinuteDelay()), clock);
        var correlation = $"order-{Guid.NewGuid():N}";
        var id = SleekApi.Id(await api.StartAsync("sample-payment-timeout", new { timeout = "PT5M" }, correlation));
        var waiting = await api.WaitForStatusAsync(id, "Suspended");
        var tokens = waiting["bookmarks"]!.AsArray().ToDictionary(b => b!["name"]!.GetValue<string>(), b => b!["token"]!.GetValue<string>());
        Assert.Equal(["PaymentReceived", "Timer"], tokens.Keys.Order());
        var journalBefore = waiting["journal"]!.ToJsonString();

        // A timer due after the cancelled one: once it has fired, the worker has passed the cancelled one's due time.
        var sentinel = SleekApi.Id(await api.StartAsync("ten-minute-delay"));
        await api.WaitForStatusAsync(sentinel, "Suspended");

        using (var cancelled = await api.PostAsync($"/api/instances/{id}/cancel", new { reason = "buyer withdrew" }))
        {
            Assert.Equal("Cancelled", SleekApi.Status(await SleekApi.ExpectAsync(cancelled, HttpStatusCode.OK)));
        }

        var after = await api.GetInstanceAsync(id);
        Assert.Equal("Cancelled", SleekApi.Status(after));
        Assert.Empty(after["bookmarks"]!.AsArray());
        Assert.Contains("buyer withdrew", after["error"]!.GetValue<string>(), StringComparison.Ordinal);

        foreach (var token in tokens.Values)
        {
            using var resume = await api.ResumeAsync(token, new { amount = 1 });
            var problem = await SleekApi.ExpectProblemAsync(resume, HttpStatusCode.Conflict);
            Assert.Contains("cancelled", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal("Cancelled", SleekApi.Status(problem["current"]!));
        }

        using (var late = await api.PublishEventAsync("PaymentReceived", correlation, new { amount = 1 }))
        {
            await SleekApi.ExpectProblemAsync(late, HttpStatusCode.Conflict);
        }

        clock.Advance(TimeSpan.FromMinutes(11));
        await api.WaitForStatusAsync(sentinel, "Completed");

        var final = await api.GetInstanceAsync(id);
        Assert.Equal("Cancelled", SleekApi.Status(final));
        Assert.Equal(journalBefore, final["journal"]!.ToJsonString());
        Assert.Equal("waiting", final["variables"]!["outcome"]!.GetValue<string>());
        var health = await api.GetJsonAsync("/health");
        Assert.Equal(0, health["workers"]!["dueWorkItems"]!.GetValue<int>());

        using var twice = await api.PostAsync($"/api/instances/{id}/cancel");
        await SleekApi.ExpectProblemAsync(twice, HttpStatusCode.Conflict);
    }
}

public sealed class CancelOnPostgres(PostgresDatabase database) : CancelScenario(database), IClassFixture<PostgresDatabase>;

public sealed class CancelOnSqlite(SqliteDatabase database) : CancelScenario(database), IClassFixture<SqliteDatabase>;
