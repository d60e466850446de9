using System.Net;
using System.Text.Json.Nodes;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Api;

/// <summary>What clients and the designer discover: activity palette, OpenAPI document, API reference UI.</summary>
public sealed class DiscoveryTests(PostgresDatabase database) : HostScenario(database), IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Activities_lists_the_built_in_types_with_inputs_and_ports()
    {
        var api = StartHost(NewFolder());

        var activities = (await api.GetJsonAsync("/api/activities")).AsArray().ToDictionary(a => a!["type"]!.GetValue<string>());

        foreach (var type in new[] { "Start", "End", "Log", "SetVariable", "Decision", "Switch", "Fork", "Join", "ForEach", "Delay", "Timer", "WaitForEvent", "HumanTask", "HttpRequest", "Fault" })
        {
            Assert.True(activities.ContainsKey(type), $"/api/activities lacks {type}");
            Assert.False(string.IsNullOrEmpty(activities[type]!["category"]!.GetValue<string>()));
        }

        Assert.Equal(["True", "False"], Ports(activities["Decision"]!));
        Assert.Equal(["Success", "Failure"], Ports(activities["HttpRequest"]!));
        Assert.Empty(Ports(activities["End"]!));
        Assert.True(activities["HumanTask"]!["isResumable"]!.GetValue<bool>());
        Assert.True(activities["Fork"]!["hasDynamicPorts"]!.GetValue<bool>());
        var delayInput = Assert.Single(activities["Delay"]!["inputs"]!.AsArray())!;
        Assert.Equal("duration", delayInput["name"]!.GetValue<string>());
        Assert.True(delayInput["required"]!.GetValue<bool>());
        var url = activities["HttpRequest"]!["inputs"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == "url")!;
        Assert.True(url["required"]!.GetValue<bool>());
        var method = activities["HttpRequest"]!["inputs"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == "method")!;
        Assert.Contains("POST", method["options"]!.AsArray().Select(o => o!.GetValue<string>()));
    }

    [Fact]
    public async Task OpenApi_document_is_valid_json_describing_the_engine_api()
    {
        var api = StartHost(NewFolder());

        using var response = await api.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.StartsWith("3.", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Sleek Workflows API", document["info"]!["title"]!.GetValue<string>());
        var paths = document["paths"]!.AsObject();
        foreach (var path in new[] { "/api/instances", "/api/instances/{id}", "/api/bookmarks/{token}/resume", "/api/events/{name}", "/api/workflows", "/api/incidents", "/health" })
        {
            Assert.True(paths.ContainsKey(path), $"OpenAPI lacks {path}");
        }

        Assert.NotNull(paths["/api/instances"]!["post"]);
        Assert.NotNull(paths["/api/instances"]!["get"]);
    }

    [Theory]
    [InlineData("/scalar")]
    [InlineData("/scalar/v1")]
    public async Task Api_reference_is_served_as_html(string path)
    {
        var api = StartHost(NewFolder());

        using var response = await api.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
    }

    private static List<string> Ports(JsonNode activity) => [.. activity["ports"]!.AsArray().Select(p => p!.GetValue<string>())];
}
