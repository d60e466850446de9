using System.Net;
using Microsoft.Extensions.Time.Testing;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

/// <summary>Finished instances are purged with everything they own once retention has passed; others stay.</summary>
public abstract class RetentionScenario(TestDatabase database) : HostScenario(database)
{
    [Fact]
    public async Task Completed_and_cancelled_instances_are_purged_after_retention_while_waiting_and_faulted_ones_stay()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var folder = NewFolder()
            .With(TestDefinitions.Logging("quick-log", "hi"))
            .With(TestDefinitions.WaitForPayment())
            .With(TestDefinitions.AlwaysFails());
        var api = StartHost(folder, clock, settings: new Dictionary<string, string> { ["Sleek:Retention:Days"] = "1" });
        var completed = SleekApi.Id(await api.StartAsync("quick-log"));
        var waiting = SleekApi.Id(await api.StartAsync("wait-payment", correlationId: $"order-{Guid.NewGuid():N}"));
        var faulted = SleekApi.Id(await api.StartAsync("always-fails"));
        var cancelled = SleekApi.Id(await api.StartAsync("wait-payment", correlationId: $"order-{Guid.NewGuid():N}"));
        await api.WaitForStatusAsync(completed, "Completed");
        await api.WaitForStatusAsync(waiting, "Suspended");
        await api.WaitForStatusAsync(faulted, "Faulted");
        using (var cancel = await api.PostAsync($"/api/instances/{cancelled}/cancel"))
        {
            await SleekApi.ExpectAsync(cancel, HttpStatusCode.OK);
        }

        // Hour by hour: the purge runs every hour of the host's clock and removes what finished over a day ago.
        // (The two finished at the clock's start to within a microsecond: either may go one hourly pass first.)
        await Eventually.UntilAsync(
            async () =>
            {
                clock.Advance(TimeSpan.FromHours(1));
                using var first = await api.GetAsync($"/api/instances/{completed}");
                using var second = await api.GetAsync($"/api/instances/{cancelled}");
                return (first.StatusCode, second.StatusCode);
            },
            status => status == (HttpStatusCode.NotFound, HttpStatusCode.NotFound),
            "the completed and the cancelled instance to be purged");

        using (var gone = await api.GetAsync($"/api/instances/{cancelled}"))
        {
            await SleekApi.ExpectProblemAsync(gone, HttpStatusCode.NotFound);
        }

        using (var journal = await api.GetAsync($"/api/instances/{completed}/journal"))
        {
            await SleekApi.ExpectProblemAsync(journal, HttpStatusCode.NotFound);
        }

        Assert.Equal(0, (await api.GetJsonAsync("/api/instances?definitionId=quick-log"))["total"]!.GetValue<int>());
        var stillWaiting = await api.GetInstanceAsync(waiting);
        Assert.Equal("Suspended", SleekApi.Status(stillWaiting));
        Assert.NotEmpty(stillWaiting["journal"]!.AsArray());
        SleekApi.SingleBookmark(stillWaiting);
        var stillFaulted = await api.GetInstanceAsync(faulted);
        Assert.Equal("Faulted", SleekApi.Status(stillFaulted));
        Assert.Single(stillFaulted["incidents"]!.AsArray());
    }
}

public sealed class RetentionOnPostgres(PostgresDatabase database) : RetentionScenario(database), IClassFixture<PostgresDatabase>;

public sealed class RetentionOnSqlite(SqliteDatabase database) : RetentionScenario(database), IClassFixture<SqliteDatabase>;
