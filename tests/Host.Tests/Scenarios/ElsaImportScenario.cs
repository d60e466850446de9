using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Definitions;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

/// <summary>
/// Elsa 3 import on the server (issue 16 part 3): exports as Elsa Studio writes them (Fixtures/elsa) are converted by the
/// one converter whichever way they come — <c>POST /api/workflows/import</c>, <c>POST /api/workflows/convert</c> (the
/// designer) or a file dropped into <c>workflows/</c> — and then run; an export with types or expressions that have no
/// equivalent is one 400 saying it is an Elsa export and naming each of them.
/// </summary>
public abstract class ElsaImportScenario(TestDatabase database) : HostScenario(database)
{
    internal static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "elsa", name));

    [Fact]
    public async Task An_http_workflow_from_Elsa_imports_and_answers_its_route()
    {
        var host = NewHost(NewFolder());
        var admin = new SleekApi(host.CreateClient());

        var imported = await SleekApi.ExpectAsync(await admin.PostRawAsync("/api/workflows/import", Fixture("http-order-check.json")), HttpStatusCode.Created);
        Assert.Equal("http-order-check", imported["definitionId"]!.GetValue<string>());
        var definition = await admin.GetJsonAsync("/api/workflows/http-order-check/versions/1");
        var activities = definition["root"]!["activities"]!.AsArray();
        Assert.Equal(["start", "receive", "set-amount", "is-big", "say-big", "answer"], activities.Select(a => a!["id"]!.GetValue<string>()));
        Assert.Equal(["Start", "HttpEndpoint", "SetVariable", "Decision", "Log", "WriteHttpResponse"], activities.Select(a => a!["type"]!.GetValue<string>()));
        Assert.Equal("orders/check", activities[1]!["inputs"]!["path"]!.GetValue<string>());
        Assert.Equal("variables.Amount > 100", activities[3]!["inputs"]!["condition"]!["$js"]!.GetValue<string>());
        Assert.Equal(-420, activities[1]!["position"]!["x"]!.GetValue<double>());

        // The same file again changes nothing, as for our own files.
        await SleekApi.ExpectAsync(await admin.PostRawAsync("/api/workflows/import", Fixture("http-order-check.json")), HttpStatusCode.OK);

        using var key = await admin.Client.PostAsJsonAsync("/api/api-keys", new { name = "elsa-hook", scopes = new[] { "hooks:call" } });
        using var caller = host.CreateAnonymousClient();
        caller.DefaultRequestHeaders.Add("X-Api-Key", (await SleekApi.ExpectAsync(key, HttpStatusCode.Created))["key"]!.GetValue<string>());
        using var answer = await caller.PostAsJsonAsync("/api/hooks/orders/check", new { });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("elsa-import", answer.Headers.GetValues("X-Checked-By").Single());
        var body = (await answer.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(body["big"]!.GetValue<bool>());
        Assert.Equal(250, body["amount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_parent_calling_a_child_imports_and_runs_the_child()
    {
        var admin = StartHost(NewFolder().WithSample("sample-line-total"));

        await SleekApi.ExpectAsync(await admin.PostRawAsync("/api/workflows/import", Fixture("parent-and-child.json")), HttpStatusCode.Created);
        var definition = await admin.GetJsonAsync("/api/workflows/elsa-parent/versions/2");
        var activities = definition["root"]!["activities"]!.AsArray();
        Assert.Equal(["Start", "ExecuteWorkflow", "DispatchWorkflow", "End"], activities.Select(a => a!["type"]!.GetValue<string>()));
        Assert.Equal("Completed", definition["root"]!["connections"]![1]!["source"]!["port"]!.GetValue<string>());
        Assert.Equal("input.OrderId", activities[1]!["inputs"]!["correlationId"]!["$js"]!.GetValue<string>());
        Assert.Equal("OrderId", definition["inputs"]![0]!["name"]!.GetValue<string>());

        var instance = await admin.StartAsync("elsa-parent", new { OrderId = "order-7" }, "order-7");
        var done = await admin.WaitForStatusAsync(SleekApi.Id(instance), "Completed");
        Assert.Equal(2, done["children"]!.AsArray().Count);
    }

    [Fact]
    public async Task Elsa_3_0_connections_fork_join_event_and_delay_convert()
    {
        var admin = StartHost(NewFolder());

        var converted = await SleekApi.ExpectAsync(await admin.PostRawAsync("/api/workflows/convert", Fixture("fork-and-wait-3.0.json")), HttpStatusCode.OK);
        var definition = converted["definition"]!;
        Assert.Equal("elsaforkandwait", definition["definitionId"]!.GetValue<string>());
        var types = definition["root"]!["activities"]!.AsArray().ToDictionary(a => a!["id"]!.GetValue<string>(), a => a!);
        Assert.Equal(["Payment", "Reminder"], types["Fork1"]["inputs"]!["branches"]!.AsArray().Select(b => b!.GetValue<string>()));
        Assert.Equal("WaitAny", types["Join1"]["inputs"]!["mode"]!.GetValue<string>());
        Assert.Equal("00:10:00", types["Delay1"]["inputs"]!["duration"]!.GetValue<string>());
        Assert.Equal("Note", types["WriteLine1"]["inputs"]!["message"]!["$var"]!.GetValue<string>());
        Assert.Empty(converted["errors"]!.AsArray());

        // Converting saves nothing; importing publishes it under the converted id.
        await SleekApi.ExpectProblemAsync(await admin.GetAsync("/api/workflows/elsaforkandwait"), HttpStatusCode.NotFound);
        await SleekApi.ExpectAsync(await admin.PostRawAsync("/api/workflows/import", Fixture("fork-and-wait-3.0.json")), HttpStatusCode.Created);
        var instance = await admin.StartAsync("elsaforkandwait", correlationId: "pay-1");
        await SleekApi.ExpectAsync(await admin.PublishEventAsync("PaymentReceived", "pay-1", new { }), HttpStatusCode.OK);
        await admin.WaitForStatusAsync(SleekApi.Id(instance), "Completed");
    }

    [Fact]
    public async Task An_export_with_unsupported_types_and_expressions_is_one_problem_naming_each()
    {
        var admin = StartHost(NewFolder());

        foreach (var path in new[] { "/api/workflows/import", "/api/workflows/convert" })
        {
            var problem = await SleekApi.ExpectProblemAsync(await admin.PostRawAsync(path, Fixture("unsupported-mixed.json")), HttpStatusCode.BadRequest);
            var detail = problem["detail"]!.GetValue<string>();
            Assert.StartsWith("This is an Elsa 3 workflow export", detail, StringComparison.Ordinal);
            Assert.Contains("2 activity type(s)", detail, StringComparison.Ordinal);
            var errors = problem["errors"]!.AsObject().ToDictionary(e => e.Key, e => e.Value!.AsArray().Single()!.GetValue<string>());
            Assert.Equal(4, errors.Count); // no schema noise: two types, one C# and one Liquid expression
            Assert.Equal("activity 'mail': Elsa type 'Elsa.SendEmail' has no equivalent here", errors["root.activities[2].type"]);
            Assert.Equal("activity 'archive': Elsa type 'Elsa.RunTask' has no equivalent here", errors["root.activities[4].type"]);
            Assert.Contains("activity 'normalise': a C# expression cannot be carried over", errors["root.activities[1].value"], StringComparison.Ordinal);
            Assert.Contains("activity 'note': a Liquid expression cannot be carried over", errors["root.activities[3].text"], StringComparison.Ordinal);
        }

        var list = (await admin.GetJsonAsync("/api/workflows")).AsArray();
        Assert.DoesNotContain(list, w => w!["definitionId"]!.GetValue<string>() == "elsa-unsupported");
    }

    [Theory]
    [InlineData("""{"root":{"type":"Elsa.Flowchart","activities":[5,{"id":"s","type":"Elsa.Start","metadata":"oops"},{"id":"w","type":"Elsa.WriteLine","text":"plain","metadata":{"designer":7}}],"connections":[{"source":7},{"source":{"activity":"s"},"target":{"activity":"w"}},"x"]}}""", HttpStatusCode.Created)]
    [InlineData("""{"root":{"type":"Elsa.Flowchart","activities":{"not":"a list"}}}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"root":{"type":"Elsa.Sequence","activities":[]}}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"root":{"type":"Elsa.Flowchart","activities":[{"id":"../../etc","type":"Elsa.WriteLine","text":{"expression":{"type":"Python","value":"1"}}}]}}""", HttpStatusCode.BadRequest)]
    public async Task A_careless_hand_written_export_is_converted_or_refused_never_a_500(string json, HttpStatusCode expected)
    {
        var admin = StartHost(NewFolder());
        using var response = await admin.PostRawAsync("/api/workflows/import", json);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Our_own_file_is_not_an_Elsa_export_for_convert()
    {
        var admin = StartHost(NewFolder());
        await SleekApi.ExpectProblemAsync(await admin.PostRawAsync("/api/workflows/convert", TestDefinitions.Logging("ours", "hi").ToJsonString()), HttpStatusCode.BadRequest, "root.type");
    }

    [Fact]
    public async Task An_Elsa_file_dropped_into_workflows_is_imported_under_its_path_and_a_bad_one_stops_start_up()
    {
        // (Not the HTTP fixture: the class's tests share a database, and a second workflow on its route would clash.)
        var admin = StartHost(NewFolder().WithFile("fork-wait", 1, Fixture("fork-and-wait-3.0.json")));
        var definition = await admin.GetJsonAsync("/api/workflows/fork-wait/versions/1");
        Assert.Equal("Fork", definition["root"]!["activities"]![1]!["type"]!.GetValue<string>());

        var host = NewHost(NewFolder().WithFile("elsa-unsupported", 1, Fixture("unsupported-mixed.json")));
        var error = await Record.ExceptionAsync(() => Task.Run(() => host.CreateClient()));
        var sync = Unwrap(error);
        Assert.Contains("elsa-unsupported", sync.Message, StringComparison.Ordinal);
        Assert.Contains("This is an Elsa 3 workflow export", sync.Message, StringComparison.Ordinal);
        Assert.Contains("Elsa.RunTask", sync.Message, StringComparison.Ordinal);
    }

    private static WorkflowSyncException Unwrap(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is WorkflowSyncException sync)
            {
                return sync;
            }
        }

        throw new Xunit.Sdk.XunitException($"start-up did not fail with a WorkflowSyncException: {error}");
    }
}

public sealed class ElsaImportOnPostgres(PostgresDatabase database) : ElsaImportScenario(database), IClassFixture<PostgresDatabase>;
