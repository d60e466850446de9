using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// Claims queued work under a lease. On PostgreSQL the claim uses <c>FOR UPDATE SKIP LOCKED</c>, so
/// workers of several hosts never block on or take the same item; an expired lease (a crashed worker)
/// makes the item claimable again: a lease takeover, which is logged and counted in <see cref="RuntimeCounters"/>.
/// </summary>
public sealed class WorkQueue(EngineDb engineDb, RuntimeOptions options, TimeProvider clock, ILogger<WorkQueue> logger)
{
    private const string Returning = " RETURNING id, instance_id, kind, bookmark_id, payload_json, attempts, taken_over_from";

    // taken_over_from = locked_by reads the old row: a holder is still named only when its lease expired
    // unfinished (finished items are deleted, failed ones given back with locked_by NULL). Several due items are
    // claimed in one statement when a backlog waits (timers that fell due while no host ran): one round trip for all.
    // "No other item of the instance is leased" is a scalar subquery, not NOT EXISTS: PostgreSQL made that an anti join
    // whose inner side is a scan of the whole queue once per claim (statistics say almost no item is leased); with 98,800
    // timers queued (bench part (f)) it read 98,700 rows, 92 ms. The subquery is an index look-up by instance for each
    // candidate: 1.1 ms for the same claim.
    private const string ClaimDueTemplate = """
        UPDATE work_items SET taken_over_from = locked_by, locked_by = @owner, locked_until = @until, attempts = attempts + 1
        WHERE id IN (
            SELECT w.id FROM work_items w
            WHERE w.available_at <= @now AND (w.locked_until IS NULL OR w.locked_until < @now)
              AND (SELECT count(*) FROM work_items o WHERE o.instance_id = w.instance_id AND o.id <> w.id AND o.locked_until >= @now) = 0
            ORDER BY w.available_at, w.id
            LIMIT @limit {0})
        """ + Returning + ", available_at";

    // PostgreSQL skips rows other workers are claiming; SQLite has one writer, so it needs no lock clause.
    private readonly string _claimDue = string.Format(System.Globalization.CultureInfo.InvariantCulture, ClaimDueTemplate, engineDb.SkipLockedClause);

    private const string ClaimOne = """
        UPDATE work_items SET taken_over_from = locked_by, locked_by = @owner, locked_until = @until, attempts = attempts + 1
        WHERE id = @id AND (locked_until IS NULL OR locked_until < @now)
        """ + Returning;

    /// <summary>
    /// Claims up to <paramref name="limit"/> due items, earliest due first (empty when none is due). Two items of one
    /// instance may come in one claim: the caller runs them one after the other, as a single item's claim would.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedWork>> ClaimDueAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        var claimed = await db.WriteAsync(ct => ClaimRowsAsync(db, _claimDue, null, limit, ct), cancellationToken);
        // RETURNING keeps no order: run them as due.
        var work = claimed.OrderBy(c => c.AvailableAt).ThenBy(c => c.Work.Id).Select(c => c.Work).ToList();
        work.ForEach(RecordTakeover);
        return work;
    }

    /// <summary>
    /// Leases a new item to this worker before it is inserted, for work the caller runs itself at once (a
    /// request's own burst): no other worker races it for the item, and the queue's NOTIFY wakes nobody
    /// for it. Should the caller die, the lease expires and another worker takes the item over.
    /// </summary>
    public void LeaseToSelf(WorkItemRecord item)
    {
        item.LockedBy = options.WorkerName;
        item.LockedUntil = Now() + options.Lease;
        item.Attempts = 1;
    }

    /// <summary>The claim of an item leased with <see cref="LeaseToSelf"/> and inserted since.</summary>
    public static ClaimedWork Leased(WorkItemRecord item) => new(item.Id, item.InstanceId, item.Kind, item.BookmarkId, item.PayloadJson, item.Attempts);

    /// <summary>Claims one specific item (the one a request just queued), or null when another worker has it.</summary>
    public Task<ClaimedWork?> ClaimAsync(long id, CancellationToken cancellationToken) =>
        ClaimAsync(ClaimOne, id, cancellationToken);

    /// <summary>Gives an item back after a failed attempt; it becomes claimable after <paramref name="delay"/>.</summary>
    public async Task ReleaseAsync(long id, TimeSpan delay, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        var availableAt = Now() + delay;
        await db.WriteAsync(
            ct => db.WorkItems.Where(w => w.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(w => w.LockedBy, (string?)null).SetProperty(w => w.LockedUntil, (DateTime?)null).SetProperty(w => w.AvailableAt, availableAt),
                ct),
            cancellationToken);
    }

    /// <summary>
    /// Gives back claimed items this worker never started, as they were: still due when they were, and the claim not
    /// counted as an attempt (a busy host giving an item back must not bring it closer to faulting its instance).
    /// </summary>
    public async Task GiveBackAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var db = engineDb.CreateContext();
        var owner = options.WorkerName;
        await db.WriteAsync(
            ct => db.WorkItems.Where(w => ids.Contains(w.Id) && w.LockedBy == owner).ExecuteUpdateAsync(
                s => s.SetProperty(w => w.LockedBy, (string?)null).SetProperty(w => w.LockedUntil, (DateTime?)null)
                    .SetProperty(w => w.TakenOverFrom, (string?)null).SetProperty(w => w.Attempts, w => w.Attempts - 1),
                ct),
            cancellationToken);
    }

    /// <summary>
    /// Renews this worker's lease on a running item. False when the item is gone (its burst committed)
    /// or another worker holds it now (the lease had expired).
    /// </summary>
    public async Task<bool> ExtendLeaseAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        var until = Now() + options.Lease;
        var owner = options.WorkerName;
        return await db.WriteAsync(
            ct => db.WorkItems.Where(w => w.Id == id && w.LockedBy == owner).ExecuteUpdateAsync(s => s.SetProperty(w => w.LockedUntil, until), ct),
            cancellationToken) == 1;
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
        var claimed = await db.WriteAsync(ct => ClaimRowsAsync(db, sql, id, null, ct), cancellationToken);
        var work = claimed.SingleOrDefault().Work;
        if (work is not null)
        {
            RecordTakeover(work);
        }

        return work;
    }

    private void RecordTakeover(ClaimedWork work)
    {
        if (work.TakenOverFrom is { } previous)
        {
            logger.LogWarning(
                "Lease takeover: work item {WorkItemId} ({Kind}) of instance {InstanceId} was leased by {PreviousOwner}, whose lease expired unfinished; {Worker} runs it now (attempt {Attempts})",
                work.Id, work.Kind, work.InstanceId, previous, options.WorkerName, work.Attempts);
            RuntimeCounters.RecordTakeover(new LeaseTakeover(work.Id, work.InstanceId, work.Kind, previous, options.WorkerName, work.Attempts));
            EngineTelemetry.RecordLeaseTakeover(work.Kind.ToString());
        }
    }

    private async Task<List<(ClaimedWork Work, DateTime AvailableAt)>> ClaimRowsAsync(EngineDbContext db, string sql, long? id, int? limit, CancellationToken cancellationToken)
    {
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

        if (limit is { } max)
        {
            AddParameter(command, "@limit", max);
        }

        var rows = new List<(ClaimedWork, DateTime)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var work = new ClaimedWork(
                reader.GetInt64(0),
                reader.GetGuid(1),
                SnakeCaseEnumConverter<WorkKind>.FromStored(reader.GetString(2)),
                reader.IsDBNull(3) ? null : reader.GetGuid(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetString(6));
            rows.Add((work, reader.FieldCount > 7 ? reader.GetDateTime(7) : default));
        }

        return rows;
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
