using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Sleek.Workflows.Engine.Activities.BuiltIn;

/// <summary>Calls an HTTP endpoint. 2xx continues through Success, any other status through Failure; no answer in time faults.</summary>
[Activity("HttpRequest", Category = "Integration", DisplayName = "HTTP request", Ports = ["Success", "Failure"], Description = "Sends an HTTP request; 2xx → Success, other status → Failure, timeout or network error → fault.", OutputType = "object")]
public sealed class HttpRequest : IActivity
{
    /// <summary>Name of the HttpClient the runtime registers for this activity.</summary>
    public const string ClientName = "Sleek.Workflows.HttpRequest";

    /// <summary>Absolute http(s) URL.</summary>
    [Input(Required = true, Description = "Absolute http or https URL.")]
    public string Url { get; set; } = "";

    /// <summary>Header carrying <see cref="ActivityContext.IdempotencyKey"/> unless the definition sets it.</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>HTTP method.</summary>
    [Input(Options = ["GET", "POST", "PUT", "PATCH", "DELETE"], Description = "HTTP method.")]
    public string Method { get; set; } = "GET";

    /// <summary>Request headers.</summary>
    [Input(Description = "Headers as an object of name → value.")]
    public Dictionary<string, string> Headers { get; set; } = [];

    /// <summary>JSON body (for POST/PUT/PATCH).</summary>
    [Input(Description = "JSON body.")]
    public JsonNode? Body { get; set; }

    /// <summary>Seconds to wait for the answer.</summary>
    [Input(Description = "Seconds to wait before giving up (1–300).")]
    public int TimeoutSeconds { get; set; } = 30;

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return ActivityResult.Fault($"url '{Url}' is not an absolute http(s) URL");
        }

        if (TimeoutSeconds is < 1 or > 300)
        {
            return ActivityResult.Fault($"timeoutSeconds {TimeoutSeconds} is outside 1–300");
        }

        using var request = new HttpRequestMessage(new HttpMethod(Method.ToUpperInvariant()), uri);
        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        // The same key on every retry of this execution lets the partner drop a repeat; a definition may set its own.
        if (!request.Headers.Contains(IdempotencyHeader))
        {
            request.Headers.TryAddWithoutValidation(IdempotencyHeader, context.IdempotencyKey);
        }

        if (Body is not null)
        {
            request.Content = new StringContent(Body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        var client = context.Services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(TimeoutSeconds));
        try
        {
            using var response = await client.SendAsync(request, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            var output = new JsonObject
            {
                ["statusCode"] = (int)response.StatusCode,
                ["body"] = ParseBody(text),
            };
            return ActivityResult.Outcome(response.IsSuccessStatusCode ? "Success" : "Failure", output);
        }
        catch (OperationCanceledException) when (!context.CancellationToken.IsCancellationRequested)
        {
            return ActivityResult.Fault($"{Method} {uri} did not answer within {TimeoutSeconds} s");
        }
        catch (HttpRequestException ex)
        {
            return ActivityResult.Fault($"{Method} {uri} failed: {ex.Message}");
        }
    }

    private static JsonNode? ParseBody(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text.Length > 100_000 ? text[..100_000] : text);
        }
    }
}
