using Microsoft.AspNetCore.Http.HttpResults;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Engine.Runtime.Bulk;
using Sleek.Workflows.Host.Auth;

namespace Sleek.Workflows.Host.Endpoints.BulkOperations;

/// <summary>
/// Bulk operations for ops: cancel, retry incidents or migrate every instance a filter takes, as a durable job that any
/// host works off in batches (<see cref="BulkJobRunner"/>); a dry run first says how many and which.
/// </summary>
internal static class BulkOperationsEndpoints
{
    /// <summary>Jobs the list shows.</summary>
    private const int ListLimit = 20;

    public static void MapBulkOperationsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/bulk-operations").WithTags("Bulk operations").RequireAuthorization(SleekPolicies.Ops);
        group.MapPost("/dry-run", DryRunAsync).WithName("DryRunBulkOperation")
            .WithSummary("How many instances the operation would take now, and the first of them (for a migration, with why each could not move). Changes nothing.");
        group.MapPost("/", CreateAsync).WithName("StartBulkOperation")
            .WithSummary("Starts a bulk job over the instances the filter takes now; 202 with the job, whose progress GET /api/bulk-operations/{id} shows.");
        group.MapGet("/", ListAsync).WithName("ListBulkOperations").WithSummary("The newest bulk jobs with their progress.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetBulkOperation")
            .WithSummary("A bulk job's progress: done, failed (the first failures with their reasons) and left.");
    }

    private static async Task<Results<Ok<BulkPreview>, NotFoundProblem, ConflictProblem, BadRequestProblem>> DryRunAsync(
        BulkOperationBody body, BulkJobs jobs, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Parse(body, clock) is not { } parsed)
        {
            return Invalid(body, clock);
        }

        return Problems.From(await jobs.DryRunAsync(parsed.Operation, parsed.Filter, body.TargetVersion, cancellationToken));
    }

    private static async Task<Results<Accepted<BulkJobView>, BadRequestProblem>> CreateAsync(
        BulkOperationBody body, HttpContext http, BulkJobs jobs, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Parse(body, clock) is not { } parsed)
        {
            return Invalid(body, clock);
        }

        var caller = SleekCaller.From(http.User);
        var result = await jobs.CreateAsync(parsed.Operation, parsed.Filter, body.TargetVersion, body.Reason, caller.Name ?? caller.Id, cancellationToken);
        return result.Status == OperationStatus.Created
            ? TypedResults.Accepted($"/api/bulk-operations/{result.Value!.Id}", result.Value)
            : Problems.Invalid(result.Message ?? "The bulk operation is invalid.", result.Errors ?? new Dictionary<string, string[]>());
    }

    private static async Task<Ok<IReadOnlyList<BulkJobView>>> ListAsync(BulkJobs jobs, CancellationToken cancellationToken) =>
        TypedResults.Ok(await jobs.ListAsync(ListLimit, cancellationToken));

    private static async Task<Results<Ok<BulkJobView>, NotFoundProblem>> GetAsync(Guid id, BulkJobs jobs, CancellationToken cancellationToken) =>
        await jobs.GetAsync(id, cancellationToken) is { } job ? TypedResults.Ok(job) : Problems.NotFound($"bulk operation {id} does not exist");

    private static BadRequestProblem Invalid(BulkOperationBody body, TimeProvider clock) =>
        Problems.Invalid("The bulk operation request is invalid.", Errors(body, clock));

    private static (BulkOperation Operation, BulkFilter Filter)? Parse(BulkOperationBody body, TimeProvider clock)
    {
        if (Errors(body, clock).Count > 0)
        {
            return null;
        }

        var f = body.Filter!;
        var createdBefore = f.CreatedBefore?.UtcDateTime;
        if (f.OlderThanMinutes is { } minutes)
        {
            var cutoff = clock.GetUtcNow().UtcDateTime.AddMinutes(-minutes);
            createdBefore = createdBefore is { } given && given < cutoff ? given : cutoff;
        }

        var statuses = f.Status?.Select(s => Enum.Parse<WorkflowStatus>(s, ignoreCase: true)).Distinct().ToList();
        return (Enum.Parse<BulkOperation>(body.Operation!, ignoreCase: true), new BulkFilter(
            Blank(f.DefinitionId), f.Version, statuses, f.HasOpenIncident, Blank(f.IncidentActivityId), Blank(f.CorrelationId), createdBefore));
    }

    /// <summary>What is wrong with the request's shape, by field (the engine then checks what exists).</summary>
    private static Dictionary<string, string[]> Errors(BulkOperationBody body, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.Operation is not { } operation || !Enum.TryParse<BulkOperation>(operation, ignoreCase: true, out _) || int.TryParse(operation, out _))
        {
            errors["operation"] = ["must be cancel, retryIncidents or migrate"];
        }

        if (body.Reason is { Length: > 1000 })
        {
            errors["reason"] = ["must be at most 1000 characters"];
        }

        if (body.Filter is not { } f)
        {
            errors["filter"] = ["is required: which instances (definitionId, version, status, hasOpenIncident, incidentActivityId, correlationId, olderThanMinutes, createdBefore)"];
            return errors;
        }

        if (f.DefinitionId is { Length: > 100 })
        {
            errors["filter.definitionId"] = ["must be at most 100 characters"];
        }

        if (f.Version is < 1)
        {
            errors["filter.version"] = ["must be 1 or more"];
        }

        var unknown = f.Status?.Where(s => !Enum.TryParse<WorkflowStatus>(s, ignoreCase: true, out _) || int.TryParse(s, out _)).ToList() ?? [];
        if (unknown.Count > 0)
        {
            errors["filter.status"] = [$"unknown status {string.Join(", ", unknown.Select(s => $"'{s}'"))}; use {string.Join(", ", Enum.GetNames<WorkflowStatus>())}"];
        }

        if (f.IncidentActivityId is { Length: > 100 })
        {
            errors["filter.incidentActivityId"] = ["must be at most 100 characters"];
        }

        if (f.CorrelationId is { Length: > 200 })
        {
            errors["filter.correlationId"] = ["must be at most 200 characters"];
        }

        if (f.OlderThanMinutes is < 0 or > 10 * 365 * 24 * 60)
        {
            errors["filter.olderThanMinutes"] = ["must be between 0 and 5256000 (ten years)"];
        }

        if (f.CreatedBefore is { } before && before > clock.GetUtcNow().AddYears(1))
        {
            errors["filter.createdBefore"] = ["must not be more than a year ahead"];
        }

        return errors;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
