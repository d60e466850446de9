using Microsoft.AspNetCore.Http.HttpResults;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Host.Auth;

namespace Sleek.Workflows.Host.Endpoints.Health;

/// <summary><c>GET /health</c>: liveness plus database and worker checks.</summary>
internal static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", GetAsync)
            .AllowAnonymous()
            .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable)
            .WithTags("Health")
            .WithName("GetHealth")
            .WithSummary("Liveness plus database and worker state; 503 when the database is unreachable.");

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> GetAsync(
        HttpContext http, HealthQueries queries, EngineDb engineDb, WorkerHealth workers, IWorkWakeUps wakeUps, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (databaseError, queued) = await queries.DatabaseAsync(cancellationToken);
        var beat = workers.LastBeat;
        var workersOk = beat is not null && clock.GetUtcNow().UtcDateTime - beat < TimeSpan.FromSeconds(30) && workers.LastError is null;
        // On PostgreSQL idle workers are woken by LISTEN/NOTIFY; without that connection they still find work by
        // polling, only later, so a lost listener degrades the host instead of failing it.
        var wakeUpsOk = wakeUps.IsWorking;
        workersOk &= wakeUpsOk;
        var healthy = databaseError is null;
        // Anonymous callers learn that the database is down, not its host names or driver messages.
        var staff = SleekCaller.From(http.User).IsStaff;
        if (!staff)
        {
            databaseError = databaseError is null ? null : "unavailable";
        }

        var report = new HealthReport(
            healthy ? (workersOk ? "Healthy" : "Degraded") : "Unhealthy",
            new DatabaseHealth(engineDb.ProviderName, databaseError is null, databaseError),
            new WorkersHealth(workersOk, beat, staff || workers.LastError is null ? workers.LastError : "failing", queued),
            new WakeUpsHealth(wakeUps.Mechanism, wakeUpsOk, wakeUps.Sessions, wakeUps.Reconnects));
        if (!healthy)
        {
            http.Response.Headers.RetryAfter = Host.Setup.ProblemExceptionHandler.RetryAfterSeconds;
        }

        return healthy ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
