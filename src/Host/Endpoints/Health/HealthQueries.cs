using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Host.Endpoints.Health;

/// <summary>The database side of <c>/health</c>.</summary>
internal sealed class HealthQueries(EngineDb engineDb, WorkQueue queue)
{
    /// <summary>Whether the database answers (null, or its error message) and how many work items are due.</summary>
    public async Task<(string? Error, int DueWorkItems)> DatabaseAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = engineDb.CreateContext();
            await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            return (null, await queue.DueCountAsync(cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (ex.Message, 0);
        }
    }
}
