using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Engine.Runtime.Views;
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
        group.MapGet("/", ListAsync).WithSummary("Open human tasks, oldest first, filtered by role, assignee, instance or correlation id, paged.");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One open task with its form and outcomes.");
        group.MapPost("/{id:guid}/complete", CompleteAsync)
            .WithIdempotency()
            .WithSummary("Completes an open task with its form values ({\"outcome\": \"Approve\", ...fields}); a bad form is refused naming the field and the task stays open; a second completion gets 409.");
    }

    private static async Task<IResult> ListAsync(string? role, string? assignee, Guid? instanceId, string? correlationId, int? page, int? pageSize, TaskQueries tasks, CancellationToken cancellationToken)
    {
        if (page is < 1)
        {
            return Problems.Invalid("page", "must be 1 or more");
        }

        if (pageSize is < 1 or > InstanceQueries.MaxPageSize)
        {
            return Problems.Invalid("pageSize", $"must be between 1 and {InstanceQueries.MaxPageSize}");
        }

        var filter = new TaskFilter
        {
            Role = role,
            Assignee = assignee,
            InstanceIds = instanceId is { } id ? [id] : null,
            CorrelationId = correlationId,
            Page = page ?? 1,
            PageSize = pageSize ?? 50,
        };
        return TypedResults.Ok(await tasks.ListAsync(filter, cancellationToken));
    }

    private static async Task<IResult> GetAsync(Guid id, TaskQueries tasks, CancellationToken cancellationToken) =>
        await tasks.FindOpenAsync(id, cancellationToken) is { } found
            ? TypedResults.Ok(found.Task)
            : await NotOpenAsync(id, tasks, cancellationToken);

    private static async Task<IResult> CompleteAsync(
        Guid id,
        [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] JsonNode? form,
        TaskQueries tasks,
        IEnumerable<ITaskCompletionGuard> guards,
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
