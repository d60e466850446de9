using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Engine.Runtime.Views;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.Idempotency;

namespace Sleek.Workflows.Host.Endpoints.Tasks;

/// <summary>
/// Human tasks: the open HumanTask waits of all instances, listed and completed by id. Completing one
/// resumes its wait exactly once; the body is the form (plus <c>outcome</c> when the task has outcomes).
/// </summary>
internal static class TasksEndpoints
{
    public static void MapTasksEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Tasks");
        group.MapGet("/", ListAsync).RequireAuthorization(SleekPolicies.TasksRead).WithName("ListTasks")
            .WithSummary("Open human tasks, oldest first, filtered by role, assignee, instance or correlation id, paged. Callers other than admin/ops see only the tasks of their role and party.");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(SleekPolicies.TasksRead).WithName("GetTask")
            .WithSummary("One open task with its form and outcomes.");
        group.MapPost("/{id:guid}/complete", CompleteAsync)
            .RequireAuthorization(SleekPolicies.TasksComplete)
            .WithIdempotency()
            .WithName("CompleteTask")
            .WithSummary("Completes an open task with its form values ({\"outcome\": \"Approve\", ...fields}); a bad form is refused naming the field and the task stays open; a second completion gets 409.");
    }

    private static async Task<Results<Ok<Page<TaskView>>, BadRequestProblem>> ListAsync(
        string? role, string? assignee, Guid? instanceId, string? correlationId, [AsParameters] PageRequest paging, HttpContext http, TaskQueries tasks, CancellationToken cancellationToken)
    {
        if (paging.Problem() is { } problem)
        {
            return problem;
        }

        var caller = SleekCaller.From(http.User);
        var own = !caller.IsStaff;
        if (own && caller.ActingRole is null)
        {
            // A key bound to no party has no tasks of its own.
            return TypedResults.Ok(new Page<TaskView>([], paging.Number, paging.Size, 0));
        }

        var filter = new TaskFilter
        {
            Role = own ? ResourceAccess.TaskRoleFor(caller, role) : role,
            Assignee = own ? ResourceAccess.AssigneeOf(caller) ?? "" : assignee,
            IncludeUnassigned = own,
            InstanceIds = instanceId is { } id ? [id] : null,
            CorrelationId = correlationId,
            Page = paging.Number,
            PageSize = paging.Size,
        };
        return TypedResults.Ok(await tasks.ListAsync(filter, cancellationToken));
    }

    private static async Task<Results<Ok<TaskView>, NotFoundProblem, ConflictProblem>> GetAsync(
        Guid id, HttpContext http, TaskQueries tasks, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (await tasks.FindOpenAsync(id, cancellationToken) is not { } found)
        {
            return await tasks.ExistsAsync(id, cancellationToken) ? NoLongerOpen(id) : Missing(id);
        }

        if (!ResourceAccess.CanSeeTask(SleekCaller.From(http.User), found.Task))
        {
            await audit.RecordAsync(http, AuditActions.CrossTenant, AuditOutcome.Denied, $"task={id}", "read", 404, cancellationToken);
            return Missing(id);
        }

        return TypedResults.Ok(found.Task);
    }

    private static async Task<Results<Ok<InstanceView>, NotFoundProblem, ForbiddenProblem, ConflictProblem, BadRequestProblem>> CompleteAsync(
        Guid id,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] JsonNode? form,
        TaskQueries tasks,
        HttpContext http,
        WorkflowRuntime runtime,
        CancellationToken cancellationToken)
    {
        if (form is not null and not JsonObject)
        {
            return Problems.Invalid("body", "must be a JSON object of form fields");
        }

        if (await tasks.FindOpenAsync(id, cancellationToken) is not { } found)
        {
            return await tasks.ExistsAsync(id, cancellationToken) ? NoLongerOpen(id) : Missing(id);
        }

        // Role, assignee and the order's hold are decided in the engine's resume path (Auth/ResumeAccessGuard.cs), the
        // same for this endpoint as for the task's bookmark token; refusals (403, 409) and the completion are audited there.
        return Problems.FromResume(await runtime.ResumeAsync(found.Token, form, ResumeCaller.Of(http.User), ResumePath.Task, cancellationToken));
    }

    private static ConflictProblem NoLongerOpen(Guid id) => Problems.Conflict($"task {id} is already completed or was cancelled");

    private static NotFoundProblem Missing(Guid id) => Problems.NotFound($"no task has id {id}");
}
