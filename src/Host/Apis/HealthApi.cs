using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Host.Apis;

/// <summary><c>GET /health</c>: liveness plus database and worker checks.</summary>
internal static class HealthApi
{
    public static void MapHealthApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", GetHealthAsync)
            .WithTags("Health")
            .WithSummary("Liveness plus database and worker state; 503 when the database is unreachable.");

    private static async Task<IResult> GetHealthAsync(EngineDb engineDb, WorkQueue queue, WorkerHealth workers, TimeProvider clock, CancellationToken cancellationToken)
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
        var healthy = databaseError is null;
        var body = new
        {
            status = healthy ? (workersOk ? "Healthy" : "Degraded") : "Unhealthy",
            database = new { provider = engineDb.ProviderName, ok = databaseError is null, error = databaseError },
            workers = new { ok = workersOk, lastBeat = beat, lastError = workers.LastError, dueWorkItems = queued },
        };
        return healthy ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
