using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Engine.Outbound;

namespace Sleek.Workflows.Engine.Activities.BuiltIn;

/// <summary>
/// Calls an HTTP endpoint. 2xx continues through Success, any other status through Failure; no answer in time faults.
/// Only hosts on <c>Http__AllowedHosts</c> are called, connections go only to allowed addresses (<see cref="OutboundConnector"/>),
/// redirects are not followed and the answer is read up to <c>Http__MaxResponseBytes</c>.
/// </summary>
[Activity("HttpRequest", Category = "Integration", DisplayName = "HTTP request", Ports = ["Success", "Failure"], Description = "Sends an HTTP request to a host on Http__AllowedHosts; 2xx → Success, other status (redirects too) → Failure, timeout, network error or an answer over Http__MaxResponseBytes → fault.", OutputType = "object")]
public sealed class HttpRequest : IActivity
{
    /// <summary>Name of the HttpClient the runtime registers for this activity.</summary>
    public const string ClientName = "Sleek.Workflows.HttpRequest";

    /// <summary>Header carrying <see cref="ActivityContext.IdempotencyKey"/> unless the definition sets it.</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>Absolute http(s) URL.</summary>
    [Input(Required = true, Description = "Absolute http or https URL of a host on Http__AllowedHosts.")]
    public string Url { get; set; } = "";

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
        // Refusals that another try would only repeat are not retried by the node's retry policy.
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return ActivityResult.Fault($"url '{Url}' is not an absolute http(s) URL", retryable: false);
        }

        if (TimeoutSeconds is < 1 or > 300)
        {
            return ActivityResult.Fault($"timeoutSeconds {TimeoutSeconds} is outside 1–300", retryable: false);
        }

        var policy = context.Services.GetRequiredService<OutboundPolicy>();
        if (!policy.AllowsHost(uri.IdnHost))
        {
            Runtime.EngineTelemetry.RecordOutboundRefusal("host", null);
            return ActivityResult.Fault($"{Method} {uri} refused: host '{uri.IdnHost}' is not allowed; ops list the hosts workflows may call in Http__AllowedHosts", retryable: false);
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
            // Headers first: the body is read while it streams in, up to the cap, never buffered whole.
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var limit = policy.Options.MaxResponseBytes;
            if (await CappedBody.ReadAsync(response.Content, limit, timeout.Token) is not { } text)
            {
                Runtime.EngineTelemetry.RecordOutboundRefusal("size", null);
                return ActivityResult.Fault($"{Method} {uri} answered {(int)response.StatusCode} with a body larger than {limit} bytes (Http__MaxResponseBytes); it was not read further", retryable: false);
            }

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
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            // One message for a closed port, a filtered one, an unknown name and an address that is not allowed.
            return ActivityResult.Fault($"{Method} {uri} failed: {OutboundConnector.CouldNotConnect} to {uri.IdnHost}:{uri.Port}");
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
