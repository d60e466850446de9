using Microsoft.AspNetCore.Http.HttpResults;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Engine.Runtime.Views;
using Sleek.Workflows.Host.Auth;

namespace Sleek.Workflows.Host.Endpoints.Incidents;

/// <summary>Incidents: what faulted and why; retry or cancel the instance behind one.</summary>
internal static class IncidentsEndpoints
{
    public static void MapIncidentsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/incidents").WithTags("Incidents").RequireAuthorization(SleekPolicies.Ops);
        group.MapGet("/", ListAsync).WithName("ListIncidents").WithSummary("Open incidents (all with ?includeResolved=true), newest first, paged.");
        group.MapPost("/{id:guid}/retry", RetryAsync).WithName("RetryIncident").WithSummary("Retries the incident's instance from the failed activity.");
        group.MapPost("/{id:guid}/cancel", CancelAsync).WithName("CancelIncident").WithSummary("Cancels the incident's instance.");
    }

    private static async Task<Results<Ok<Page<IncidentView>>, BadRequestProblem>> ListAsync(
        bool? includeResolved, [AsParameters] PageRequest paging, InstanceQueries queries, CancellationToken cancellationToken)
    {
        if (paging.Problem() is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(await queries.IncidentsAsync(includeResolved ?? false, paging.Number, paging.Size, cancellationToken));
    }

    private static async Task<Results<Ok<InstanceView>, NotFoundProblem, ConflictProblem, BadRequestProblem>> RetryAsync(
        Guid id, InstanceQueries queries, WorkflowRuntime runtime, CancellationToken cancellationToken) =>
        await queries.IncidentInstanceAsync(id, cancellationToken) is { } instanceId
            ? Problems.From(await runtime.RetryAsync(instanceId, cancellationToken))
            : Problems.NotFound($"incident {id} does not exist");

    private static async Task<Results<Ok<InstanceView>, NotFoundProblem, ConflictProblem, BadRequestProblem>> CancelAsync(
        Guid id, InstanceQueries queries, WorkflowRuntime runtime, CancellationToken cancellationToken) =>
        await queries.IncidentInstanceAsync(id, cancellationToken) is { } instanceId
            ? Problems.From(await runtime.CancelAsync(instanceId, $"incident {id} cancelled by ops", cancellationToken))
            : Problems.NotFound($"incident {id} does not exist");
}
