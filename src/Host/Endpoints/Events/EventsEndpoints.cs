using Microsoft.AspNetCore.Http.HttpResults;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Idempotency;

namespace Sleek.Workflows.Host.Endpoints.Events;

/// <summary><c>POST /api/events/{name}</c>: resume every instance waiting for this event and correlation id.</summary>
internal static class EventsEndpoints
{
    public static void MapEventsEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/events/{name}", PublishAsync)
            .RequireAuthorization(SleekPolicies.EventsPublish)
            .WithIdempotency()
            .WithTags("Events")
            .WithName("PublishEvent")
            .WithSummary("Publishes an event: every open wait with this name and correlation id resumes once with the payload. A key bound to a party raises only its party's events on its own quotes and orders (403/404 otherwise).");

    private static async Task<Results<Ok<EventResult>, NotFoundProblem, ForbiddenProblem, ConflictProblem, BadRequestProblem>> PublishAsync(
        string name, PublishEventBody body, HttpContext http, WorkflowRuntime runtime, CancellationToken cancellationToken)
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

        // Which events a party may raise, and on which instances, is decided in the engine's resume path (Auth/PartyEvents.cs).
        return Problems.FromResume(await runtime.PublishEventAsync(name, body.CorrelationId, body.Payload, ResumeCaller.Of(http.User), cancellationToken));
    }
}
