using Scalar.AspNetCore;
using Serilog;
using Sleek.Workflows.Host.Apis;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Webhooks;

namespace Sleek.Workflows.Host.Setup;

/// <summary>Middleware order and route groups.</summary>
internal static class SleekPipeline
{
    public static void UseSleekPipeline(this WebApplication app)
    {
        // Outermost, so the request log shows the status the client finally got.
        // Path without credentials (bookmark tokens), no query string, no headers.
        app.UseSerilogRequestLogging(o => o.GetMessageTemplateProperties = Hardening.RequestLogRedaction.Properties);

        // Client errors (bad JSON, too large) are answered by ProblemExceptionHandler and are not server errors: don't log them as such.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
        app.UseStatusCodePages();
        app.UseSleekSecurity();
    }

    public static void MapSleekApis(this WebApplication app)
    {
        // Anonymous by design (DESIGN.md): the contract and its reference. Every other endpoint names a policy.
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(options => options.WithTitle("Sleek Workflows API")).AllowAnonymous();
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
        app.MapAuthApi();
        app.MapUsersApi();
        app.MapApiKeysApi();
        app.MapAuditApi();
        app.MapRulesApi();
        app.MapInvoicesApi();
        app.MapStripeWebhookApi();
        app.MapAnalyticsApi();
    }
}
