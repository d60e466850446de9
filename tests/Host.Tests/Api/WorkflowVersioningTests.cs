using System.Net;
using System.Text.Json.Nodes;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Api;

/// <summary>Designer flow: create, save drafts, publish; each publish is a new immutable version.</summary>
public sealed class WorkflowVersioningTests(PostgresDatabase database) : HostScenario(database), IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Create_draft_and_publish_make_v1_then_a_change_makes_v2_and_v1_stays_as_it_was()
    {
        var api = StartHost(NewFolder());
        var definition = TestDefinitions.Logging("designer-flow", "version one");

        using (var created = await api.PostRawAsync("/api/workflows", definition.ToJsonString()))
        {
            var body = await SleekApi.ExpectAsync(created, HttpStatusCode.Created);
            Assert.Equal(0, body["latestVersion"]!.GetValue<int>());
            Assert.NotNull(body["draft"]);
        }

        using (var duplicate = await api.PostRawAsync("/api/workflows", definition.ToJsonString()))
        {
            await SleekApi.ExpectProblemAsync(duplicate, HttpStatusCode.Conflict);
        }

        definition["description"] = "saved from the designer";
        using (var saved = await api.PutRawAsync("/api/workflows/designer-flow/draft", definition.ToJsonString()))
        {
            var body = await SleekApi.ExpectAsync(saved, HttpStatusCode.OK);
            Assert.True(body["valid"]!.GetValue<bool>(), body.ToJsonString());
        }

        using (var published = await api.PostAsync("/api/workflows/designer-flow/publish"))
        {
            Assert.Equal(1, (await SleekApi.ExpectAsync(published, HttpStatusCode.Created))["version"]!.GetValue<int>());
        }

        var v1 = (await api.GetJsonAsync("/api/workflows/designer-flow/versions/1")).ToJsonString();
        Assert.Contains("version one", v1, StringComparison.Ordinal);
        var instance = SleekApi.Id(await api.StartAsync("designer-flow"));

        definition["root"]!["activities"]![1]!["inputs"]!["message"] = "version two";
        using (var saved = await api.PutRawAsync("/api/workflows/designer-flow/draft", definition.ToJsonString()))
        {
            await SleekApi.ExpectAsync(saved, HttpStatusCode.OK);
        }

        using (var published = await api.PostAsync("/api/workflows/designer-flow/publish"))
        {
            Assert.Equal(2, (await SleekApi.ExpectAsync(published, HttpStatusCode.Created))["version"]!.GetValue<int>());
        }

        var versions = (await api.GetJsonAsync("/api/workflows/designer-flow/versions")).AsArray();
        Assert.Equal([2, 1], versions.Select(v => v!["version"]!.GetValue<int>()));
        Assert.Equal(v1, (await api.GetJsonAsync("/api/workflows/designer-flow/versions/1")).ToJsonString());
        var workflow = await api.GetJsonAsync("/api/workflows/designer-flow");
        Assert.Equal(2, workflow["latestVersion"]!.GetValue<int>());
        Assert.Null(workflow["draft"]);

        using (var export = await api.GetAsync("/api/workflows/designer-flow/export"))
        {
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            Assert.Equal("designer-flow-v2.json", export.Content.Headers.ContentDisposition?.FileNameStar ?? export.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            var file = JsonNode.Parse(await export.Content.ReadAsStringAsync())!;
            Assert.Equal(2, file["version"]!.GetValue<int>());
            Assert.Equal("version two", file["root"]!["activities"]![1]!["inputs"]!["message"]!.GetValue<string>());
        }

        // The instance started on v1 stays on v1; new instances take the latest.
        Assert.Equal(1, (await api.GetInstanceAsync(instance))["version"]!.GetValue<int>());
        var later = await api.WaitForStatusAsync(SleekApi.Id(await api.StartAsync("designer-flow")), "Completed");
        Assert.Equal(2, later["version"]!.GetValue<int>());
        Assert.Equal("version two", later["journal"]![1]!["output"]!.GetValue<string>());
    }
}
