using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Persistence.Postgres;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Host.Apis;

/// <summary><c>GET /health</c>: liveness plus database and worker checks.</summary>
internal static class HealthApi
{
    public static void MapHealthApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", GetHealthAsync)
            .AllowAnonymous()
            .WithTags("Health")
            .WithSummary("Liveness plus database and worker state; 503 when the database is unreachable.");

    private static async Task<IResult> GetHealthAsync(HttpContext http, EngineDb engineDb, WorkQueue queue, WorkerHealth workers, IServiceProvider services, TimeProvider clock, CancellationToken cancellationToken)
    {
        string? databaseError = null;
        var queued = 0;
        try
        {
            await using var db = engineDb.CreateContext();
            await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            queued = await queue.DueCountAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            databaseError = ex.Message;
        }

        var beat = workers.LastBeat;
        var workersOk = beat is not null && clock.GetUtcNow().UtcDateTime - beat < TimeSpan.FromSeconds(30) && workers.LastError is null;
        // On PostgreSQL idle workers are woken by LISTEN/NOTIFY; without that connection they still find work by
        // polling, only later, so a lost listener degrades the host instead of failing it.
        var listener = services.GetService<PostgresWorkListener>();
        var wakeUpsOk = listener is null || listener.IsListening;
        workersOk &= wakeUpsOk;
        var healthy = databaseError is null;
        // Anonymous callers learn that the database is down, not its host names or driver messages.
        var staff = Auth.SleekCaller.From(http.User).IsStaff;
        if (!staff)
        {
            databaseError = databaseError is null ? null : "unavailable";
        }

        var body = new
        {
            status = healthy ? (workersOk ? "Healthy" : "Degraded") : "Unhealthy",
            database = new { provider = engineDb.ProviderName, ok = databaseError is null, error = databaseError },
            workers = new { ok = workersOk, lastBeat = beat, lastError = staff || workers.LastError is null ? workers.LastError : "failing", dueWorkItems = queued },
            wakeUps = listener is null
                ? new { mode = "polling", ok = true, listenSessions = 0 }
                : new { mode = "listen/notify", ok = wakeUpsOk, listenSessions = listener.Sessions },
        };
        return healthy ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
