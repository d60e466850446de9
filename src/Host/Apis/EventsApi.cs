using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Idempotency;

namespace Sleek.Workflows.Host.Apis;

/// <summary><c>POST /api/events/{name}</c>: resume every instance waiting for this event and correlation id.</summary>
internal static class EventsApi
{
    public static void MapEventsApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/events/{name}", PublishAsync)
            .RequireAuthorization(SleekPolicies.EventsPublish)
            .WithIdempotency()
            .WithTags("Events")
            .WithSummary("Publishes an event: every open wait with this name and correlation id resumes once with the payload.");

    private static async Task<IResult> PublishAsync(string name, PublishEventBody body, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (name.Length > 200)
        {
            return Problems.Invalid("name", "must be at most 200 characters");
        }

        if (string.IsNullOrWhiteSpace(body.CorrelationId))
        {
            return Problems.Invalid("correlationId", "is required: it says which instance the event is for");
        }

        if (body.CorrelationId.Length > 200)
        {
            return Problems.Invalid("correlationId", "must be at most 200 characters");
        }

        return Problems.From(await runtime.PublishEventAsync(name, body.CorrelationId, body.Payload, cancellationToken));
    }

    /// <summary>Body of <c>POST /api/events/{name}</c>.</summary>
    /// <param name="CorrelationId">Which instance(s) the event is for.</param>
    /// <param name="Payload">Data the resumed activity gets as its output.</param>
    internal sealed record PublishEventBody(string? CorrelationId, JsonNode? Payload);
}
