using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// Claims queued work under a lease. On PostgreSQL the claim uses <c>FOR UPDATE SKIP LOCKED</c>, so
/// workers of several hosts never block on or take the same item; an expired lease (a crashed worker)
/// makes the item claimable again.
/// </summary>
public sealed class WorkQueue(EngineDb engineDb, RuntimeOptions options, TimeProvider clock)
{
    private const string Returning = " RETURNING id, instance_id, kind, bookmark_id, payload_json, attempts";

    private const string ClaimNextTemplate = """
        UPDATE work_items SET locked_by = @owner, locked_until = @until, attempts = attempts + 1
        WHERE id = (
            SELECT w.id FROM work_items w
            WHERE w.available_at <= @now AND (w.locked_until IS NULL OR w.locked_until < @now)
              AND NOT EXISTS (SELECT 1 FROM work_items o WHERE o.instance_id = w.instance_id AND o.id <> w.id AND o.locked_until >= @now)
            ORDER BY w.available_at, w.id
            LIMIT 1 {0})
        """ + Returning;

    // PostgreSQL skips rows other workers are claiming; SQLite has one writer, so it needs no lock clause.
    private static readonly string ClaimNextPostgres = string.Format(System.Globalization.CultureInfo.InvariantCulture, ClaimNextTemplate, "FOR UPDATE SKIP LOCKED");
    private static readonly string ClaimNextSqlite = string.Format(System.Globalization.CultureInfo.InvariantCulture, ClaimNextTemplate, "");

    private const string ClaimOne = """
        UPDATE work_items SET locked_by = @owner, locked_until = @until, attempts = attempts + 1
        WHERE id = @id AND (locked_until IS NULL OR locked_until < @now)
        """ + Returning;

    /// <summary>Claims the next due item, or returns null when there is none.</summary>
    public Task<ClaimedWork?> ClaimNextAsync(CancellationToken cancellationToken) =>
        ClaimAsync(engineDb.IsPostgres ? ClaimNextPostgres : ClaimNextSqlite, null, cancellationToken);

    /// <summary>Claims one specific item (the one a request just queued), or null when another worker has it.</summary>
    public Task<ClaimedWork?> ClaimAsync(long id, CancellationToken cancellationToken) =>
        ClaimAsync(ClaimOne, id, cancellationToken);

    /// <summary>Gives an item back after a failed attempt; it becomes claimable after <paramref name="delay"/>.</summary>
    public async Task ReleaseAsync(long id, TimeSpan delay, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        using var gate = await engineDb.WriteGateAsync(cancellationToken);
        var availableAt = Now() + delay;
        await db.WorkItems.Where(w => w.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.LockedBy, (string?)null).SetProperty(w => w.LockedUntil, (DateTime?)null).SetProperty(w => w.AvailableAt, availableAt), cancellationToken);
    }

    /// <summary>Items waiting to run now (not leased, due).</summary>
    public async Task<int> DueCountAsync(CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        var now = Now();
        return await db.WorkItems.CountAsync(w => w.AvailableAt <= now && (w.LockedUntil == null || w.LockedUntil < now), cancellationToken);
    }

    private async Task<ClaimedWork?> ClaimAsync(string sql, long? id, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        using var gate = await engineDb.WriteGateAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var now = Now();
        AddParameter(command, "@owner", options.WorkerName);
        AddParameter(command, "@now", now);
        AddParameter(command, "@until", now + options.Lease);
        if (id is { } workId)
        {
            AddParameter(command, "@id", workId);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new ClaimedWork(
            reader.GetInt64(0),
            reader.GetGuid(1),
            reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetGuid(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.GetInt32(5));
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
