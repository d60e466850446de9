using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime.Views;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.Endpoints.Orders;

namespace Sleek.Workflows.Host.Endpoints.Live;

/// <summary>
/// Live progress over Server-Sent Events (<c>text/event-stream</c>): an order's events and an instance's journal, as they
/// commit, on any host. Each stream checks what its GET twin checks (the policy, then <see cref="ResourceAccess"/>), once
/// when it opens; a caller who may not read the record gets the same 404 as the GET, audited. A client that reconnects
/// with <c>Last-Event-ID</c> (browsers do) gets every event after that id, none twice. A stream ends when the caller's
/// token expires (<see cref="StreamLifetime"/>), so the reconnect is checked again.
/// </summary>
internal static class LiveEndpoints
{
    public static void MapLiveEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/orders/{id:guid}/events", OrderAsync).WithTags("Live").RequireAuthorization(SleekPolicies.OrdersRead).WithName("StreamOrderEvents")
            .WithSummary("The order's live events (status, stage, invoice-paid, shipment, task-opened, task-closed) as text/event-stream; resumes after Last-Event-ID (or ?after=).");
        app.MapGet("/api/instances/{id:guid}/events", InstanceAsync).WithTags("Live").RequireAuthorization(SleekPolicies.InstancesRead).WithName("StreamInstanceEvents")
            .WithSummary("The instance's journal entries as they commit, as text/event-stream; resumes after Last-Event-ID (or ?after=).");
    }

    private static async Task<Results<ServerSentEventsResult<LiveEvent>, NotFoundProblem, BadRequestProblem>> OrderAsync(
        Guid id, long? after, HttpContext http, OrderQueries orders, JournalTail tail, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (!JournalTail.TryReadCursor(http, after, out var cursor))
        {
            return Problems.Invalid("Last-Event-ID", "must be the id of an event this stream sent (a whole number of 0 or more)");
        }

        var caller = SleekCaller.From(http.User);
        var order = await orders.OwnershipAsync(id, cancellationToken);
        if (order is not null && !ResourceAccess.CanSeeOrder(caller, order.BuyerUserId, order.SupplierId))
        {
            await audit.RecordAsync(http, AuditActions.CrossTenant, AuditOutcome.Denied, $"order={id}", "live events", 404, cancellationToken);
            order = null;
        }

        if (order?.WorkflowInstanceId is not { } instance)
        {
            return Problems.NotFound(order is null ? $"no order has id {id}" : $"order {id} has no workflow to follow");
        }

        return TypedResults.ServerSentEvents(tail.FollowAsync(instance, cursor, entry => OrderLiveEvents.Of(entry, caller), StreamLifetime.For(http).Token));
    }

    private static async Task<Results<ServerSentEventsResult<LiveEvent>, NotFoundProblem, BadRequestProblem>> InstanceAsync(
        Guid id, long? after, HttpContext http, ResourceAccess access, InstanceStore instances, JournalTail tail, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (!JournalTail.TryReadCursor(http, after, out var cursor))
        {
            return Problems.Invalid("Last-Event-ID", "must be the id of an event this stream sent (a whole number of 0 or more)");
        }

        var caller = SleekCaller.From(http.User);
        var found = (await instances.CorrelationsAsync([id], cancellationToken)).TryGetValue(id, out var known);
        if (!found || !await access.CanSeeInstanceAsync(caller, id, known!.CorrelationId, cancellationToken))
        {
            if (found)
            {
                await audit.RecordAsync(http, AuditActions.CrossTenant, AuditOutcome.Denied, $"instance={id}", "live events", 404, cancellationToken);
            }

            return Problems.NotFound($"instance {id} does not exist");
        }

        return TypedResults.ServerSentEvents(tail.FollowAsync(id, cursor, Journal, StreamLifetime.For(http).Token));
    }

    // The same entry GET /api/instances/{id}/journal gives the same caller.
    private static LiveEvent Journal(JournalView entry) => new("journal", entry.Sequence, entry.CompletedAt, entry.ActivityId, new JsonObject
    {
        ["activityType"] = entry.ActivityType,
        ["executionNumber"] = entry.ExecutionNumber,
        ["event"] = entry.Event.ToString(),
        ["startedAt"] = entry.StartedAt,
        ["ports"] = entry.Ports,
        ["error"] = entry.Error,
        ["inputs"] = entry.Inputs?.DeepClone(),
        ["output"] = entry.Output?.DeepClone(),
    });
}
