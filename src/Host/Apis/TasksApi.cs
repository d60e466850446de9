using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Engine.Runtime.Views;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.Idempotency;

namespace Sleek.Workflows.Host.Apis;

/// <summary>
/// Human tasks: the open HumanTask waits of all instances, listed and completed by id. Completing one
/// resumes its wait exactly once; the body is the form (plus <c>outcome</c> when the task has outcomes).
/// </summary>
internal static class TasksApi
{
    public static void MapTasksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Tasks");
        group.MapGet("/", ListAsync).RequireAuthorization(SleekPolicies.TasksRead).WithSummary("Open human tasks, oldest first, filtered by role, assignee, instance or correlation id, paged. Callers other than admin/ops see only the tasks of their role and party.");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(SleekPolicies.TasksRead).WithSummary("One open task with its form and outcomes.");
        group.MapPost("/{id:guid}/complete", CompleteAsync)
            .RequireAuthorization(SleekPolicies.TasksComplete)
            .WithIdempotency()
            .WithSummary("Completes an open task with its form values ({\"outcome\": \"Approve\", ...fields}); a bad form is refused naming the field and the task stays open; a second completion gets 409.");
    }

    private static async Task<IResult> ListAsync(string? role, string? assignee, Guid? instanceId, string? correlationId, int? page, int? pageSize, HttpContext http, TaskQueries tasks, CancellationToken cancellationToken)
    {
        if (page is < 1)
        {
            return Problems.Invalid("page", "must be 1 or more");
        }

        if (pageSize is < 1 or > InstanceQueries.MaxPageSize)
        {
            return Problems.Invalid("pageSize", $"must be between 1 and {InstanceQueries.MaxPageSize}");
        }

        var caller = SleekCaller.From(http.User);
        var own = !caller.IsStaff;
        if (own && caller.ActingRole is null)
        {
            // A key bound to no party has no tasks of its own.
            return TypedResults.Ok(new Page<TaskView>([], page ?? 1, pageSize ?? 50, 0));
        }

        var filter = new TaskFilter
        {
            Role = own ? caller.ActingRole : role,
            Assignee = own ? ResourceAccess.AssigneeOf(caller) ?? "" : assignee,
            IncludeUnassigned = own,
            InstanceIds = instanceId is { } id ? [id] : null,
            CorrelationId = correlationId,
            Page = page ?? 1,
            PageSize = pageSize ?? 50,
        };
        return TypedResults.Ok(await tasks.ListAsync(filter, cancellationToken));
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, TaskQueries tasks, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (await tasks.FindOpenAsync(id, cancellationToken) is not { } found)
        {
            return await NotOpenAsync(id, tasks, cancellationToken);
        }

        if (!ResourceAccess.CanSeeTask(SleekCaller.From(http.User), found.Task))
        {
            await audit.RecordAsync(http, AuditActions.CrossTenant, AuditOutcomes.Denied, $"task={id}", "read", 404, cancellationToken);
            return Problems.NotFound($"no task has id {id}");
        }

        return TypedResults.Ok(found.Task);
    }

    private static async Task<IResult> CompleteAsync(
        Guid id,
        [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] JsonNode? form,
        TaskQueries tasks,
        IEnumerable<ITaskCompletionGuard> guards,
        HttpContext http,
        IAuditLog audit,
        WorkflowRuntime runtime,
        CancellationToken cancellationToken)
    {
        if (form is not null and not JsonObject)
        {
            return Problems.Invalid("body", "must be a JSON object of form fields");
        }

        if (await tasks.FindOpenAsync(id, cancellationToken) is not { } found)
        {
            return await NotOpenAsync(id, tasks, cancellationToken);
        }

        var caller = SleekCaller.From(http.User);
        if (!ResourceAccess.CanCompleteTask(caller, found.Task))
        {
            await audit.RecordAsync(http, AuditActions.CrossTenant, AuditOutcomes.Denied, $"task={id}", $"complete: task is for {found.Task.Role}", 403, cancellationToken);
            return ResourceAccess.CanSeeTask(caller, found.Task)
                ? TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: $"task {id} is for the role {found.Task.Role}{(found.Task.Assignee is null ? "" : " and its assignee")}, not for you")
                : TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: $"task {id} is not yours to complete");
        }

        foreach (var guard in guards)
        {
            if (await guard.RefuseAsync(found.Task, cancellationToken) is { } refusal)
            {
                return Problems.Conflict(refusal, found.Task);
            }
        }

        return Problems.From(await runtime.ResumeAsync(found.Token, form, cancellationToken));
    }

    private static async Task<IResult> NotOpenAsync(Guid id, TaskQueries tasks, CancellationToken cancellationToken) =>
        await tasks.ExistsAsync(id, cancellationToken)
            ? Problems.Conflict($"task {id} is already completed or was cancelled")
            : Problems.NotFound($"no task has id {id}");
}
