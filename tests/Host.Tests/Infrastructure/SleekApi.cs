using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Sdk;

namespace Sleek.Workflows.Host.Tests.Infrastructure;

/// <summary>The engine API as the tests call it: thin wrappers over HTTP that return JSON.</summary>
public sealed class SleekApi(HttpClient client)
{
    public HttpClient Client => client;

    /// <summary>POST /api/instances; expects 201 and returns the instance.</summary>
    public async Task<JsonObject> StartAsync(string definitionId, object? input = null, string? correlationId = null)
    {
        using var response = await client.PostAsJsonAsync("/api/instances", new { definitionId, correlationId, input });
        return (JsonObject)await ExpectAsync(response, HttpStatusCode.Created);
    }

    /// <summary>GET /api/instances/{id}; expects 200.</summary>
    public async Task<JsonObject> GetInstanceAsync(string id)
    {
        using var response = await client.GetAsync(new Uri($"/api/instances/{id}", UriKind.Relative));
        return (JsonObject)await ExpectAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Polls the instance until it has <paramref name="status"/>.</summary>
    public Task<JsonObject> WaitForStatusAsync(string id, string status) =>
        Eventually.UntilAsync(() => GetInstanceAsync(id), i => Status(i) == status, $"instance {id} to be {status}", i => i.ToJsonString());

    public Task<HttpResponseMessage> ResumeAsync(string token, object? payload) =>
        client.PostAsJsonAsync($"/api/bookmarks/{token}/resume", payload);

    public Task<HttpResponseMessage> PublishEventAsync(string name, string correlationId, object? payload) =>
        client.PostAsJsonAsync($"/api/events/{name}", new { correlationId, payload });

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null) =>
        body is null ? client.PostAsync(new Uri(path, UriKind.Relative), null) : client.PostAsJsonAsync(path, body);

    public Task<HttpResponseMessage> PostRawAsync(string path, string body) =>
        client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> PutRawAsync(string path, string body) =>
        client.PutAsync(new Uri(path, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> GetAsync(string path) => client.GetAsync(new Uri(path, UriKind.Relative));

    /// <summary>GET a path; expects 200 and returns its JSON.</summary>
    public async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await GetAsync(path);
        return await ExpectAsync(response, HttpStatusCode.OK);
    }

    public static string Status(JsonNode instance) => instance["status"]!.GetValue<string>();

    public static string Id(JsonNode instance) => instance["id"]!.GetValue<string>();

    /// <summary>The instance's only open bookmark.</summary>
    public static JsonObject SingleBookmark(JsonNode instance)
    {
        var bookmarks = instance["bookmarks"]!.AsArray();
        Assert.True(bookmarks.Count == 1, $"expected one open bookmark, got {bookmarks.ToJsonString()}");
        return bookmarks[0]!.AsObject();
    }

    /// <summary>Journal rows as (activityId, event, executionNumber).</summary>
    public static List<(string Activity, string Event, int Execution)> Journal(JsonNode instance) =>
        [.. instance["journal"]!.AsArray().Select(j => (j!["activityId"]!.GetValue<string>(), j["event"]!.GetValue<string>(), j["executionNumber"]!.GetValue<int>()))];

    /// <summary>Checks the status code (showing the body when it differs) and returns the JSON body.</summary>
    public static async Task<JsonNode> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new XunitException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text)!;
    }

    /// <summary>
    /// Asserts an RFC 7807 answer: the content type, the status in the body and, when given, the
    /// fields the <c>errors</c> object names. Returns the problem.
    /// </summary>
    public static async Task<JsonObject> ExpectProblemAsync(HttpResponseMessage response, HttpStatusCode expected, params string[] fields)
    {
        var text = await response.Content.ReadAsStringAsync();
        var where = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {(int)response.StatusCode} {text}";
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}: {where}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"expected application/problem+json, got {response.Content.Headers.ContentType}: {where}");
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)expected, problem["status"]?.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()), $"problem without title: {where}");
        if (fields.Length > 0)
        {
            var errors = problem["errors"] as JsonObject;
            Assert.True(errors is not null, $"problem without an errors object: {where}");
            foreach (var field in fields)
            {
                Assert.True(errors.ContainsKey(field), $"errors does not name '{field}': {where}");
                Assert.NotEmpty(errors[field]!.AsArray());
            }
        }

        return problem;
    }
}
