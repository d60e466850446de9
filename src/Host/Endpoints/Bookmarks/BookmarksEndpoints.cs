using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Engine.Runtime.Views;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Idempotency;

namespace Sleek.Workflows.Host.Endpoints.Bookmarks;

/// <summary><c>POST /api/bookmarks/{token}/resume</c>: continue a waiting instance, exactly once.</summary>
internal static class BookmarksEndpoints
{
    public static void MapBookmarksEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/bookmarks/{token}/resume", ResumeAsync)
            .RequireAuthorization(SleekPolicies.BookmarksResume)
            .WithIdempotency()
            .WithTags("Bookmarks")
            .WithName("ResumeBookmark")
            .WithSummary("Resumes the wait this token names; the body (optional JSON) is the payload. A second resume gets 409 with the instance's current state. A party resumes only its own party's waits (403/404 otherwise), never an ops task or a timer.");

    private static async Task<Results<Ok<InstanceView>, NotFoundProblem, ForbiddenProblem, ConflictProblem, BadRequestProblem>> ResumeAsync(
        string token, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] JsonNode? payload, HttpContext http, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (token.Length is < 20 or > 64)
        {
            return Problems.NotFound("no bookmark has this token");
        }

        // Who may resume which wait is decided in the engine's resume path (Auth/ResumeAccessGuard.cs), as for events and tasks.
        return Problems.FromResume(await runtime.ResumeAsync(token, payload, ResumeCaller.Of(http.User), cancellationToken));
    }
}
