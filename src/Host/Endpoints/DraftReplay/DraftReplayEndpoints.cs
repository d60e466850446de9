using Microsoft.AspNetCore.Http.HttpResults;
using Sleek.Workflows.Engine.Runtime.Replay;
using Sleek.Workflows.Host.Auth;

namespace Sleek.Workflows.Host.Endpoints.DraftReplay;

/// <summary>Body of <c>POST /api/workflows/{definitionId}/draft/replay</c>.</summary>
/// <param name="FromVersion">The published version whose instances are replayed (leave out for the latest).</param>
/// <param name="InstanceIds">Only these instances of it (leave out for the newest).</param>
/// <param name="Limit">How many instances, newest first (default 20, at most 100).</param>
internal sealed record ReplayBody(int? FromVersion, Guid[]? InstanceIds, int? Limit);

/// <summary>Draft replay: before publishing, run the draft against recorded instances of a published version, with no side effects.</summary>
internal static class DraftReplayEndpoints
{
    public static void MapDraftReplayEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/workflows/{definitionId}/draft/replay", ReplayAsync)
            .RequireAuthorization(SleekPolicies.Ops)
            .WithTags("Workflows")
            .WithName("ReplayWorkflowDraft")
            .WithSummary("Replays the draft in memory against recorded instances of a published version (their inputs and recorded outcomes; flow activities run, every other one is stubbed by its recording): per instance, the path each version took and the first step where they differ. Writes and calls nothing.");
    }

    private static async Task<Results<Ok<ReplayReport>, NotFoundProblem, ConflictProblem, BadRequestProblem>> ReplayAsync(
        string definitionId, ReplayBody? body, DraftReplays replays, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (body?.FromVersion is < 1)
        {
            errors["fromVersion"] = ["must be 1 or more (leave it out for the latest published version)"];
        }

        if (body?.Limit is < 1 or > DraftReplays.MaxLimit)
        {
            errors["limit"] = [$"must be between 1 and {DraftReplays.MaxLimit}"];
        }

        if (body?.InstanceIds is { Length: > DraftReplays.MaxLimit })
        {
            errors["instanceIds"] = [$"at most {DraftReplays.MaxLimit} instances"];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid("The replay request is invalid.", errors);
        }

        var limit = body?.Limit ?? (body?.InstanceIds is { Length: > 0 } ids ? ids.Length : DraftReplays.DefaultLimit);
        return Problems.From(await replays.ReplayAsync(definitionId, body?.FromVersion, body?.InstanceIds, limit, cancellationToken));
    }
}
