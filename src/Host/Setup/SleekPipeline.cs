using Scalar.AspNetCore;
using Serilog;
using Sleek.Workflows.Host.Apis;
using Sleek.Workflows.Host.Webhooks;

namespace Sleek.Workflows.Host.Setup;

/// <summary>Middleware order and route groups.</summary>
internal static class SleekPipeline
{
    public static void UseSleekPipeline(this WebApplication app)
    {
        // Outermost, so the request log shows the status the client finally got.
        app.UseSerilogRequestLogging();

        // Client errors (bad JSON, too large) are answered by ProblemExceptionHandler and are not server errors: don't log them as such.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
        app.UseStatusCodePages();
    }

    public static void MapSleekApis(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(options => options.WithTitle("Sleek Workflows API"));
        app.MapHealthApi();
        app.MapSleekTelemetry();
        app.MapActivitiesApi();
        app.MapWorkflowsApi();
        app.MapInstancesApi();
        app.MapMigrationsApi();
        app.MapBookmarksApi();
        app.MapTasksApi();
        app.MapEventsApi();
        app.MapIncidentsApi();
        app.MapQuotesApi();
        app.MapOrdersApi();
        app.MapRulesApi();
        app.MapInvoicesApi();
        app.MapStripeWebhookApi();
        app.MapAnalyticsApi();

        // Last: the designer's page answers only what no API route does.
        app.MapSleekDesigner();
    }
}
