using Microsoft.AspNetCore.Http.HttpResults;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Engine.Runtime.Views;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.Idempotency;
using Sleek.Workflows.Marketplace.Parties;

namespace Sleek.Workflows.Host.Endpoints.Instances;

/// <summary>Workflow instances: start, list, get with journal, cancel, retry (migrate: <see cref="VersionMigrations.VersionMigrationsEndpoints"/>).</summary>
internal static class InstancesEndpoints
{
    public static void MapInstancesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/instances").WithTags("Instances");
        group.MapPost("/", StartAsync).RequireAuthorization(SleekPolicies.InstancesStart).WithIdempotency().WithName("StartInstance")
            .WithSummary("Starts an instance of a published workflow and runs it to its first wait. With an Idempotency-Key header a repeat starts nothing and gets the first response.");
        group.MapGet("/", ListAsync).RequireAuthorization(SleekPolicies.InstancesRead).WithName("ListInstances")
            .WithSummary("Instances, newest first, filtered by status, definition and correlation id, paged. A key bound to a party lists only the instances of its own quotes and orders.");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(SleekPolicies.InstancesRead).WithName("GetInstance")
            .WithSummary("One instance with variables, open bookmarks (tokens), pending retries, incidents and the journal's first page (journalHasMore says if it goes on). Another party's instance answers 404.");
        group.MapGet("/{id:guid}/journal", JournalAsync).RequireAuthorization(SleekPolicies.InstancesRead).WithName("GetInstanceJournal")
            .WithSummary("The journal page by page, oldest first: pass the previous page's next as after.");
        group.MapPost("/{id:guid}/cancel", CancelAsync).RequireAuthorization(SleekPolicies.Ops).WithName("CancelInstance")
            .WithSummary("Cancels an instance: its waits and queued work are removed; it never resumes.");
        group.MapPost("/{id:guid}/retry", RetryAsync).RequireAuthorization(SleekPolicies.Ops).WithName("RetryInstance")
            .WithSummary("Retries a faulted instance from the activity that failed.");
    }

    private static async Task<Results<Created<InstanceView>, Ok<InstanceView>, NotFoundProblem, ConflictProblem, BadRequestProblem, ForbiddenProblem>> StartAsync(
        StartInstanceBody body, HttpContext http, WorkflowRuntime runtime, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (!ResourceAccess.CanStartInstances(SleekCaller.From(http.User)))
        {
            await audit.RecordAsync(http, AuditActions.CrossTenant, AuditOutcome.Denied, $"workflow={body.DefinitionId}", "start: the key is bound to a party", 403, cancellationToken);
            return Problems.Forbidden("Forbidden", "a key bound to a party cannot start workflows; buyers request quotes with POST /api/quotes");
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.DefinitionId))
        {
            errors["definitionId"] = ["is required"];
        }

        if (body.Version is < 1)
        {
            errors["version"] = ["must be 1 or more (leave it out for the latest)"];
        }

        if (body.CorrelationId is { Length: > 200 })
        {
            errors["correlationId"] = ["must be at most 200 characters"];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid("The start request is invalid.", errors);
        }

        // With an Idempotency-Key the instance id is the key's claim id: a start repeated after its first run's
        // host died finds the instance that run created instead of starting a second.
        var result = await runtime.StartAsync(new StartRequest(body.DefinitionId!, body.Version, body.CorrelationId, body.Input, IdempotencyFilter.ClaimIdOf(http)), cancellationToken);
        return Problems.From(result, instance => $"/api/instances/{instance.Id}").Result switch
        {
            Created<InstanceView> created => created,
            Ok<InstanceView> ok => ok,
            NotFoundProblem notFound => notFound,
            ConflictProblem conflict => conflict,
            var invalid => (BadRequestProblem)invalid,
        };
    }

    private static async Task<Results<Ok<Page<InstanceSummary>>, BadRequestProblem>> ListAsync(
        string? status, string? definitionId, string? correlationId, [AsParameters] PageRequest paging, HttpContext http, ResourceAccess access, InstanceQueries queries, InstanceDocuments documents, CancellationToken cancellationToken)
    {
        WorkflowStatus? parsed = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<WorkflowStatus>(status, ignoreCase: true, out var value) || !Enum.IsDefined(value))
            {
                return Problems.Invalid("status", $"must be one of {string.Join(", ", Enum.GetNames<WorkflowStatus>())}");
            }

            parsed = value;
        }

        if (paging.Problem() is { } problem)
        {
            return problem;
        }

        // A party lists only the instances of its own quotes and orders, whatever it filters on; the query narrows, so the total is right.
        var own = await access.VisibleInstancesAsync(SleekCaller.From(http.User), cancellationToken);
        var filter = new InstanceFilter(parsed, definitionId, correlationId, paging.Number, paging.Size, own);
        var page = await queries.ListAsync(filter, cancellationToken);
        // Quote and order numbers beside the raw correlation ids: people search by those.
        var numbers = await documents.OfAsync([.. page.Items.Select(i => (i.Id, i.CorrelationId))], cancellationToken);
        return TypedResults.Ok(page with { Items = [.. page.Items.Select(i => numbers.TryGetValue(i.Id, out var refs) ? i with { References = refs } : i)] });
    }

    private static async Task<Results<Ok<InstanceView>, NotFoundProblem>> GetAsync(
        Guid id, HttpContext http, ResourceAccess access, InstanceStore instances, InstanceQueries queries, InstanceDocuments documents, IAuditLog audit, CancellationToken cancellationToken)
    {
        var instance = await MaySeeAsync(http, id, access, instances, audit, cancellationToken) ? await queries.GetAsync(id, includeJournal: true, cancellationToken) : null;
        if (instance is null)
        {
            return Problems.NotFound($"instance {id} does not exist");
        }

        var numbers = await documents.OfAsync([(instance.Id, instance.CorrelationId)], cancellationToken);
        return TypedResults.Ok(numbers.TryGetValue(instance.Id, out var refs) ? instance with { References = refs } : instance);
    }

    private static async Task<Results<Ok<JournalPage>, NotFoundProblem, BadRequestProblem>> JournalAsync(
        Guid id, long? after, int? limit, HttpContext http, ResourceAccess access, InstanceStore instances, InstanceQueries queries, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (after is < 0)
        {
            return Problems.Invalid("after", "must be 0 or more: the sequence of the last row already read");
        }

        if (limit is < 1 or > InstanceQueries.MaxJournalPageSize)
        {
            return Problems.Invalid("limit", $"must be between 1 and {InstanceQueries.MaxJournalPageSize}");
        }

        var page = await MaySeeAsync(http, id, access, instances, audit, cancellationToken) ? await queries.JournalAsync(id, after, limit ?? InstanceQueries.JournalPageSize, cancellationToken) : null;
        return page is null ? Problems.NotFound($"instance {id} does not exist") : TypedResults.Ok(page);
    }

    /// <summary>Whether the caller may see the instance (ResourceAccess); another party's is audited and answered as missing.</summary>
    private static async Task<bool> MaySeeAsync(HttpContext http, Guid id, ResourceAccess access, InstanceStore instances, IAuditLog audit, CancellationToken cancellationToken)
    {
        var caller = SleekCaller.From(http.User);
        if (ResourceAccess.SeesAllInstances(caller))
        {
            return true;
        }

        if (!(await instances.CorrelationsAsync([id], cancellationToken)).TryGetValue(id, out var found))
        {
            return false;
        }

        if (await access.CanSeeInstanceAsync(caller, id, found.CorrelationId, cancellationToken))
        {
            return true;
        }

        await audit.RecordAsync(http, AuditActions.CrossTenant, AuditOutcome.Denied, $"instance={id}", $"{http.Request.Method} instance", 404, cancellationToken);
        return false;
    }

    private static async Task<Results<Ok<InstanceView>, NotFoundProblem, ConflictProblem, BadRequestProblem>> CancelAsync(
        Guid id, CancelInstanceBody? body, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (body?.Reason is { Length: > 1000 })
        {
            return Problems.Invalid("reason", "must be at most 1000 characters");
        }

        return Problems.From(await runtime.CancelAsync(id, body?.Reason, cancellationToken));
    }

    private static async Task<Results<Ok<InstanceView>, NotFoundProblem, ConflictProblem, BadRequestProblem>> RetryAsync(
        Guid id, WorkflowRuntime runtime, CancellationToken cancellationToken) =>
        Problems.From(await runtime.RetryAsync(id, cancellationToken));
}
