using System.Net;
using System.Text.Json.Nodes;

namespace Sleek.Workflows.Host.Tests.Infrastructure;

/// <summary>One event of a <c>text/event-stream</c>: its id, type and JSON data.</summary>
public sealed record SseEvent(string? Id, string Type, JsonObject Data);

/// <summary>
/// Reads a Server-Sent Events stream as a browser's EventSource would: lines of <c>id:</c>, <c>event:</c>, <c>data:</c>,
/// an empty line ending each event. Opened with <c>ResponseHeadersRead</c>, so events arrive while the server writes them.
/// </summary>
public sealed class SseReader : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseReader(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _reader = new StreamReader(body);
    }

    /// <summary>Opens <paramref name="path"/>; <paramref name="lastEventId"/> is sent as <c>Last-Event-ID</c>. Returns the response when it is not a stream.</summary>
    public static async Task<(SseReader? Reader, HttpResponseMessage Response)> OpenAsync(HttpClient client, string path, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/event-stream")
        {
            return (null, response);
        }

        return (new SseReader(response, await response.Content.ReadAsStreamAsync()), response);
    }

    /// <summary>The next event other than a heartbeat (<c>ping</c>); throws when none arrives within <paramref name="timeout"/>.</summary>
    public async Task<SseEvent> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            string? id = null;
            var type = "message";
            var data = new List<string>();
            while (true)
            {
                var line = await _reader.ReadLineAsync(cts.Token) ?? throw new EndOfStreamException("the server closed the event stream");
                if (line.Length == 0)
                {
                    break;
                }

                if (line.StartsWith("id:", StringComparison.Ordinal))
                {
                    id = line[3..].Trim();
                }
                else if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    type = line[6..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data.Add(line[5..].TrimStart());
                }
            }

            if (data.Count > 0 && type != "ping")
            {
                return new SseEvent(id, type, (JsonObject)JsonNode.Parse(string.Join('\n', data))!);
            }
        }
    }

    /// <summary>Events until one satisfies <paramref name="last"/> (included).</summary>
    public async Task<List<SseEvent>> UntilAsync(Func<SseEvent, bool> last, TimeSpan? timeout = null)
    {
        var events = new List<SseEvent>();
        while (true)
        {
            var next = await NextAsync(timeout);
            events.Add(next);
            if (last(next))
            {
                return events;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
