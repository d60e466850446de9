using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Host.Auth;

namespace Sleek.Workflows.Host.Apis;

/// <summary>Incidents: what faulted and why; retry or cancel the instance behind one.</summary>
internal static class IncidentsApi
{
    public static void MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/incidents").WithTags("Incidents").RequireAuthorization(SleekPolicies.Ops);
        group.MapGet("/", ListAsync).WithSummary("Open incidents (all with ?includeResolved=true), newest first, paged.");
        group.MapPost("/{id:guid}/retry", RetryAsync).WithSummary("Retries the incident's instance from the failed activity.");
        group.MapPost("/{id:guid}/cancel", CancelAsync).WithSummary("Cancels the incident's instance.");
    }

    private static async Task<IResult> ListAsync(bool? includeResolved, int? page, int? pageSize, InstanceQueries queries, CancellationToken cancellationToken)
    {
        if (page is < 1)
        {
            return Problems.Invalid("page", "must be 1 or more");
        }

        if (pageSize is < 1 or > InstanceQueries.MaxPageSize)
        {
            return Problems.Invalid("pageSize", $"must be between 1 and {InstanceQueries.MaxPageSize}");
        }

        return TypedResults.Ok(await queries.IncidentsAsync(includeResolved ?? false, page ?? 1, pageSize ?? 50, cancellationToken));
    }

    private static async Task<IResult> RetryAsync(Guid id, InstanceQueries queries, WorkflowRuntime runtime, CancellationToken cancellationToken) =>
        await queries.IncidentInstanceAsync(id, cancellationToken) is { } instanceId
            ? Problems.From(await runtime.RetryAsync(instanceId, cancellationToken))
            : Problems.NotFound($"incident {id} does not exist");

    private static async Task<IResult> CancelAsync(Guid id, InstanceQueries queries, WorkflowRuntime runtime, CancellationToken cancellationToken) =>
        await queries.IncidentInstanceAsync(id, cancellationToken) is { } instanceId
            ? Problems.From(await runtime.CancelAsync(instanceId, $"incident {id} cancelled by ops", cancellationToken))
            : Problems.NotFound($"incident {id} does not exist");
}
