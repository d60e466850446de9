using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sleek.Workflows.Engine.Activities.BuiltIn;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

/// <summary>A failing activity faults the instance with an incident ops can read, retry or cancel.</summary>
public abstract class IncidentScenario(TestDatabase database) : HostScenario(database)
{
    [Fact]
    public async Task Failed_call_raises_an_incident_and_retry_reruns_the_activity_to_completion()
    {
        var partner = new FlakyPartner();
        var api = StartHost(
            NewFolder().With(TestDefinitions.CallPartner("http://partner.test/ping")),
            services: s => s.AddHttpClient(HttpRequest.ClientName).ConfigurePrimaryHttpMessageHandler(() => partner),
            settings: PartnerSettings.Allowed());
        var id = SleekApi.Id(await api.StartAsync("call-partner"));

        var faulted = await api.WaitForStatusAsync(id, "Faulted");
        Assert.Contains("Connection refused", faulted["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal([("start", "Executed", 1), ("call", "Faulted", 1)], SleekApi.Journal(faulted));
        var incident = await OpenIncidentAsync(api, id);
        Assert.Equal("call", incident["activityId"]!.GetValue<string>());
        Assert.Equal("HttpRequest", incident["activityType"]!.GetValue<string>());
        Assert.Equal(1, incident["attempt"]!.GetValue<int>());
        Assert.Contains("GET http://partner.test/ping failed: Connection refused", incident["error"]!.GetValue<string>(), StringComparison.Ordinal);

        using (var retried = await api.PostAsync($"/api/instances/{id}/retry"))
        {
            await SleekApi.ExpectAsync(retried, HttpStatusCode.OK);
        }

        var done = await api.WaitForStatusAsync(id, "Completed");
        Assert.Equal(
            [("start", "Executed", 1), ("call", "Faulted", 1), ("call", "Executed", 1), ("keep", "Executed", 1)],
            SleekApi.Journal(done));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"ok":true}"""), done["variables"]!["answer"]));
        Assert.Null(done["error"]);
        Assert.Equal(2, partner.Calls);
        Assert.Null(await FindIncidentAsync(api, id, includeResolved: false));
        var resolved = await FindIncidentAsync(api, id, includeResolved: true);
        Assert.Equal("Retried", resolved!["resolution"]!.GetValue<string>());
    }

    [Fact]
    public async Task Retry_of_an_activity_that_fails_again_records_a_second_attempt_of_the_execution_and_a_new_incident()
    {
        var api = StartHost(NewFolder().With(TestDefinitions.AlwaysFails()));
        var id = SleekApi.Id(await api.StartAsync("always-fails"));
        await api.WaitForStatusAsync(id, "Faulted");
        var first = await OpenIncidentAsync(api, id);
        Assert.Equal("boom", first["activityId"]!.GetValue<string>());
        Assert.Contains("stock system unavailable", first["error"]!.GetValue<string>(), StringComparison.Ordinal);

        using (var retried = await api.PostAsync($"/api/incidents/{first["id"]}/retry"))
        {
            await SleekApi.ExpectAsync(retried, HttpStatusCode.OK);
        }

        var again = await Eventually.UntilAsync(
            () => api.GetInstanceAsync(id),
            i => SleekApi.Status(i) == "Faulted" && SleekApi.Journal(i).Count(j => j == ("boom", "Faulted", 1)) == 2,
            "the retried activity to fault a second time",
            i => i.ToJsonString());
        Assert.Equal([("start", "Executed", 1), ("boom", "Faulted", 1), ("boom", "Faulted", 1)], SleekApi.Journal(again));
        var second = await OpenIncidentAsync(api, id);
        Assert.NotEqual(first["id"]!.GetValue<string>(), second["id"]!.GetValue<string>());
        Assert.Equal(2, second["attempt"]!.GetValue<int>());

        using (var cancelled = await api.PostAsync($"/api/incidents/{second["id"]}/cancel"))
        {
            Assert.Equal("Cancelled", SleekApi.Status(await SleekApi.ExpectAsync(cancelled, HttpStatusCode.OK)));
        }

        Assert.Null(await FindIncidentAsync(api, id, includeResolved: false));
    }

    [Fact]
    public async Task Timer_that_falls_due_while_the_instance_is_faulted_still_fires_after_the_retry()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var partner = new FlakyPartner();
        var api = StartHost(
            NewFolder().With(TestDefinitions.DelayAndCall("http://partner.test/ping")),
            clock,
            s => s.AddHttpClient(HttpRequest.ClientName).ConfigurePrimaryHttpMessageHandler(() => partner),
            PartnerSettings.Allowed());
        var id = SleekApi.Id(await api.StartAsync("delay-and-call"));
        var faulted = await api.WaitForStatusAsync(id, "Faulted");
        Assert.Equal("delay", SleekApi.SingleBookmark(faulted)["activityId"]!.GetValue<string>());

        // The delay falls due while ops have not yet looked at the incident; the worker takes the due timer.
        clock.Advance(TimeSpan.FromMinutes(6));
        await Eventually.UntilAsync(() => api.GetJsonAsync("/health"), h => h["workers"]!["dueWorkItems"]!.GetValue<int>() == 0, "the worker to take the due timer", h => h.ToJsonString());
        Assert.Equal("Faulted", SleekApi.Status(await api.GetInstanceAsync(id)));

        using (var retried = await api.PostAsync($"/api/instances/{id}/retry"))
        {
            await SleekApi.ExpectAsync(retried, HttpStatusCode.OK);
        }

        var done = await api.WaitForStatusAsync(id, "Completed");
        var journal = SleekApi.Journal(done);
        Assert.Single(journal, j => j.Activity == "delay" && j.Event == "Resumed");
        Assert.Contains(("call", "Executed", 1), journal);
        Assert.Single(journal, j => j.Activity == "finish");
        Assert.True(done["variables"]!["done"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Call_to_a_host_not_on_Http_AllowedHosts_raises_an_incident_at_once_naming_the_setting()
    {
        // Http__AllowedHosts as a comma-separated list; the partner is not on it (an unset list allows nothing at all).
        var partner = new FlakyPartner(failures: 0);
        var api = StartHost(
            NewFolder().With(TestDefinitions.CallPartnerWithRetry("http://partner.test/ping", maxAttempts: 3)),
            services: s => s.AddHttpClient(HttpRequest.ClientName).ConfigurePrimaryHttpMessageHandler(() => partner),
            settings: new Dictionary<string, string> { ["Http:AllowedHosts"] = "api.partner.example, *.partner.example" });

        var id = SleekApi.Id(await api.StartAsync("call-partner-retry-3"));

        var faulted = await api.WaitForStatusAsync(id, "Faulted");
        Assert.Equal([("start", "Executed", 1), ("call", "Faulted", 1)], SleekApi.Journal(faulted));
        var incident = await OpenIncidentAsync(api, id);
        Assert.Contains("GET http://partner.test/ping refused: host 'partner.test' is not allowed; ops list the hosts workflows may call in Http__AllowedHosts", incident["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, partner.Calls);
    }

    private static async Task<JsonObject> OpenIncidentAsync(SleekApi api, string instanceId) =>
        await FindIncidentAsync(api, instanceId, includeResolved: false)
            ?? throw new Xunit.Sdk.XunitException($"no open incident for instance {instanceId}: {(await api.GetJsonAsync("/api/incidents?includeResolved=true")).ToJsonString()}");

    private static async Task<JsonObject?> FindIncidentAsync(SleekApi api, string instanceId, bool includeResolved)
    {
        var page = await api.GetJsonAsync($"/api/incidents?includeResolved={(includeResolved ? "true" : "false")}");
        return page["items"]!.AsArray().Select(i => i!.AsObject()).SingleOrDefault(i => i["instanceId"]!.GetValue<string>() == instanceId);
    }
}

public sealed class IncidentOnPostgres(PostgresDatabase database) : IncidentScenario(database), IClassFixture<PostgresDatabase>;

public sealed class IncidentOnSqlite(SqliteDatabase database) : IncidentScenario(database), IClassFixture<SqliteDatabase>;
