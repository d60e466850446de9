using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sleek.Workflows.Engine.Activities.BuiltIn;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

/// <summary>
/// <c>Idempotency-Key</c> on start, resume and event: a repeat gets the first response and changes
/// nothing; the same key with another request is 422; while the first request runs, 409.
/// </summary>
public abstract class IdempotencyScenario(TestDatabase database) : HostScenario(database)
{
    private const string Header = "Idempotency-Key";

    [Fact]
    public async Task Start_repeated_with_the_same_key_replays_the_first_response_and_starts_one_instance()
    {
        var api = StartHost(NewFolder().WithSample("sample-approval"));
        var correlation = $"idem-{Guid.NewGuid():N}";
        var body = new { definitionId = "sample-approval", correlationId = correlation, input = new { requestId = "R-1", amount = 10 } };

        using var first = await SendAsync(api, "/api/instances", body, "start-1");
        var firstJson = await SleekApi.ExpectAsync(first, HttpStatusCode.Created);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));

        using var repeat = await SendAsync(api, "/api/instances", body, "start-1");
        var repeatJson = await SleekApi.ExpectAsync(repeat, HttpStatusCode.Created);
        Assert.Equal("true", Assert.Single(repeat.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(firstJson.ToJsonString(), repeatJson.ToJsonString());
        Assert.Equal(first.Headers.Location, repeat.Headers.Location);
        Assert.Equal("application/json", repeat.Content.Headers.ContentType?.MediaType);

        // Whitespace and property order do not make another request; the bound values are compared.
        using var reformatted = await SendRawAsync(api, "/api/instances", $$"""{ "input": {"requestId":"R-1","amount":10}, "correlationId": "{{correlation}}", "definitionId":"sample-approval" }""", "start-1");
        Assert.Equal(HttpStatusCode.Created, reformatted.StatusCode);
        Assert.True(reformatted.Headers.Contains("Idempotent-Replayed"));

        var page = await api.GetJsonAsync($"/api/instances?correlationId={correlation}");
        Assert.Equal(1, page["total"]!.GetValue<int>());

        // Without a key, or with another key, a start is a new instance as before.
        using var other = await SendAsync(api, "/api/instances", body, "start-2");
        Assert.NotEqual(SleekApi.Id(firstJson), SleekApi.Id(await SleekApi.ExpectAsync(other, HttpStatusCode.Created)));
    }

    [Fact]
    public async Task Same_key_with_a_different_request_is_422_naming_the_header_and_changes_nothing()
    {
        var api = StartHost(NewFolder().WithSample("sample-approval"));
        var correlation = $"idem-{Guid.NewGuid():N}";
        using (var first = await SendAsync(api, "/api/instances", new { definitionId = "sample-approval", correlationId = correlation, input = new { requestId = "R-1" } }, "k"))
        {
            await SleekApi.ExpectAsync(first, HttpStatusCode.Created);
        }

        using var changed = await SendAsync(api, "/api/instances", new { definitionId = "sample-approval", correlationId = correlation, input = new { requestId = "R-2" } }, "k");
        var problem = await SleekApi.ExpectProblemAsync(changed, (HttpStatusCode)422, Header);
        Assert.Contains(Header, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, (await api.GetJsonAsync($"/api/instances?correlationId={correlation}"))["total"]!.GetValue<int>());

        // Keys are per endpoint: the same key on another endpoint is another key.
        using var elsewhere = await SendAsync(api, "/api/events/Nobody", new { correlationId = correlation }, "k");
        await SleekApi.ExpectProblemAsync(elsewhere, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Resume_and_event_repeated_with_their_keys_replay_the_first_response_and_run_once()
    {
        var api = StartHost(NewFolder().WithSample("sample-approval").With(TestDefinitions.WaitForPayment()));
        var approval = await api.StartAsync("sample-approval", new { requestId = "R-3" });
        var token = SleekApi.SingleBookmark(approval)["token"]!.GetValue<string>();

        using var resumed = await SendAsync(api, $"/api/bookmarks/{token}/resume", new { outcome = "Approve", comment = "ok" }, "resume-1");
        var resumedJson = await SleekApi.ExpectAsync(resumed, HttpStatusCode.OK);
        using var again = await SendAsync(api, $"/api/bookmarks/{token}/resume", new { outcome = "Approve", comment = "ok" }, "resume-1");
        Assert.Equal(resumedJson.ToJsonString(), (await SleekApi.ExpectAsync(again, HttpStatusCode.OK)).ToJsonString());
        Assert.True(again.Headers.Contains("Idempotent-Replayed"));
        using (var withoutKey = await api.ResumeAsync(token, new { outcome = "Approve", comment = "ok" }))
        {
            await SleekApi.ExpectProblemAsync(withoutKey, HttpStatusCode.Conflict);
        }

        var done = await api.WaitForStatusAsync(SleekApi.Id(approval), "Completed");
        Assert.Single(SleekApi.Journal(done), j => j.Activity == "approve" && j.Event == "Resumed");

        var correlation = $"pay-{Guid.NewGuid():N}";
        var payment = await api.StartAsync("wait-payment", correlationId: correlation);
        using var published = await SendAsync(api, "/api/events/OrderPaid", new { correlationId = correlation, payload = new { amount = 7 } }, "paid-1");
        var publishedJson = await SleekApi.ExpectAsync(published, HttpStatusCode.OK);
        using var republished = await SendAsync(api, "/api/events/OrderPaid", new { correlationId = correlation, payload = new { amount = 7 } }, "paid-1");
        Assert.Equal(publishedJson.ToJsonString(), (await SleekApi.ExpectAsync(republished, HttpStatusCode.OK)).ToJsonString());
        var paid = await api.WaitForStatusAsync(SleekApi.Id(payment), "Completed");
        Assert.Single(SleekApi.Journal(paid), j => j.Activity == "wait" && j.Event == "Resumed");

        // A refusal is a response too: its repeat gets the same 409 without asking the engine again.
        using var late = await SendAsync(api, $"/api/bookmarks/{token}/resume", new { outcome = "Reject" }, "resume-late");
        var lateProblem = await SleekApi.ExpectProblemAsync(late, HttpStatusCode.Conflict);
        using var lateAgain = await SendAsync(api, $"/api/bookmarks/{token}/resume", new { outcome = "Reject" }, "resume-late");
        Assert.Equal(lateProblem.ToJsonString(), (await SleekApi.ExpectProblemAsync(lateAgain, HttpStatusCode.Conflict)).ToJsonString());
        Assert.True(lateAgain.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task Key_whose_first_request_is_still_running_gets_409_then_the_first_response()
    {
        var partner = new GatedPartner();
        var api = StartHost(
            NewFolder().With(TestDefinitions.CallPartner("http://partner.test/slow")),
            services: s => s.AddHttpClient(HttpRequest.ClientName).ConfigurePrimaryHttpMessageHandler(() => partner),
            settings: PartnerSettings.Allowed());
        var body = new { definitionId = "call-partner", correlationId = $"slow-{Guid.NewGuid():N}" };

        var first = SendAsync(api, "/api/instances", body, "slow-1");
        await partner.Called.WaitAsync(TimeSpan.FromSeconds(30));

        using (var meanwhile = await SendAsync(api, "/api/instances", body, "slow-1"))
        {
            var problem = await SleekApi.ExpectProblemAsync(meanwhile, HttpStatusCode.Conflict);
            Assert.Contains("still being processed", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.NotNull(meanwhile.Headers.RetryAfter);
        }

        partner.Open();
        using var firstResponse = await first;
        var created = await SleekApi.ExpectAsync(firstResponse, HttpStatusCode.Created);
        Assert.Equal("Completed", SleekApi.Status(created));

        using var after = await SendAsync(api, "/api/instances", body, "slow-1");
        Assert.Equal(created.ToJsonString(), (await SleekApi.ExpectAsync(after, HttpStatusCode.Created)).ToJsonString());
        Assert.Equal(1, partner.Calls);
    }

    [Fact]
    public async Task Invalid_key_is_400_naming_the_header()
    {
        var api = StartHost(NewFolder().WithSample("sample-approval"));
        var body = new { definitionId = "sample-approval", input = new { requestId = "R-1" } };

        using var tooLong = await SendAsync(api, "/api/instances", body, new string('k', 201));
        await SleekApi.ExpectProblemAsync(tooLong, HttpStatusCode.BadRequest, Header);

        using var longest = await SendAsync(api, "/api/instances", body, new string('k', 200));
        await SleekApi.ExpectAsync(longest, HttpStatusCode.Created);
    }

    [Fact]
    public async Task Keys_expire_after_the_configured_time_and_can_then_be_used_again()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var api = StartHost(NewFolder().WithSample("sample-approval"), clock);
        var correlation = $"idem-{Guid.NewGuid():N}";
        using (var first = await SendAsync(api, "/api/instances", new { definitionId = "sample-approval", correlationId = correlation, input = new { requestId = "R-1" } }, "daily"))
        {
            await SleekApi.ExpectAsync(first, HttpStatusCode.Created);
        }

        clock.Advance(TimeSpan.FromHours(23));
        using (var stillKnown = await SendAsync(api, "/api/instances", new { definitionId = "sample-approval", correlationId = correlation, input = new { requestId = "R-2" } }, "daily"))
        {
            await SleekApi.ExpectProblemAsync(stillKnown, (HttpStatusCode)422, Header);
        }

        clock.Advance(TimeSpan.FromHours(2)); // past the default 24 h
        using var reused = await SendAsync(api, "/api/instances", new { definitionId = "sample-approval", correlationId = correlation, input = new { requestId = "R-2" } }, "daily");
        var second = await SleekApi.ExpectAsync(reused, HttpStatusCode.Created);
        Assert.False(reused.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("R-2", second["input"]!["requestId"]!.GetValue<string>());
        Assert.Equal(2, (await api.GetJsonAsync($"/api/instances?correlationId={correlation}"))["total"]!.GetValue<int>());
    }

    private static Task<HttpResponseMessage> SendAsync(SleekApi api, string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation(Header, key);
        return api.Client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> SendRawAsync(SleekApi api, string path, string json, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(Header, key);
        return api.Client.SendAsync(request);
    }
}

public sealed class IdempotencyOnPostgres(PostgresDatabase database) : IdempotencyScenario(database), IClassFixture<PostgresDatabase>;

public sealed class IdempotencyOnSqlite(SqliteDatabase database) : IdempotencyScenario(database), IClassFixture<SqliteDatabase>;
