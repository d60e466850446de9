using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sleek.Workflows.Engine.Activities.BuiltIn;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

/// <summary>
/// An activity with a retry policy: failed tries wait (Suspended) and run again after a backoff under
/// the same execution number and idempotency key; when the tries are spent, an incident.
/// </summary>
public abstract class RetryScenario(TestDatabase database) : HostScenario(database)
{
    private const string Url = "http://partner.test/ping";

    private (SleekApi Api, FakeTimeProvider Clock) StartHostWith(FlakyPartner partner, int maxAttempts, WorkflowsFolder? folder = null)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var api = StartHost(
            (folder ?? NewFolder()).With(TestDefinitions.CallPartnerWithRetry(Url, maxAttempts)),
            clock,
            s => s.AddHttpClient(HttpRequest.ClientName).ConfigurePrimaryHttpMessageHandler(() => partner),
            PartnerSettings.Allowed());
        return (api, clock);
    }

    /// <summary>
    /// Waits until the burst that made the <paramref name="count"/>th try has committed. The clock may
    /// only move after that: a worker rather than the request may run a burst, so the start's answer can
    /// come before its first try.
    /// </summary>
    private static Task<JsonObject> WaitForFailedTriesAsync(SleekApi api, string id, int count) =>
        Eventually.UntilAsync(
            () => api.GetInstanceAsync(id),
            // The instance row and its journal are read one after the other: wait until both show the try.
            i => SleekApi.Journal(i).Count(j => j == ("call", "Faulted", 1)) == count
                && (SleekApi.Status(i) == "Faulted" || i["pendingRetries"]!.AsArray().Any(r => r!["failedAttempts"]!.GetValue<int>() == count)),
            $"{count} failed tries of 'call'",
            i => i.ToJsonString());

    [Fact]
    public async Task Call_that_fails_twice_is_retried_with_backoff_and_completes_with_its_tries_in_the_journal()
    {
        var partner = new FlakyPartner(failures: 2);
        var (api, clock) = StartHostWith(partner, maxAttempts: 3);

        var id = SleekApi.Id(await api.StartAsync("call-partner-retry-3"));
        var started = await WaitForFailedTriesAsync(api, id, 1);
        Assert.Equal("Suspended", SleekApi.Status(started));
        var pending = Assert.Single(started["pendingRetries"]!.AsArray())!;
        Assert.Equal(("call", 1, 1), (pending["activityId"]!.GetValue<string>(), pending["executionNumber"]!.GetValue<int>(), pending["failedAttempts"]!.GetValue<int>()));
        var due = pending["nextAttemptAt"]!.GetValue<DateTime>();
        var now = clock.GetUtcNow().UtcDateTime;
        Assert.InRange(due, now.AddSeconds(8), now.AddSeconds(12));
        Assert.Empty(started["incidents"]!.AsArray());

        clock.Advance(TimeSpan.FromSeconds(13));
        var second = await WaitForFailedTriesAsync(api, id, 2);
        Assert.Equal("Suspended", SleekApi.Status(second));
        Assert.Equal(2, Assert.Single(second["pendingRetries"]!.AsArray())!["failedAttempts"]!.GetValue<int>());

        clock.Advance(TimeSpan.FromSeconds(25));
        var done = await api.WaitForStatusAsync(id, "Completed");

        Assert.Equal(
            [("start", "Executed", 1), ("call", "Faulted", 1), ("call", "Faulted", 1), ("call", "Executed", 1), ("keep", "Executed", 1)],
            SleekApi.Journal(done));
        var errors = done["journal"]!.AsArray().Where(j => j!["event"]!.GetValue<string>() == "Faulted").Select(j => j!["error"]!.GetValue<string>()).ToList();
        Assert.Contains("attempt 1 of 3 failed, retrying in", errors[0], StringComparison.Ordinal);
        Assert.Contains("attempt 2 of 3 failed, retrying in", errors[1], StringComparison.Ordinal);
        Assert.Contains("Connection refused", errors[0], StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"ok":true}"""), done["variables"]!["answer"]));
        Assert.Empty(done["pendingRetries"]!.AsArray());
        Assert.Empty(done["incidents"]!.AsArray());
        Assert.Equal(3, partner.Calls);
        Assert.Equal(Enumerable.Repeat($"{Guid.Parse(id):N}:call:1", 3), partner.IdempotencyKeys);
    }

    [Fact]
    public async Task Spent_retries_raise_an_incident_and_ops_retry_from_it_runs_the_same_execution_to_completion()
    {
        var partner = new FlakyPartner(failures: 2);
        var (api, clock) = StartHostWith(partner, maxAttempts: 2);
        var id = SleekApi.Id(await api.StartAsync("call-partner-retry-2"));
        await WaitForFailedTriesAsync(api, id, 1);

        clock.Advance(TimeSpan.FromSeconds(13));
        var faulted = await api.WaitForStatusAsync(id, "Faulted");

        Assert.Equal([("start", "Executed", 1), ("call", "Faulted", 1), ("call", "Faulted", 1)], SleekApi.Journal(faulted));
        Assert.Empty(faulted["pendingRetries"]!.AsArray());
        var incident = Assert.Single(faulted["incidents"]!.AsArray())!;
        Assert.Equal(("call", 2), (incident["activityId"]!.GetValue<string>(), incident["attempt"]!.GetValue<int>()));
        Assert.Contains("failed after 2 attempts", incident["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Connection refused", incident["error"]!.GetValue<string>(), StringComparison.Ordinal);

        using (var retried = await api.PostAsync($"/api/incidents/{incident["id"]}/retry"))
        {
            await SleekApi.ExpectAsync(retried, HttpStatusCode.OK);
        }

        var done = await api.WaitForStatusAsync(id, "Completed");
        Assert.Equal(
            [("start", "Executed", 1), ("call", "Faulted", 1), ("call", "Faulted", 1), ("call", "Executed", 1), ("keep", "Executed", 1)],
            SleekApi.Journal(done));
        Assert.Equal(3, partner.Calls);
        Assert.Equal(Enumerable.Repeat($"{Guid.Parse(id):N}:call:1", 3), partner.IdempotencyKeys);
        Assert.Equal("Retried", Assert.Single(done["incidents"]!.AsArray())!["resolution"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancelling_while_a_retry_is_pending_means_the_retry_never_runs()
    {
        var partner = new FlakyPartner(failures: 1);
        var (api, clock) = StartHostWith(partner, maxAttempts: 3, NewFolder().With(TestDefinitions.TenMinuteDelay()));
        var id = SleekApi.Id(await api.StartAsync("call-partner-retry-3"));
        var started = await WaitForFailedTriesAsync(api, id, 1);
        Assert.Equal("Suspended", SleekApi.Status(started));
        Assert.Single(started["pendingRetries"]!.AsArray());
        var journalBefore = SleekApi.Journal(started);

        // A timer due long after the retry: once it has fired, the worker has passed the retry's due time.
        var sentinel = SleekApi.Id(await api.StartAsync("ten-minute-delay"));
        await api.WaitForStatusAsync(sentinel, "Suspended");
        using (var cancelled = await api.PostAsync($"/api/instances/{id}/cancel", new { reason = "order withdrawn" }))
        {
            var body = await SleekApi.ExpectAsync(cancelled, HttpStatusCode.OK);
            Assert.Equal("Cancelled", SleekApi.Status(body));
            Assert.Empty(body["pendingRetries"]!.AsArray());
        }

        clock.Advance(TimeSpan.FromMinutes(11));
        await api.WaitForStatusAsync(sentinel, "Completed");

        var final = await api.GetInstanceAsync(id);
        Assert.Equal("Cancelled", SleekApi.Status(final));
        Assert.Equal(journalBefore, SleekApi.Journal(final));
        Assert.Equal(1, partner.Calls);
        var health = await api.GetJsonAsync("/health");
        Assert.Equal(0, health["workers"]!["dueWorkItems"]!.GetValue<int>());
    }
}

public sealed class RetryOnPostgres(PostgresDatabase database) : RetryScenario(database), IClassFixture<PostgresDatabase>;

public sealed class RetryOnSqlite(SqliteDatabase database) : RetryScenario(database), IClassFixture<SqliteDatabase>;
