using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Idempotency;

namespace Sleek.Workflows.Host.Apis;

/// <summary><c>POST /api/bookmarks/{token}/resume</c>: continue a waiting instance, exactly once.</summary>
internal static class BookmarksApi
{
    public static void MapBookmarksApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/bookmarks/{token}/resume", ResumeAsync)
            .RequireAuthorization(SleekPolicies.BookmarksResume)
            .WithIdempotency()
            .WithTags("Bookmarks")
            .WithSummary("Resumes the wait this token names; the body (optional JSON) is the payload. A second resume gets 409 with the instance's current state.");

    private static async Task<IResult> ResumeAsync(string token, [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] JsonNode? payload, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (token.Length is < 20 or > 64)
        {
            return Problems.NotFound("no bookmark has this token");
        }

        return Problems.From(await runtime.ResumeAsync(token, payload, cancellationToken));
    }
}
