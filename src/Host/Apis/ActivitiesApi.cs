using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Host.Auth;

namespace Sleek.Workflows.Host.Apis;

/// <summary><c>GET /api/activities</c>: descriptors for the designer's palette.</summary>
internal static class ActivitiesApi
{
    public static void MapActivitiesApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/activities", (ActivityRegistry registry) => TypedResults.Ok(registry.All.Select(ActivityDescriptorDto.From)))
            .RequireAuthorization(SleekPolicies.Staff)
            .WithTags("Activities")
            .WithSummary("Every activity type this host can run: category, inputs, ports.");
}
