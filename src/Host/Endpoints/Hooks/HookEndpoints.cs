using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;
using Sleek.Workflows.Engine.Activities.BuiltIn;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Engine.Runtime.Hooks;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.RateLimits;
using Sleek.Workflows.Host.Setup;

namespace Sleek.Workflows.Host.Endpoints.Hooks;

/// <summary>
/// <c>/api/hooks/{path}</c>: the routes of published HttpEndpoint activities (<see cref="HookRouteTable"/>). The policy is
/// anonymous because each route says who may call it — an API key with its scope, a signed-in role, or anyone (rate
/// limited per address) — and this handler checks that. A request to a trigger starts an instance; a request with
/// <c>X-Correlation-Id</c> (or <c>?correlationId=</c>) resumes the instance waiting at that path. The answer is the
/// workflow's WriteHttpResponse, or 202 with the instance when none comes in time. Hooks live only under
/// <c>/api/hooks/</c>, so no route can shadow another endpoint.
/// </summary>
internal static class HookEndpoints
{
    /// <summary>The header naming the instance a request resumes.</summary>
    public const string CorrelationHeader = "X-Correlation-Id";

    // Credentials and cookies never reach a workflow's state or journal.
    private static readonly HashSet<string> HiddenHeaders = new(StringComparer.OrdinalIgnoreCase) { "Authorization", "Cookie", "X-Api-Key", "Proxy-Authorization" };

    // Headers a workflow may not set on its answer: framing, connection and cookies are the host's.
    private static readonly HashSet<string> ReservedAnswerHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Upgrade", "Set-Cookie", "Content-Type", "Trailer", "Host",
    };

    public static void MapHookEndpoints(this IEndpointRouteBuilder app)
    {
        // One endpoint per method, so each has its own operation in the OpenAPI document.
        foreach (var method in HookRoute.AllowedMethods)
        {
            MapHook(app, method);
        }
    }

    private static void MapHook(IEndpointRouteBuilder app, string method) =>
        app.MapMethods("/api/hooks/{**path}", [method], CallAsync)
            .AllowAnonymous()
            .WithSleekRateLimit(RateLimitPolicies.Hooks)
            .WithTags("Hooks")
            .WithName("CallHook" + method[0] + method[1..].ToLowerInvariant())
            .WithSummary($"Calls a workflow's HttpEndpoint with {method}: starts an instance (a trigger) or resumes the one waiting with this X-Correlation-Id. Who may call is the route's own (an API key with its scope, a signed-in role, or public and rate limited). Answered by the workflow's WriteHttpResponse (any status, headers and JSON body it writes), or 202 with the instance id.")
            .Produces(StatusCodes.Status200OK)
            .Produces<HookAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status405MethodNotAllowed)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>Whether the request is for a public route (the rate limiter counts only those).</summary>
    public static async Task<bool> IsPublicRouteAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var path = http.Request.RouteValues["path"] as string;
        if (HookRoute.PathProblem(path) is not null)
        {
            return false;
        }

        var routes = await RoutesForRequestAsync(http, http.RequestServices.GetRequiredService<HookRouteTable>(), path!, cancellationToken);
        return routes.Any(r => r.Auth == HookAuth.Public && r.Methods.Contains(http.Request.Method));
    }

    /// <summary>The routes serving <paramref name="path"/>, read once per request: the rate limiter and the handler share them.</summary>
    private static async Task<IReadOnlyList<HookRoute>> RoutesForRequestAsync(HttpContext http, HookRouteTable table, string path, CancellationToken cancellationToken)
    {
        if (http.Items.TryGetValue(typeof(HookRoute), out var cached) && cached is IReadOnlyList<HookRoute> routes)
        {
            return routes;
        }

        routes = await table.RoutesForAsync(path, cancellationToken);
        http.Items[typeof(HookRoute)] = routes;
        return routes;
    }

    private static async Task<IResult> CallAsync(
        string? path, HttpContext http, HookRouteTable table, WorkflowRuntime runtime, HookAnswers answers, SleekSettings settings, ILogger<HookRoute> logger, CancellationToken cancellationToken)
    {
        if (HookRoute.PathProblem(path) is not null)
        {
            return Problems.NotFound($"no hook is served at /api/hooks/{path}");
        }

        var all = await RoutesForRequestAsync(http, table, path!, cancellationToken);
        if (all.Count == 0)
        {
            return Problems.NotFound($"no published workflow serves /api/hooks/{path}");
        }

        var method = http.Request.Method;
        var routes = all.Where(r => r.Methods.Contains(method)).ToList();
        if (routes.Count == 0)
        {
            http.Response.Headers.Allow = string.Join(", ", all.SelectMany(r => r.Methods).Distinct());
            return Results.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed", detail: $"/api/hooks/{path} takes {http.Response.Headers.Allow}");
        }

        var correlation = Correlation(http);
        if (correlation is { Length: > 200 })
        {
            return Problems.Invalid(CorrelationHeader, "must be at most 200 characters");
        }

        var route = correlation is not null ? routes.FirstOrDefault(r => !r.IsTrigger) ?? routes.FirstOrDefault(r => r.IsTrigger) : routes.FirstOrDefault(r => r.IsTrigger);
        if (route is null)
        {
            return Problems.Invalid(CorrelationHeader, "this path resumes a waiting instance: give its correlation id in X-Correlation-Id (or ?correlationId=)");
        }

        if (Refusal(route, SleekCaller.From(http.User), http.User.Identity?.IsAuthenticated == true) is { } refused)
        {
            return refused;
        }

        JsonNode? body;
        try
        {
            body = http.Request.ContentLength is 0 || !HttpMethods.IsPost(method) && !HttpMethods.IsPut(method) && !HttpMethods.IsPatch(method)
                ? null
                : await JsonNode.ParseAsync(http.Request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException ex)
        {
            return Problems.Invalid("body", $"is not valid JSON: {ex.Message}");
        }

        var problems = route.BodyProblems(body);
        if (problems.Count > 0)
        {
            return Problems.Invalid("The body does not match the hook's schema; nothing was started.", problems);
        }

        var requestId = Guid.NewGuid().ToString("N");
        var request = RequestJson(http, route, path!, requestId, body);
        Guid instanceId;
        if (route.IsTrigger)
        {
            var started = await runtime.StartAsync(new StartRequest(route.DefinitionId, route.Version, correlation, new JsonObject { [HttpEndpoint.InputKey] = request }), cancellationToken);
            if (started.Status != Engine.Runtime.OperationStatus.Created)
            {
                return started.Status == Engine.Runtime.OperationStatus.Invalid
                    ? Problems.Invalid(started.Message ?? "invalid input", started.Errors ?? new Dictionary<string, string[]>())
                    : Problems.Conflict(started.Message ?? "the workflow could not be started");
            }

            instanceId = started.Value!.Id;
        }
        else
        {
            var resumed = await runtime.PublishEventAsync(route.BookmarkName, correlation!, request, ResumeCaller.Internal("hook"), cancellationToken);
            switch (resumed.Status)
            {
                case Engine.Runtime.OperationStatus.NotFound:
                    return Problems.NotFound($"no instance waits at /api/hooks/{path} for correlation id '{correlation}'");
                case Engine.Runtime.OperationStatus.Invalid:
                    return Problems.Invalid(resumed.Message ?? "invalid payload", resumed.Errors ?? new Dictionary<string, string[]>());
                case Engine.Runtime.OperationStatus.Ok or Engine.Runtime.OperationStatus.Created:
                    break;
                default:
                    return Problems.Conflict(resumed.Message ?? "the instance did not resume");
            }

            instanceId = resumed.Value!.Resumed[0].Id;
        }

        logger.LogInformation("Hook {Method} /api/hooks/{Path} → {DefinitionId} instance {InstanceId} (request {RequestId})", method, path, route.DefinitionId, instanceId, requestId);
        var answer = await answers.WaitAsync(instanceId, requestId, TimeSpan.FromSeconds(Math.Clamp(settings.HookResponseSeconds, 0, 300)), cancellationToken);
        if (answer is null)
        {
            http.Response.Headers.Location = $"/api/instances/{instanceId}";
            return Results.Json(new HookAccepted(instanceId, "the workflow has not answered yet; follow the instance"), statusCode: StatusCodes.Status202Accepted);
        }

        foreach (var (name, value) in answer.Headers)
        {
            if (!ReservedAnswerHeaders.Contains(name) && IsHeaderSafe(name, value))
            {
                http.Response.Headers[name] = value;
            }
        }

        return Results.Content(answer.Body?.ToJsonString() ?? "null", "application/json", statusCode: answer.Status);
    }

    /// <summary>The route's own access rule: 401 without a credential it takes, 403 with one that lacks the scope or role.</summary>
    private static IResult? Refusal(HookRoute route, SleekCaller caller, bool authenticated)
    {
        switch (route.Auth)
        {
            case HookAuth.Public:
                return null;
            case HookAuth.ApiKey:
                if (!authenticated || !caller.IsApiKey)
                {
                    return Problems.Unauthorized("API key required", "this hook takes an API key (X-Api-Key) with its scope");
                }

                return caller.HasScope(route.Scope ?? HookRoute.DefaultScope)
                    ? null
                    : Problems.Forbidden("Scope missing", $"this hook needs an API key with the scope '{route.Scope ?? HookRoute.DefaultScope}'");
            default:
                if (!authenticated || caller.IsApiKey)
                {
                    return Problems.Unauthorized("Sign-in required", "this hook takes a signed-in user");
                }

                return caller.Role == route.Role || caller.IsAdmin
                    ? null
                    : Problems.Forbidden("Role missing", $"this hook is for the role '{route.Role}'");
        }
    }

    private static string? Correlation(HttpContext http)
    {
        var header = http.Request.Headers[CorrelationHeader];
        var value = !StringValues.IsNullOrEmpty(header) ? header.ToString() : http.Request.Query["correlationId"].ToString();
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private static JsonObject RequestJson(HttpContext http, HookRoute route, string path, string requestId, JsonNode? body)
    {
        var query = new JsonObject();
        foreach (var (name, value) in http.Request.Query)
        {
            query[name] = value.ToString();
        }

        var headers = new JsonObject();
        foreach (var (name, value) in http.Request.Headers)
        {
            if (!HiddenHeaders.Contains(name))
            {
                headers[name.ToLowerInvariant()] = value.ToString();
            }
        }

        return new JsonObject
        {
            ["requestId"] = requestId,
            ["activityId"] = route.ActivityId,
            ["method"] = http.Request.Method,
            ["path"] = path,
            ["query"] = query,
            ["headers"] = headers,
            ["body"] = body,
            ["receivedAt"] = DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static bool IsHeaderSafe(string name, string value) =>
        name.Length is > 0 and <= 100 && name.All(c => c is > ' ' and < (char)127 and not ':')
        && value.Length <= 4000 && value.All(c => c is >= ' ' and < (char)127 || c == '\t');
}

/// <summary>The 202 of a hook the workflow has not answered in time.</summary>
/// <param name="InstanceId">The instance the request started or resumed.</param>
/// <param name="Message">What to do.</param>
internal sealed record HookAccepted(Guid InstanceId, string Message);
