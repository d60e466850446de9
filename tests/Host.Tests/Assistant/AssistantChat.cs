using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Assistant;

/// <summary>The assistant's API as a client uses it: start a conversation, send a message and read its whole event stream.</summary>
internal sealed class AssistantChat(HttpClient client)
{
    public HttpClient Client => client;

    /// <summary>The conversation <see cref="StartAsync"/> began.</summary>
    public string? Conversation { get; private set; }

    /// <summary>Starts a conversation with its first message and reads the stream to its end (the first event names the conversation).</summary>
    public async Task<List<(string Type, JsonObject Data)>> StartAsync(string text)
    {
        using var response = await StartRawAsync(text);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var events = Parse(await response.Content.ReadAsStringAsync());
        if (events.Count > 0 && events[0].Type == "conversation")
        {
            Conversation = events[0].Data["id"]!.GetValue<string>();
            Assert.Equal($"/api/assistant/conversations/{Conversation}", response.Headers.Location?.OriginalString);
        }

        return events;
    }

    public Task<HttpResponseMessage> StartRawAsync(string? text) =>
        client.PostAsJsonAsync(new Uri("/api/assistant/conversations", UriKind.Relative), new { text });

    /// <summary>Sends a message and reads the stream to its end: (event type, data) in order.</summary>
    public async Task<List<(string Type, JsonObject Data)>> SayAsync(string conversation, string text)
    {
        using var response = await SendAsync(conversation, text);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return Parse(await response.Content.ReadAsStringAsync());
    }

    public Task<HttpResponseMessage> SendAsync(string conversation, string? text) =>
        client.PostAsJsonAsync(new Uri($"/api/assistant/conversations/{conversation}/messages", UriKind.Relative), new { text });

    public Task<HttpResponseMessage> ConfirmAsync(string conversation, string proposal) =>
        client.PostAsync(new Uri($"/api/assistant/conversations/{conversation}/proposals/{proposal}/confirm", UriKind.Relative), null);

    public async Task<JsonObject> GetAsync(string conversation) =>
        (JsonObject)await SleekApi.ExpectAsync(await client.GetAsync(new Uri($"/api/assistant/conversations/{conversation}", UriKind.Relative)), HttpStatusCode.OK);

    public static JsonObject Tool(List<(string Type, JsonObject Data)> events, string name) =>
        events.Single(e => e.Type == "tool" && e.Data["toolName"]!.GetValue<string>() == name).Data;

    private static List<(string Type, JsonObject Data)> Parse(string stream)
    {
        var events = new List<(string, JsonObject)>();
        foreach (var block in stream.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var type = "message";
            var data = "";
            foreach (var line in block.Split('\n'))
            {
                if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    type = line[6..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data += line[5..].TrimStart();
                }
            }

            if (data.Length > 0)
            {
                events.Add((type, JsonNode.Parse(data)!.AsObject()));
            }
        }

        return events;
    }
}
