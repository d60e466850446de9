using Scalar.AspNetCore;
using Serilog;
using Sleek.Workflows.Host.Apis;

namespace Sleek.Workflows.Host.Setup;

/// <summary>Middleware order and route groups.</summary>
internal static class SleekPipeline
{
    public static void UseSleekPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSerilogRequestLogging();
    }

    public static void MapSleekApis(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(options => options.WithTitle("Sleek Workflows API"));
        app.MapHealthApi();
        app.MapActivitiesApi();
        app.MapWorkflowsApi();
        app.MapInstancesApi();
        app.MapBookmarksApi();
        app.MapEventsApi();
        app.MapIncidentsApi();
    }
}
