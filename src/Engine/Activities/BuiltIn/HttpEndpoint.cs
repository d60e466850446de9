using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Expressions;
using Sleek.Workflows.Engine.Runtime.Hooks;

namespace Sleek.Workflows.Engine.Activities.BuiltIn;

/// <summary>
/// An HTTP route under <c>/api/hooks/</c>, served by every host once the version is published. Right after Start it is a
/// trigger: each request starts an instance and this activity continues at once with the request as output
/// (<c>{requestId, method, path, query, headers, body, receivedAt}</c>). Anywhere else it waits, and a request to its path
/// carrying the instance's correlation key (header <c>X-Correlation-Id</c> or query <c>correlationId</c>) resumes it.
/// Answer the request with WriteHttpResponse; without one in time the caller gets 202 with the instance id.
/// </summary>
[Activity("HttpEndpoint", InProcess = true, Category = "Integration", DisplayName = "HTTP endpoint", Description = "Serves /api/hooks/<path>: right after Start each request starts an instance; elsewhere it waits for a request with the instance's correlation key (X-Correlation-Id). Output: {requestId, method, path, query, headers, body}.", OutputType = "object")]
public sealed class HttpEndpoint : IResumableActivity, IValidatesInputs
{
    /// <summary>The input key under which a hook start passes its request to the trigger.</summary>
    public const string InputKey = "http";

    /// <summary>The path under /api/hooks/.</summary>
    [Input(Required = true, LiteralOnly = true, Description = "Path under /api/hooks/, e.g. orders/intake: lower-case segments of letters, digits, - and _.")]
    public string Path { get; set; } = "";

    /// <summary>HTTP methods served.</summary>
    [Input(LiteralOnly = true, Description = "Methods served, e.g. [\"POST\"] (default POST; GET, POST, PUT, PATCH, DELETE).")]
    public List<string> Methods { get; set; } = ["POST"];

    /// <summary>Who may call: apiKey (with scope), role (a signed-in role) or public (rate limited).</summary>
    [Input(LiteralOnly = true, Options = ["apiKey", "role", "public"], Description = "apiKey (default: an API key with the scope), role (a signed-in user with the role) or public (anyone, rate limited per address).")]
    public string Auth { get; set; } = "apiKey";

    /// <summary>The API key scope (auth apiKey).</summary>
    [Input(LiteralOnly = true, Description = "Scope the API key needs (auth apiKey); default hooks:call.")]
    public string? Scope { get; set; }

    /// <summary>The role (auth role).</summary>
    [Input(LiteralOnly = true, Description = "Role the signed-in caller needs (auth role), e.g. ops.")]
    public string? Role { get; set; }

    /// <summary>A JSON Schema the body must match (400 naming the field otherwise).</summary>
    [Input(LiteralOnly = true, Description = "Optional JSON Schema of the body; a body that does not match gets 400 naming the field.")]
    public JsonNode? Schema { get; set; }

    /// <summary>Key a resuming request must carry (waits only); default the instance's correlation id.</summary>
    [Input(Description = "For a wait: the key a request must carry (X-Correlation-Id); default the instance's correlation id.")]
    public string? CorrelationKey { get; set; }

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        // The trigger of this instance: its start carried the request.
        if (context.ExecutionNumber == 1 && context.Input[InputKey] is JsonObject request
            && request["activityId"]?.GetValue<string>() == context.ActivityId)
        {
            return ValueTask.FromResult(ActivityResult.Done(request.DeepClone()));
        }

        var key = string.IsNullOrEmpty(CorrelationKey) ? context.CorrelationId : CorrelationKey;
        if (string.IsNullOrEmpty(key))
        {
            return ValueTask.FromResult(ActivityResult.Fault("a waiting HttpEndpoint needs a correlation key: give correlationKey or start the instance with a correlation id", retryable: false));
        }

        var data = new JsonObject { ["path"] = Path, ["correlationKey"] = key };
        return ValueTask.FromResult(ActivityResult.Wait(new BookmarkRequest(HookRoute.BookmarkNameOf(Path), key, Data: data)));
    }

    /// <inheritdoc />
    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput resume) =>
        ValueTask.FromResult(ActivityResult.Done(resume.Payload?.DeepClone()));

    /// <inheritdoc />
    public IEnumerable<(string Input, string Message)> Validate(IReadOnlyDictionary<string, JsonNode?> inputs, ExpressionSyntax syntax)
    {
        var path = inputs.GetValueOrDefault("path") is JsonValue p && p.TryGetValue<string>(out var s) ? s : null;
        if (inputs.ContainsKey("path") && HookRoute.PathProblem(path) is { } problem)
        {
            yield return ("path", problem);
        }

        var methods = HookRoute.MethodsOf(inputs);
        foreach (var method in methods.Where(m => !HookRoute.AllowedMethods.Contains(m)))
        {
            yield return ("methods", $"'{method}' is not a method a hook serves; use {string.Join(", ", HookRoute.AllowedMethods)}");
        }

        if (methods.Distinct().Count() != methods.Count)
        {
            yield return ("methods", "list each method once");
        }

        var authName = inputs.GetValueOrDefault("auth") is JsonValue a && a.TryGetValue<string>(out var an) ? an : null;
        var auth = HookRoute.AuthOf(authName);
        if (auth is null)
        {
            yield return ("auth", $"'{authName}' is not an auth mode; use apiKey, role or public");
        }
        else if (auth == HookAuth.Role && inputs.GetValueOrDefault("role") is not JsonValue)
        {
            yield return ("role", "auth role needs the role a caller must have, e.g. ops");
        }

        HookRoute.SchemaOf(inputs.GetValueOrDefault("schema"), out var schemaProblem);
        if (schemaProblem is not null)
        {
            yield return ("schema", schemaProblem);
        }
    }
}
