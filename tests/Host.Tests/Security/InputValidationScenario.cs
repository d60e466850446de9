using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Persistence;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>
/// What a careless or malicious client sends that no database stores — a NUL (U+0000), an unpaired surrogate, bytes
/// that are not UTF-8 — in every kind of input: JSON bodies (nested workflow inputs and payloads, member names), other
/// bodies, query filters, headers used as input. Each is a 400 naming the field, before anything runs, and nothing
/// is stored. (A NUL in the path, so in a route value, never reaches the app: Kestrel, and the test server alike,
/// refuse such a request line themselves.) Also the other input bounds that used to give 5xx: paging past any offset, a charset nobody knows.
/// Run on PostgreSQL (which refuses such text) and SQLite (which would store it): the same answers on both.
/// </summary>
public abstract class InputValidationScenario(TestDatabase database)
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["RateLimits:QuotesPerIpPerDay"] = "1000",
        ["RateLimits:QuotesPerSessionPerDay"] = "1000",
        ["RateLimits:RegisterPerIpPerHour"] = "1000",
    };

    [Fact]
    public async Task Unstorable_text_in_every_kind_of_input_is_400_naming_the_field_and_nothing_is_stored()
    {
        await using var kit = new SecurityKit(database, Settings, folder => folder.WithSample("sample-approval"));
        var waiting = await new SleekApi(kit.Admin).StartAsync("sample-approval", new { requestId = "R-1", amount = 10 }, "waiting-1");
        var token = SleekApi.SingleBookmark(waiting)["token"]!.GetValue<string>();
        var (apiKey, _) = await kit.ApiKeyAsync(["instances:read", "instances:start"]);
        var before = await CountsAsync(kit);

        // (who, method, path, body, extra header, the field the 400 must name)
        var cases = new List<(HttpClient Caller, HttpMethod Method, string Path, HttpContent? Body, (string Name, string Value)? Header, string Field)>
        {
            (kit.Admin, HttpMethod.Post, "/api/instances", Json("""{"definitionId":"sample-approval","correlationId":"c\u0000","input":{"requestId":"R"}}"""), null, "correlationId"),
            (kit.Admin, HttpMethod.Post, "/api/instances", Json("""{"definitionId":"sample\u0000approval"}"""), null, "definitionId"),
            (kit.Admin, HttpMethod.Post, "/api/instances", Json("""{"definitionId":"sample-approval","input":{"requestId":"R","notes":[{"text":"ok"},{"text":"x\u0000"}]}}"""), null, "input.notes[1].text"),
            (kit.Admin, HttpMethod.Post, "/api/instances", Json("""{"definitionId":"sample-approval","input":{"requestId":"\ud800x"}}"""), null, "input.requestId"),
            (kit.Admin, HttpMethod.Post, "/api/instances", Json("""{"definitionId":"sample-approval","input":{"requestId":"R","a\u0000b":1}}"""), null, "input"),
            (kit.Admin, HttpMethod.Post, "/api/instances", new ByteArrayContent([.. "{\"definitionId\":\"sample-approval\",\"correlationId\":\""u8, 0xED, 0xA0, 0x80, .. "\"}"u8]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }, null, "correlationId"),
            (kit.Admin, HttpMethod.Post, "/api/instances", new StringContent("{\"definitionId\":\"sample-approval\"}\u0000", Encoding.UTF8, "application/json"), null, "body"),
            (kit.Admin, HttpMethod.Post, "/api/instances", Json("""{"definitionId":"sample-approval","input":{"requestId":"R"}}"""), ("Idempotency-Key", "key\0"), "Idempotency-Key"),
            (kit.Admin, HttpMethod.Post, $"/api/bookmarks/{token}/resume", Json("""{"outcome":"Approve","comment":"fine\u0000"}"""), null, "comment"),
            (kit.Admin, HttpMethod.Post, "/api/events/Go", Json("""{"correlationId":"c\u0000","payload":{"x":1}}"""), null, "correlationId"),
            (kit.Admin, HttpMethod.Post, "/api/events/Go", Json("""{"correlationId":"c","payload":{"deep":[[{"x":"\u0000"}]]}}"""), null, "payload.deep[0][0].x"),
            (kit.Admin, HttpMethod.Post, "/api/api-keys", Json("""{"name":"k\u0000","scopes":["instances:read"]}"""), null, "name"),
            (kit.Admin, HttpMethod.Post, "/api/users", Json("""{"email":"ops-nul@example.com","password":"correct-horse-battery-staple","role":"ops","displayName":"O\u0000ps"}"""), null, "displayName"),
            (kit.Anonymous("10.77.0.1"), HttpMethod.Post, "/api/auth/register", Json("""{"email":"nul@example.com","password":"correct-horse-battery-staple","displayName":"D\u0000"}"""), null, "displayName"),
            (kit.Anonymous("10.77.0.2"), HttpMethod.Post, "/api/quotes", Json("""{"productType":"T-Shirt","quantity":150,"complexity":"medium","email":"ada@example.com","requirements":"organic \u0000 cotton"}"""), null, "requirements"),
            (kit.Admin, HttpMethod.Post, $"/api/orders/{Guid.NewGuid()}/hold", Json("""{"reason":"wait\u0000"}"""), null, "reason"),
            (kit.Admin, HttpMethod.Post, $"/api/instances/{SleekApi.Id(waiting)}/cancel", Json("""{"reason":"\u0000"}"""), null, "reason"),
            (kit.Admin, HttpMethod.Post, "/api/workflows", Json("""{"definitionId":"nul-wf","version":1,"name":"N\u0000","root":{"activities":[],"connections":[]}}"""), null, "name"),
            (kit.Admin, HttpMethod.Put, "/api/rules/automation", new StringContent("[/* \u0000 */]", Encoding.UTF8, "text/plain"), null, "body"),
            (kit.Admin, HttpMethod.Get, "/api/instances?correlationId=a%00b", null, null, "correlationId"),
            (kit.Admin, HttpMethod.Get, "/api/audit?actor=%00", null, null, "actor"),
            (kit.Admin, HttpMethod.Get, "/api/tasks?role=ops&assignee=%ED%A0%80%00", null, null, "assignee"),
            (kit.Anonymous(), HttpMethod.Get, "/api/instances", null, ("X-Api-Key", apiKey + "\0"), "X-Api-Key"),
        };

        var failures = new List<string>();
        foreach (var (caller, method, path, body, header, field) in cases)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body };
            if (header is var (name, value))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await caller.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.BadRequest || !text.Contains($"\"{field}\":[", StringComparison.Ordinal))
            {
                failures.Add($"{method} {path} ({field}) → {(int)response.StatusCode} {text}");
            }
        }

        Assert.True(failures.Count == 0, "not a 400 naming the field:\n" + string.Join("\n", failures));
        Assert.Equal(before, await CountsAsync(kit));

        // The wait the refused payload was meant for is still open.
        Assert.Equal("Suspended", SleekApi.Status(await new SleekApi(kit.Admin).GetInstanceAsync(SleekApi.Id(waiting))));
        using var resumed = await kit.Admin.PostAsync(new Uri($"/api/bookmarks/{token}/resume", UriKind.Relative), Json("""{"outcome":"Approve","comment":"fine"}"""));
        await SleekApi.ExpectAsync(resumed, HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_page_past_any_offset_is_the_same_400_naming_page_on_both_databases()
    {
        await using var kit = new SecurityKit(database);
        foreach (var list in new[] { "/api/instances", "/api/tasks", "/api/incidents", "/api/orders", "/api/users", "/api/audit" })
        {
            using var tooFar = await kit.Admin.GetAsync(new Uri($"{list}?page=2147483647", UriKind.Relative));
            var problem = await SleekApi.ExpectProblemAsync(tooFar, HttpStatusCode.BadRequest, "page");
            Assert.Equal("must be between 1 and 10000000", problem["errors"]!["page"]![0]!.GetValue<string>());

            using var last = await kit.Admin.GetAsync(new Uri($"{list}?page=10000000&pageSize=200", UriKind.Relative));
            var page = await SleekApi.ExpectAsync(last, HttpStatusCode.OK);
            Assert.Empty(page["items"]!.AsArray());
        }
    }

    [Fact]
    public async Task A_body_in_a_charset_other_than_UTF_8_is_415()
    {
        await using var kit = new SecurityKit(database, Settings, folder => folder.WithSample("sample-approval"));
        const string body = """{"definitionId":"sample-approval","input":{"requestId":"R-9"}}""";
        foreach (var charset in new[] { "klingon", "utf-16", "\"iso-8859-1\"" })
        {
            var content = new StringContent(body);
            content.Headers.ContentType = null;
            content.Headers.TryAddWithoutValidation("Content-Type", $"application/json; charset={charset}");
            using var refused = await kit.Admin.PostAsync(new Uri("/api/instances", UriKind.Relative), content);
            await SleekApi.ExpectProblemAsync(refused, HttpStatusCode.UnsupportedMediaType, "Content-Type");
        }

        foreach (var charset in new[] { "utf-8", "UTF-8", "\"utf-8\"" })
        {
            var content = new StringContent(body);
            content.Headers.ContentType = null;
            content.Headers.TryAddWithoutValidation("Content-Type", $"application/json; charset={charset}");
            using var accepted = await kit.Admin.PostAsync(new Uri("/api/instances", UriKind.Relative), content);
            await SleekApi.ExpectAsync(accepted, HttpStatusCode.Created);
        }
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Rows of every table a refused request could have written to, on either database.</summary>
    private static async Task<string> CountsAsync(SecurityKit kit)
    {
        await using var engine = kit.Service<EngineDb>().CreateContext();
        await using var marketplace = kit.Service<MarketplaceDb>().CreateContext();
        await using var security = kit.Service<SecurityDb>().CreateContext();
        return string.Join(", ", new[]
        {
            $"instances {await engine.Instances.CountAsync()}",
            $"open bookmarks {await engine.Bookmarks.CountAsync(b => b.ConsumedAt == null)}",
            $"journal {await engine.Journal.CountAsync()}",
            $"definitions {await engine.Definitions.CountAsync()}",
            $"idempotency keys {await engine.IdempotencyKeys.CountAsync()}",
            $"work {await engine.WorkItems.CountAsync()}",
            $"quotes {await marketplace.Quotes.CountAsync()}",
            $"orders {await marketplace.Orders.CountAsync()}",
            $"rule set versions {await marketplace.RuleSetVersions.CountAsync()}",
            $"users {await security.Users.CountAsync()}",
            $"api keys {await security.ApiKeys.CountAsync()}",
        });
    }
}

public sealed class InputValidationOnPostgres(PostgresDatabase database) : InputValidationScenario(database), IClassFixture<PostgresDatabase>;

public sealed class InputValidationOnSqlite(SqliteDatabase database) : InputValidationScenario(database), IClassFixture<SqliteDatabase>;
