using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Activities.BuiltIn;

/// <summary>
/// Answers the HTTP request an HttpEndpoint of this instance received last, with a status, headers and a JSON body. The
/// answer is this activity's journal entry, committed with its burst: the host serving the request (whichever it is)
/// reads it and answers. A request with no answer within the hook timeout got 202 already; a later answer is kept in
/// the journal only.
/// </summary>
[Activity("WriteHttpResponse", InProcess = true, Category = "Integration", DisplayName = "Write HTTP response", Description = "Answers the request the instance's HttpEndpoint received last: status (200–599), headers, JSON body.", OutputType = "object")]
public sealed class WriteHttpResponse : IActivity
{
    /// <summary>HTTP status.</summary>
    [Input(Description = "HTTP status, e.g. 200 or 201.")]
    public int Status { get; set; } = 200;

    /// <summary>Response headers.</summary>
    [Input(Description = "Headers as an object of name → value (Content-Type is application/json).")]
    public Dictionary<string, string> Headers { get; set; } = [];

    /// <summary>JSON body.</summary>
    [Input(Description = "JSON body.")]
    public JsonNode? Body { get; set; }

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (Status is < 200 or > 599)
        {
            return ValueTask.FromResult(ActivityResult.Fault($"status {Status} is outside 200–599", retryable: false));
        }

        // The last request an HttpEndpoint of this instance took (its output has the request id).
        var request = context.Outputs
            .Where(o => o.Value is JsonObject r && r["requestId"] is not null && r["receivedAt"] is not null)
            .Select(o => (JsonObject)o.Value!)
            .OrderByDescending(r => r["receivedAt"]!.GetValue<string>(), StringComparer.Ordinal)
            .FirstOrDefault();
        if (request is null)
        {
            return ValueTask.FromResult(ActivityResult.Fault("no HTTP request to answer: no HttpEndpoint of this instance has received one", retryable: false));
        }

        var headers = new JsonObject();
        foreach (var (name, value) in Headers)
        {
            headers[name] = value;
        }

        return ValueTask.FromResult(ActivityResult.Done(new JsonObject
        {
            ["requestId"] = request["requestId"]!.DeepClone(),
            ["status"] = Status,
            ["headers"] = headers,
            ["body"] = Body?.DeepClone(),
        }));
    }
}
