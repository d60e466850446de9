using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

/// <summary>
/// HTTP-triggered workflows (issue 16 part 2): <c>/api/hooks/…</c> routes of published HttpEndpoint activities start or
/// resume instances and answer with WriteHttpResponse, or 202 with the instance when none comes in time; each route's
/// auth (API key scope, signed-in role, public and rate limited) and body schema are enforced; route clashes and odd
/// paths are refused at publish. Written once, run on each database (the subclasses at the end).
/// </summary>
public abstract class HookScenario(TestDatabase database) : HostScenario(database)
{
    private const int Callers = 32;

    [Fact]
    public async Task Thirty_two_concurrent_callers_each_start_their_own_instance_and_get_their_own_answer()
    {
        var (host, admin) = Start();
        var key = await KeyAsync(admin, "hooks:echo");
        using var client = WithKey(host, key);

        var answers = await Task.WhenAll(Enumerable.Range(1, Callers).Select(async i =>
        {
            using var response = await client.PostAsJsonAsync("/api/hooks/test/echo", new { qty = i });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal($"qty-{i}", response.Headers.GetValues("X-Order").Single());
            return (i, Body: (await response.Content.ReadFromJsonAsync<JsonObject>())!);
        }));

        Assert.All(answers, a => Assert.Equal(a.i, a.Body["qty"]!.GetValue<int>()));
        Assert.Equal(Callers, answers.Select(a => a.Body["instance"]!.GetValue<string>()).Distinct().Count());
        var one = await admin.GetInstanceAsync(answers[0].Body["instance"]!.GetValue<string>());
        Assert.Equal("Completed", SleekApi.Status(one));
    }

    [Fact]
    public async Task A_body_that_misses_the_schema_is_refused_naming_the_field_and_starts_nothing()
    {
        var (host, admin) = Start();
        using var client = WithKey(host, await KeyAsync(admin, "hooks:echo"));

        var zero = await SleekApi.ExpectProblemAsync(await client.PostAsJsonAsync("/api/hooks/test/echo", new { qty = 0 }), HttpStatusCode.BadRequest, "body.qty");
        Assert.Contains("body.qty", zero["errors"]!.AsObject().Select(e => e.Key));
        await SleekApi.ExpectProblemAsync(await client.PostAsJsonAsync("/api/hooks/test/echo", new { note = "no qty" }), HttpStatusCode.BadRequest, "body.qty");
        await SleekApi.ExpectProblemAsync(
            await client.PostAsync(new Uri("/api/hooks/test/echo", UriKind.Relative), new StringContent("{not json", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "body");
        var started = await admin.GetJsonAsync("/api/instances?definitionId=hook-echo");
        Assert.Equal(0, started["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Each_route_takes_only_its_callers_no_key_401_wrong_scope_403_wrong_role_403_public_over_its_limit_429()
    {
        var (host, admin) = Start(new Dictionary<string, string> { ["RateLimits:PublicHooksPerIpPerMinute"] = "3" });
        using var anonymous = host.CreateAnonymousClient();
        await SleekApi.ExpectProblemAsync(await anonymous.PostAsJsonAsync("/api/hooks/test/echo", new { qty = 1 }), HttpStatusCode.Unauthorized);
        using (var wrongScope = WithKey(host, await KeyAsync(admin, "hooks:call")))
        {
            await SleekApi.ExpectProblemAsync(await wrongScope.PostAsJsonAsync("/api/hooks/test/echo", new { qty = 1 }), HttpStatusCode.Forbidden);
            // A key is not a signed-in role.
            await SleekApi.ExpectProblemAsync(await wrongScope.GetAsync(new Uri("/api/hooks/test/ops", UriKind.Relative)), HttpStatusCode.Unauthorized);
        }

        await SleekApi.ExpectProblemAsync(await anonymous.GetAsync(new Uri("/api/hooks/test/ops", UriKind.Relative)), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync(new Uri("/api/hooks/test/ops", UriKind.Relative))).StatusCode);

        // Public: anyone, three a minute per address; the fourth is 429, another address still passes.
        for (var i = 0; i < 3; i++)
        {
            using var ok = await PublicPingAsync(anonymous, "203.0.113.7");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        await SleekApi.ExpectProblemAsync(await PublicPingAsync(anonymous, "203.0.113.7"), HttpStatusCode.TooManyRequests);
        using var other = await PublicPingAsync(anonymous, "203.0.113.8");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task A_workflow_that_does_not_answer_in_time_gets_202_with_the_instance_and_a_later_request_resumes_it_by_correlation_id()
    {
        var (host, admin) = Start();
        using var client = WithKey(host, await KeyAsync(admin, "hooks:call"));
        var correlation = $"po-{Guid.NewGuid():N}";

        using var first = new HttpRequestMessage(HttpMethod.Post, "/api/hooks/test/slow") { Content = JsonContent.Create(new { item = "jacket" }) };
        first.Headers.Add("X-Correlation-Id", correlation);
        using var accepted = await client.SendAsync(first);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var instanceId = (await accepted.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.GetValue<string>();
        Assert.Equal($"/api/instances/{instanceId}", accepted.Headers.Location!.ToString());
        await admin.WaitForStatusAsync(instanceId, "Suspended");

        // Its wait is not an event anyone may raise: only its route resumes it.
        using (var asEvent = await admin.PublishEventAsync("HttpEndpoint:test/slow-confirm", correlation, new { }))
        {
            Assert.Equal(HttpStatusCode.NotFound, asEvent.StatusCode);
        }

        await SleekApi.ExpectProblemAsync(await client.PostAsJsonAsync("/api/hooks/test/slow-confirm", new { ok = true }), HttpStatusCode.BadRequest, "X-Correlation-Id");
        using var second = new HttpRequestMessage(HttpMethod.Post, $"/api/hooks/test/slow-confirm?correlationId={correlation}") { Content = JsonContent.Create(new { ok = true }) };
        using var confirmed = await client.SendAsync(second);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("jacket", (await confirmed.Content.ReadFromJsonAsync<JsonObject>())!["confirmed"]!.GetValue<string>());
        Assert.Equal("Completed", SleekApi.Status(await admin.WaitForStatusAsync(instanceId, "Completed")));
    }

    [Fact]
    public async Task Clashing_routes_and_paths_that_leave_api_hooks_are_refused_at_publish_and_odd_requests_find_nothing()
    {
        var (host, admin) = Start();

        var clash = Hook("hook-thief", "test/echo", "apiKey", answer: true);
        var refused = await SleekApi.ExpectProblemAsync(await admin.PostAsync("/api/workflows/import", clash), HttpStatusCode.Conflict);
        var detail = refused["detail"]!.GetValue<string>();
        Assert.Contains("'hook-thief'", detail, StringComparison.Ordinal);
        Assert.Contains("'hook-echo'", detail, StringComparison.Ordinal);

        foreach (var path in new[] { "../users", "Test/Echo", "test//echo", "/test", "test/./echo", "test/%2e%2e", "a?b=1" })
        {
            await SleekApi.ExpectProblemAsync(await admin.PostAsync("/api/workflows/import", Hook($"hook-bad-{Guid.NewGuid():N}"[..20], path, "apiKey", answer: true)), HttpStatusCode.BadRequest, "root.activities[1].inputs.path");
        }

        var badMethod = Hook("hook-trace", "test/trace", "apiKey", answer: true);
        badMethod["root"]!["activities"]![1]!["inputs"]!["methods"] = new JsonArray("TRACE");
        await SleekApi.ExpectProblemAsync(await admin.PostAsync("/api/workflows/import", badMethod), HttpStatusCode.BadRequest, "root.activities[1].inputs.methods");

        using var anonymous = host.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsJsonAsync("/api/hooks/test/nothing-here", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsJsonAsync("/api/hooks/Test/Echo", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsJsonAsync("/api/hooks/test%2F..%2Fecho", new { })).StatusCode);
        using var get = await admin.Client.GetAsync(new Uri("/api/hooks/test/echo", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Contains("POST", get.Content.Headers.Allow);
    }

    [Fact]
    public async Task The_sample_order_intake_answers_201_with_the_line_as_the_README_shows()
    {
        var host = NewHost(NewFolder().WithSample("sample-order-intake"));
        var admin = new SleekApi(host.CreateClient());
        using var client = WithKey(host, await KeyAsync(admin, "hooks:call"));

        using var created = await client.PostAsJsonAsync("/api/hooks/samples/order-intake", new { sku = "JKT-1", qty = 2 });
        var body = await SleekApi.ExpectAsync(created, HttpStatusCode.Created);
        Assert.Equal("JKT-1", body["received"]!["sku"]!.GetValue<string>());
        Assert.Equal("Completed", SleekApi.Status(await admin.GetInstanceAsync(body["instanceId"]!.GetValue<string>())));
        await SleekApi.ExpectProblemAsync(await client.PostAsJsonAsync("/api/hooks/samples/order-intake", new { sku = "JKT-1", qty = 0 }), HttpStatusCode.BadRequest, "body.qty");
    }

    private (SleekHost Host, SleekApi Admin) Start(IReadOnlyDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string> { ["Sleek:HookResponseSeconds"] = "1" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string>())
        {
            all[k] = v;
        }

        var folder = NewFolder().With(Echo()).With(Hook("hook-ops", "test/ops", "role", answer: true, role: "ops", method: "GET"))
            .With(Hook("hook-public", "test/ping", "public", answer: true)).With(Slow());
        var host = NewHost(folder, settings: all);
        return (host, new SleekApi(host.CreateClient()));
    }

    private static async Task<string> KeyAsync(SleekApi admin, string scope)
    {
        using var response = await admin.Client.PostAsJsonAsync("/api/api-keys", new { name = $"hooks-{Guid.NewGuid():N}", scopes = new[] { scope } });
        return (await SleekApi.ExpectAsync(response, HttpStatusCode.Created))["key"]!.GetValue<string>();
    }

    private static HttpClient WithKey(SleekHost host, string key)
    {
        var client = host.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static Task<HttpResponseMessage> PublicPingAsync(HttpClient client, string ip)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/hooks/test/ping") { Content = JsonContent.Create(new { }) };
        request.Headers.Add(TestClientIp.Header, ip);
        return client.SendAsync(request);
    }

    /// <summary>POST test/echo (key scope hooks:echo, schema: qty an integer ≥ 1) → 201 {qty, instance} with X-Order.</summary>
    private static JsonObject Echo() => JsonNode.Parse("""
        {
          "definitionId": "hook-echo", "version": 1, "name": "Echo hook",
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "hook", "type": "HttpEndpoint", "inputs": { "path": "test/echo", "auth": "apiKey", "scope": "hooks:echo",
                "schema": { "type": "object", "required": ["qty"], "properties": { "qty": { "type": "integer", "minimum": 1 } } } } },
              { "id": "answer", "type": "WriteHttpResponse", "inputs": { "status": 201, "headers": { "$js": "({ 'X-Order': 'qty-' + outputs.hook.body.qty })" },
                "body": { "$js": "({ qty: outputs.hook.body.qty, instance: instanceId })" } } },
              { "id": "end", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "hook" } },
              { "source": { "activity": "hook" }, "target": { "activity": "answer" } },
              { "source": { "activity": "answer" }, "target": { "activity": "end" } }
            ]
          }
        }
        """)!.AsObject();

    /// <summary>POST test/slow starts and does not answer; POST test/slow-confirm (by correlation id) answers {confirmed: the first body's item}.</summary>
    private static JsonObject Slow() => JsonNode.Parse("""
        {
          "definitionId": "hook-slow", "version": 1, "name": "Slow hook",
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "hook", "type": "HttpEndpoint", "inputs": { "path": "test/slow" } },
              { "id": "confirm", "type": "HttpEndpoint", "inputs": { "path": "test/slow-confirm" } },
              { "id": "answer", "type": "WriteHttpResponse", "inputs": { "body": { "$js": "({ confirmed: outputs.hook.body.item })" } } },
              { "id": "end", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "hook" } },
              { "source": { "activity": "hook" }, "target": { "activity": "confirm" } },
              { "source": { "activity": "confirm" }, "target": { "activity": "answer" } },
              { "source": { "activity": "answer" }, "target": { "activity": "end" } }
            ]
          }
        }
        """)!.AsObject();

    private static JsonObject Hook(string id, string path, string auth, bool answer, string? role = null, string method = "POST")
    {
        var inputs = new JsonObject { ["path"] = path, ["auth"] = auth, ["methods"] = new JsonArray(method) };
        if (role is not null)
        {
            inputs["role"] = role;
        }

        var definition = new JsonObject
        {
            ["definitionId"] = id, ["version"] = 1, ["name"] = id,
            ["root"] = new JsonObject
            {
                ["activities"] = new JsonArray(
                    new JsonObject { ["id"] = "start", ["type"] = "Start" },
                    new JsonObject { ["id"] = "hook", ["type"] = "HttpEndpoint", ["inputs"] = inputs },
                    new JsonObject { ["id"] = "answer", ["type"] = "WriteHttpResponse", ["inputs"] = new JsonObject { ["body"] = "ok" } }),
                ["connections"] = new JsonArray(
                    new JsonObject { ["source"] = new JsonObject { ["activity"] = "start" }, ["target"] = new JsonObject { ["activity"] = "hook" } },
                    new JsonObject { ["source"] = new JsonObject { ["activity"] = "hook" }, ["target"] = new JsonObject { ["activity"] = "answer" } }),
            },
        };
        if (!answer)
        {
            definition["root"]!["activities"]!.AsArray().RemoveAt(2);
            definition["root"]!["connections"]!.AsArray().RemoveAt(1);
        }

        return definition;
    }
}

public sealed class HooksOnPostgres(PostgresDatabase database) : HookScenario(database), IClassFixture<PostgresDatabase>;

public sealed class HooksOnSqlite(SqliteDatabase database) : HookScenario(database), IClassFixture<SqliteDatabase>;
