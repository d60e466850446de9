using System.Net;
using System.Text.Json.Nodes;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Api;

/// <summary>
/// Traps a careless designer (or a hand-written file) could fall into, refused by the server with the reason:
/// a Decision whose condition is text instead of JavaScript, and publishing a draft that changes nothing.
/// </summary>
public sealed class DefinitionTrapsTests(PostgresDatabase database) : HostScenario(database), IClassFixture<PostgresDatabase>
{
    /// <summary>Start → Decision(condition) → Log on True and on False.</summary>
    private static JsonObject Deciding(string definitionId, JsonNode condition)
    {
        var definition = JsonNode.Parse($$"""
            {
              "definitionId": "{{definitionId}}", "version": 1, "name": "Decides",
              "root": {
                "activities": [
                  { "id": "start", "type": "Start" },
                  { "id": "say", "type": "Log", "inputs": { "message": "big" } },
                  { "id": "decide", "type": "Decision", "inputs": { } }
                ],
                "connections": [
                  { "source": { "activity": "start" }, "target": { "activity": "decide" } },
                  { "source": { "activity": "decide", "port": "True" }, "target": { "activity": "say" } },
                  { "source": { "activity": "decide", "port": "False" }, "target": { "activity": "say" } }
                ]
              }
            }
            """)!.AsObject();
        definition["root"]!["activities"]![2]!["inputs"]!["condition"] = condition;
        return definition;
    }

    [Fact]
    public async Task A_decision_whose_condition_is_text_is_refused_naming_the_field_on_import_and_on_publish()
    {
        var api = StartHost(NewFolder());

        // The trap of the issue: "1 > 1000" stored as text is a non-empty string, so every instance took True.
        using (var imported = await api.PostRawAsync("/api/workflows/import", Deciding("text-condition", JsonValue.Create("1 > 1000")).ToJsonString()))
        {
            var problem = await SleekApi.ExpectProblemAsync(imported, HttpStatusCode.BadRequest, "root.activities[2].inputs.condition");
            var message = problem["errors"]!["root.activities[2].inputs.condition"]![0]!.GetValue<string>();
            Assert.Contains("takes an expression, not the text '1 > 1000'", message, StringComparison.Ordinal);
        }

        // A literal true is refused too: a constant condition always takes the same port.
        using (var imported = await api.PostRawAsync("/api/workflows/import", Deciding("constant-condition", JsonValue.Create(true)).ToJsonString()))
        {
            await SleekApi.ExpectProblemAsync(imported, HttpStatusCode.BadRequest, "root.activities[2].inputs.condition");
        }

        // A draft may hold it (half-built flows save), but says so, and publishing it is refused.
        using (var created = await api.PostRawAsync("/api/workflows", Deciding("draft-condition", JsonValue.Create("1 > 1000")).ToJsonString()))
        {
            await SleekApi.ExpectAsync(created, HttpStatusCode.Created);
        }

        using (var published = await api.PostAsync("/api/workflows/draft-condition/publish"))
        {
            await SleekApi.ExpectProblemAsync(published, HttpStatusCode.BadRequest, "root.activities[2].inputs.condition");
        }

        // The expression is what works.
        using (var imported = await api.PostRawAsync("/api/workflows/import", Deciding("js-condition", new JsonObject { ["$js"] = "1 > 1000" }).ToJsonString()))
        {
            await SleekApi.ExpectAsync(imported, HttpStatusCode.Created);
        }
    }

    [Theory]
    [InlineData("quote-to-delivery")]
    [InlineData("sample-approval")]
    [InlineData("sample-payment-timeout")]
    public async Task The_repository_workflows_still_validate(string definitionId)
    {
        var api = StartHost(NewFolder());
        // Every version in the folder: older ones keep their instances running.
        foreach (var path in Directory.GetFiles(Path.Combine(SourceTree.Root, "workflows", definitionId), "v*.json"))
        {
            using var validated = await api.PostRawAsync("/api/workflows/validate", await File.ReadAllTextAsync(path));
            var report = await SleekApi.ExpectAsync(validated, HttpStatusCode.OK);

            Assert.True(report["valid"]!.GetValue<bool>(), $"{path}: {report.ToJsonString()}");
        }
    }

    [Fact]
    public async Task Publishing_a_draft_that_changes_nothing_is_refused_with_409_saying_why()
    {
        var api = StartHost(NewFolder());
        var definition = TestDefinitions.Logging("unchanged-flow", "hello");
        using (var created = await api.PostRawAsync("/api/workflows", definition.ToJsonString()))
        {
            await SleekApi.ExpectAsync(created, HttpStatusCode.Created);
        }

        using (var published = await api.PostAsync("/api/workflows/unchanged-flow/publish"))
        {
            Assert.Equal(1, (await SleekApi.ExpectAsync(published, HttpStatusCode.Created))["version"]!.GetValue<int>());
        }

        // The same definition saved again as a draft: publishing it would make a v2 with no difference.
        using (var saved = await api.PutRawAsync("/api/workflows/unchanged-flow/draft", definition.ToJsonString()))
        {
            await SleekApi.ExpectAsync(saved, HttpStatusCode.OK);
        }

        using (var again = await api.PostAsync("/api/workflows/unchanged-flow/publish"))
        {
            var problem = await SleekApi.ExpectProblemAsync(again, HttpStatusCode.Conflict);
            Assert.Contains("nothing to publish: the draft is the same as version 1", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        var versions = (await api.GetJsonAsync("/api/workflows/unchanged-flow/versions")).AsArray();
        Assert.Single(versions);

        // One real change publishes as v2.
        definition["root"]!["activities"]![1]!["inputs"]!["message"] = "hello again";
        using (var saved = await api.PutRawAsync("/api/workflows/unchanged-flow/draft", definition.ToJsonString()))
        {
            await SleekApi.ExpectAsync(saved, HttpStatusCode.OK);
        }

        using (var published = await api.PostAsync("/api/workflows/unchanged-flow/publish"))
        {
            Assert.Equal(2, (await SleekApi.ExpectAsync(published, HttpStatusCode.Created))["version"]!.GetValue<int>());
        }
    }
}
