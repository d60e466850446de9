using Microsoft.AspNetCore.Http.HttpResults;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Host.Auth;

namespace Sleek.Workflows.Host.Endpoints.Activities;

/// <summary><c>GET /api/activities</c>: descriptors for the designer's palette.</summary>
internal static class ActivitiesEndpoints
{
    public static void MapActivitiesEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/activities", List)
            .RequireAuthorization(SleekPolicies.Staff)
            .WithTags("Activities")
            .WithName("ListActivities")
            .WithSummary("Every activity type this host can run: category, inputs, ports.");

    private static Ok<IEnumerable<ActivityDescriptorDto>> List(ActivityRegistry registry) =>
        TypedResults.Ok(registry.All.Select(ActivityDescriptorDto.From));
}
