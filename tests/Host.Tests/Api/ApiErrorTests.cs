using System.Net;
using System.Text.Json.Nodes;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Api;

/// <summary>Bad requests get RFC 7807 problem details naming the field, never a 500.</summary>
public sealed class ApiErrorTests(PostgresDatabase database) : HostScenario(database), IClassFixture<PostgresDatabase>
{
    private SleekApi StartHostWithSamples() => StartHost(NewFolder().WithSample("sample-approval"));

    [Theory]
    [InlineData("""{"definitionId": "sample-approval", """, "body")]
    [InlineData("""{"definitionId": 5}""", "definitionId")]
    [InlineData("""{"definitionId": "sample-approval", "input": [1, 2]}""", "input")]
    public async Task Start_with_a_body_that_does_not_bind_is_a_400_naming_the_field(string body, string field)
    {
        var api = StartHostWithSamples();

        using var response = await api.PostRawAsync("/api/instances", body);

        await SleekApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Start_without_definition_id_is_a_400_naming_it()
    {
        var api = StartHostWithSamples();

        using var response = await api.PostRawAsync("/api/instances", "{}");

        await SleekApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, "definitionId");
    }

    [Fact]
    public async Task Start_of_an_unknown_definition_is_a_404()
    {
        var api = StartHostWithSamples();

        using var response = await api.PostAsync("/api/instances", new { definitionId = "no-such-workflow" });

        var problem = await SleekApi.ExpectProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("no-such-workflow", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_without_a_required_input_is_a_400_naming_it()
    {
        var api = StartHostWithSamples();

        using var response = await api.PostAsync("/api/instances", new { definitionId = "sample-approval", input = new { amount = 3 } });

        await SleekApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, "input.requestId");
    }

    [Theory]
    [InlineData("/api/instances/0193a0b4-0000-7000-8000-000000000000")]
    [InlineData("/api/instances/not-a-guid")]
    [InlineData("/api/instances/12345")]
    public async Task Unknown_instance_is_a_404_problem(string path)
    {
        var api = StartHostWithSamples();

        using var response = await api.GetAsync(path);

        await SleekApi.ExpectProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/instances?status=Sleeping", "status")]
    [InlineData("/api/instances?pageSize=0", "pageSize")]
    [InlineData("/api/instances?pageSize=1000", "pageSize")]
    [InlineData("/api/instances?page=0", "page")]
    [InlineData("/api/incidents?pageSize=1000", "pageSize")]
    public async Task Bad_list_filter_is_a_400_naming_it(string path, string field)
    {
        var api = StartHostWithSamples();

        using var response = await api.GetAsync(path);

        await SleekApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("short")]
    public async Task Resume_with_an_unknown_token_is_a_404(string token)
    {
        var api = StartHostWithSamples();

        using var response = await api.ResumeAsync(token, new { outcome = "Approve" });

        await SleekApi.ExpectProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Resume_with_a_payload_that_does_not_fit_the_form_is_a_400_and_the_task_stays_open()
    {
        var api = StartHostWithSamples();
        var id = SleekApi.Id(await api.StartAsync("sample-approval", new { requestId = "R-3" }));
        var token = SleekApi.SingleBookmark(await api.WaitForStatusAsync(id, "Suspended"))["token"]!.GetValue<string>();

        using (var wrongOutcome = await api.ResumeAsync(token, new { outcome = "Maybe", comment = 5 }))
        {
            await SleekApi.ExpectProblemAsync(wrongOutcome, HttpStatusCode.BadRequest, "outcome", "comment");
        }

        using (var unknownField = await api.ResumeAsync(token, new { outcome = "Approve", colour = "red" }))
        {
            await SleekApi.ExpectProblemAsync(unknownField, HttpStatusCode.BadRequest, "colour");
        }

        var still = await api.GetInstanceAsync(id);
        Assert.Equal("Suspended", SleekApi.Status(still));
        Assert.Equal(token, SleekApi.SingleBookmark(still)["token"]!.GetValue<string>());
        Assert.DoesNotContain(SleekApi.Journal(still), j => j.Event == "Resumed");

        using (var valid = await api.ResumeAsync(token, new { outcome = "Approve" }))
        {
            await SleekApi.ExpectAsync(valid, HttpStatusCode.OK);
        }

        await api.WaitForStatusAsync(id, "Completed");
    }

    [Theory]
    [InlineData("""{"payload": {"amount": 1}}""", "correlationId")]
    [InlineData("""{"correlationId": "  "}""", "correlationId")]
    [InlineData("""{"correlationId": 7}""", "correlationId")]
    public async Task Event_without_a_usable_correlation_id_is_a_400(string body, string field)
    {
        var api = StartHostWithSamples();

        using var response = await api.PostRawAsync("/api/events/OrderPaid", body);

        await SleekApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Event_nobody_waits_for_is_a_404()
    {
        var api = StartHostWithSamples();

        using var response = await api.PublishEventAsync("OrderPaid", "nobody", null);

        await SleekApi.ExpectProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("[1, 2, 3]", "$")]
    [InlineData("""{"name": 5, "root": {"activities": [{"id": "start", "type": "Start"}]}}""", "name")]
    [InlineData("""{"name": "n", "root": {"activities": [{"id": "start"}]}}""", "root.activities[0]")]
    public async Task Draft_that_is_not_a_definition_is_a_400_naming_the_field(string body, string field)
    {
        var api = StartHostWithSamples();

        using var response = await api.PutRawAsync("/api/workflows/drafty/draft", body);

        await SleekApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Publishing_a_draft_with_semantic_errors_is_a_400_listing_the_field_paths()
    {
        var api = StartHostWithSamples();
        var draft = TestDefinitions.Logging("half-built", "hello");
        draft["root"]!["activities"]![1]!["type"] = "NoSuchActivity";
        draft["root"]!["activities"]!.AsArray().Add(new JsonObject { ["id"] = "orphan", ["type"] = "Log", ["inputs"] = new JsonObject { ["message"] = "x" } });

        using (var saved = await api.PutRawAsync("/api/workflows/half-built/draft", draft.ToJsonString()))
        {
            var body = await SleekApi.ExpectAsync(saved, HttpStatusCode.Created);
            Assert.False(body["valid"]!.GetValue<bool>());
        }

        using var response = await api.PostAsync("/api/workflows/half-built/publish");

        var problem = await SleekApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, "root.activities[1].type", "root.activities[2]");
        Assert.Contains("NoSuchActivity", problem["errors"]!["root.activities[1].type"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        using var versions = await api.GetAsync("/api/workflows/half-built/versions");
        Assert.Empty((await SleekApi.ExpectAsync(versions, HttpStatusCode.OK)).AsArray());
    }

    [Fact]
    public async Task Import_of_other_content_under_a_published_version_is_a_409_and_changes_nothing()
    {
        var api = StartHostWithSamples();
        var stored = (await api.GetJsonAsync("/api/workflows/sample-approval/versions/1")).ToJsonString();
        var changed = JsonNode.Parse(stored)!;
        changed["name"] = "Sneaky edit";

        using (var response = await api.PostRawAsync("/api/workflows/import", changed.ToJsonString()))
        {
            var problem = await SleekApi.ExpectProblemAsync(response, HttpStatusCode.Conflict);
            Assert.Contains("immutable", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Equal(stored, (await api.GetJsonAsync("/api/workflows/sample-approval/versions/1")).ToJsonString());
        Assert.Single((await api.GetJsonAsync("/api/workflows/sample-approval/versions")).AsArray());

        using var same = await api.PostRawAsync("/api/workflows/import", stored);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
    }

    [Fact]
    public async Task Publish_without_a_draft_is_a_409()
    {
        var api = StartHostWithSamples();

        using var response = await api.PostAsync("/api/workflows/sample-approval/publish");

        var problem = await SleekApi.ExpectProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("no draft", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_of_a_completed_instance_and_retry_of_a_healthy_one_are_409s()
    {
        var api = StartHostWithSamples();
        var id = SleekApi.Id(await api.StartAsync("sample-approval", new { requestId = "R-4" }));
        var token = SleekApi.SingleBookmark(await api.WaitForStatusAsync(id, "Suspended"))["token"]!.GetValue<string>();

        using (var retryWaiting = await api.PostAsync($"/api/instances/{id}/retry"))
        {
            var problem = await SleekApi.ExpectProblemAsync(retryWaiting, HttpStatusCode.Conflict);
            Assert.Equal("Suspended", SleekApi.Status(problem["current"]!));
        }

        using (var resumed = await api.ResumeAsync(token, new { outcome = "Reject" }))
        {
            await SleekApi.ExpectAsync(resumed, HttpStatusCode.OK);
        }

        await api.WaitForStatusAsync(id, "Completed");
        using (var cancel = await api.PostAsync($"/api/instances/{id}/cancel", new { reason = "too late" }))
        {
            var problem = await SleekApi.ExpectProblemAsync(cancel, HttpStatusCode.Conflict);
            Assert.Equal("Completed", SleekApi.Status(problem["current"]!));
        }

        using (var retryDone = await api.PostAsync($"/api/instances/{id}/retry"))
        {
            await SleekApi.ExpectProblemAsync(retryDone, HttpStatusCode.Conflict);
        }

        using var unknown = await api.PostAsync($"/api/instances/{Guid.NewGuid()}/cancel");
        await SleekApi.ExpectProblemAsync(unknown, HttpStatusCode.NotFound);
    }
}
