using Serilog;

namespace Sleek.Workflows.Host.Setup;

/// <summary>Middleware order (the endpoints are mapped by <see cref="Endpoints.SleekEndpoints"/>).</summary>
internal static class SleekPipeline
{
    public static void UseSleekPipeline(this WebApplication app)
    {
        // Outermost, so the request log shows the status the client finally got.
        // Path without credentials (bookmark tokens), no query string, no headers.
        app.UseSerilogRequestLogging(o => o.GetMessageTemplateProperties = Hardening.RequestLogRedaction.Properties);

        // Client errors (bad JSON, too large) and a database that is away are answered by ProblemExceptionHandler, which
        // logs what it needs: no stack trace per request from the middleware as well.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            SuppressDiagnosticsCallback = context => ProblemExceptionHandler.SuppressDiagnostics(context.Exception),
        });
        app.UseStatusCodePages();
        app.UseSleekSecurity();
        app.UseOptionalValueCheck();
    }
}
