using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Persistence.Postgres;

/// <summary>
/// Bursts on PostgreSQL. The two steps of a burst that every resume takes are each one round trip, written as
/// Npgsql batches: the claim by token (lock the instance, consume the bookmark, read the waits and incidents) and the
/// commit (every row of the burst, then <c>COMMIT</c>), where EF Core would take several round trips and track every
/// row. Column lists and row mapping come from the EF model (<see cref="PostgresTable{T}"/>); statuses travel as
/// parameters converted by <see cref="SnakeCaseEnumConverter{TEnum}"/>. Statement texts never change with row
/// counts (arrays are unnested), so each is prepared once per connection.
/// </summary>
internal sealed class PostgresBurstStore(EngineDb engineDb) : BurstStore(engineDb)
{
    private const string InstanceOfToken = "(SELECT instance_id FROM bookmarks WHERE token = $1)";

    private static readonly string Resumed = SnakeCaseEnumConverter<BookmarkOutcome>.ToStored(BookmarkOutcome.Resumed);
    private static readonly string Cancelled = SnakeCaseEnumConverter<BookmarkOutcome>.ToStored(BookmarkOutcome.Cancelled);
    private static readonly string ResumeKind = SnakeCaseEnumConverter<WorkKind>.ToStored(WorkKind.Resume);
    private static readonly string RetryKind = SnakeCaseEnumConverter<WorkKind>.ToStored(WorkKind.Retry);
    private static readonly string TimerKind = SnakeCaseEnumConverter<WorkKind>.ToStored(WorkKind.Timer);
    private static readonly string[] Resumable =
        [SnakeCaseEnumConverter<WorkflowStatus>.ToStored(WorkflowStatus.Suspended), SnakeCaseEnumConverter<WorkflowStatus>.ToStored(WorkflowStatus.Running)];

    // Where a timer does not fire (see BurstStore.TimerMayFire): finished, or faulted (its timer is parked for the retry).
    private static readonly string[] TimerBlocked = [.. new[] { WorkflowStatus.Completed, WorkflowStatus.Cancelled, WorkflowStatus.Faulted }.Select(SnakeCaseEnumConverter<WorkflowStatus>.ToStored)];

    private const string CloseCancelled = "UPDATE bookmarks SET consumed_at = $2, outcome = $3 WHERE id = ANY($1) AND consumed_at IS NULL";
    private const string DeleteCancelledTimers = "DELETE FROM work_items WHERE bookmark_id = ANY($1)";
    private const string DeleteFinishedWork = "DELETE FROM work_items WHERE id = $1";
    private const string ReleaseParked = "UPDATE work_items SET available_at = $2 WHERE instance_id = $1 AND available_at = $3";

    // The claims' statements, built from the model at first use: by token (lock instance, consume bookmark, waits,
    // incidents) and of leased work (lock instance, item, bookmark, fire timer, waits, queued retry).
    private string[]? _claimSql;
    private string[]? _workSql;

    /// <inheritdoc />
    /// <remarks>
    /// One round trip: lock the instance unless another burst holds it; consume the bookmark only if this transaction
    /// holds that lock (a row lock of one's own never skips) and the instance still resumes; read the instance's waits
    /// after that, and its latest incidents for the answer. Each statement of the batch sees the ones before it.
    /// </remarks>
    public override async Task<TokenClaim?> ClaimByTokenAsync(BurstSession session, string token, DateTime now, CancellationToken cancellationToken)
    {
        var tables = PostgresTables.Of(session.Db.Model);
        var (i, b, x) = (tables.Instances, tables.Bookmarks, tables.Incidents);
        var sql = _claimSql ??= ClaimSql(tables);
        await using var batch = Batch(session);
        batch.BatchCommands.Add(Command(sql[0], Text(token)));
        batch.BatchCommands.Add(Command(sql[1], Text(token), Time(now), Text(Resumed), Texts(Resumable)));
        batch.BatchCommands.Add(Command(sql[2], Text(token), Text(ResumeKind)));
        batch.BatchCommands.Add(Command(sql[3], Text(token)));

        WorkflowInstanceRecord? instance = null;
        BookmarkRecord? resumed = null;
        var open = new List<BookmarkRecord>();
        var waits = new List<BookmarkRecord>();
        var incidents = new List<IncidentRecord>();
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                instance = i.Read(reader);
            }

            await reader.NextResultAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                resumed = b.Read(reader);
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var wait = b.Read(reader);
                waits.Add(wait);
                if (reader.GetBoolean(b.Count))
                {
                    open.Add(wait);
                }
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                incidents.Add(x.Read(reader));
            }
        }

        if (instance is null || resumed is null)
        {
            // Busy, unknown token, consumed or not resumable: nothing was written; the queued path tells which.
            return null;
        }

        if (resumed.DueAt is not null)
        {
            await DeleteTimerAsync(session.Db, resumed.Id, cancellationToken);
        }

        return new TokenClaim(instance, resumed, open, waits, incidents);
    }

    /// <inheritdoc />
    /// <remarks>
    /// One round trip: the statements <see cref="BurstStore.ClaimWorkAsync"/> sends one by one, as one batch. The
    /// instance's lock comes first, so every statement after it sees the instance as this burst holds it; the timer's
    /// consume checks in SQL what the step-by-step version checks in code (item still leased, instance may fire), and
    /// what the batch read beyond the item is dropped when the item no longer runs.
    /// </remarks>
    public override async Task<WorkClaim> ClaimWorkAsync(BurstSession session, ClaimedWork work, DateTime now, CancellationToken cancellationToken)
    {
        var tables = PostgresTables.Of(session.Db.Model);
        var sql = _workSql ??= WorkSql(tables);
        var instanceId = new NpgsqlParameter { Value = work.InstanceId, NpgsqlDbType = NpgsqlDbType.Uuid };
        var workId = new NpgsqlParameter { Value = work.Id, NpgsqlDbType = NpgsqlDbType.Bigint };
        await using var batch = Batch(session);
        batch.BatchCommands.Add(Command(sql[0], instanceId));
        batch.BatchCommands.Add(Command(sql[1], workId));
        var bookmarkId = work.BookmarkId is { } id ? new NpgsqlParameter { Value = id, NpgsqlDbType = NpgsqlDbType.Uuid } : null;
        var timer = bookmarkId is not null && work.Kind == WorkKind.Timer;
        if (bookmarkId is not null)
        {
            batch.BatchCommands.Add(Command(sql[2], bookmarkId));
        }

        if (timer)
        {
            batch.BatchCommands.Add(Command(sql[3], bookmarkId!.Clone(), workId.Clone(), Time(now), Text(Resumed), Texts(TimerBlocked), Text(TimerKind)));
        }

        batch.BatchCommands.Add(Command(sql[4], instanceId.Clone(), Text(ResumeKind), workId.Clone()));
        batch.BatchCommands.Add(Command(sql[5], instanceId.Clone(), Text(RetryKind), workId.Clone(), Time(WorkItemRecord.Parked)));

        WorkflowInstanceRecord? instance = null;
        WorkItemRecord? item = null;
        BookmarkRecord? bookmark = null;
        var fired = false;
        var waits = new List<BookmarkRecord>();
        bool queuedRetry;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                instance = tables.Instances.Read(reader);
            }

            await reader.NextResultAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                item = tables.WorkItems.Read(reader);
            }

            if (bookmarkId is not null)
            {
                await reader.NextResultAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken))
                {
                    bookmark = tables.Bookmarks.Read(reader);
                }
            }

            if (timer)
            {
                await reader.NextResultAsync(cancellationToken);
                fired = await reader.ReadAsync(cancellationToken);
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                waits.Add(tables.Bookmarks.Read(reader));
            }

            await reader.NextResultAsync(cancellationToken);
            queuedRetry = await reader.ReadAsync(cancellationToken) && reader.GetBoolean(0);
        }

        var claim = new WorkClaim(instance, item);
        return claim.Runs ? claim with { Bookmark = bookmark, TimerFired = fired, Waits = waits, HasQueuedRetry = queuedRetry } : claim;
    }

    /// <inheritdoc />
    /// <remarks>
    /// One round trip for the whole write. The instance row is locked by this transaction since its claim, so its
    /// update needs no concurrency check. Should any statement fail, PostgreSQL skips the rest of the batch, COMMIT
    /// included, and disposing the session rolls the transaction back. A connection lost on the way is
    /// <see cref="CommitOutcomeUnknownException"/>.
    /// </remarks>
    public override async Task CommitAsync(BurstSession session, BurstRows rows, CancellationToken cancellationToken)
    {
        var tables = PostgresTables.Of(session.Db.Model);
        await using var batch = Batch(session);
        batch.BatchCommands.Add(rows.InstanceIsNew ? tables.Instances.Insert([rows.Instance]) : tables.Instances.Update(rows.Instance));
        if (rows.Bookmarks.Count > 0)
        {
            batch.BatchCommands.Add(tables.Bookmarks.Insert(rows.Bookmarks));
        }

        if (rows.CancelledBookmarks.Count > 0)
        {
            batch.BatchCommands.Add(Command(CloseCancelled, Uuids(rows.CancelledBookmarks), Time(rows.Now), Text(Cancelled)));
            batch.BatchCommands.Add(Command(DeleteCancelledTimers, Uuids(rows.CancelledBookmarks)));
        }

        if (rows.WorkItems.Count > 0)
        {
            batch.BatchCommands.Add(tables.WorkItems.Insert(rows.WorkItems));
        }

        if (rows.Journal.Count > 0)
        {
            batch.BatchCommands.Add(tables.Journal.Insert(rows.Journal));
        }

        if (rows.Incident is { } incident)
        {
            batch.BatchCommands.Add(tables.Incidents.Insert([incident]));
        }

        if (rows.FinishedWork is { } finished)
        {
            batch.BatchCommands.Add(Command(DeleteFinishedWork, new NpgsqlParameter { Value = finished, NpgsqlDbType = NpgsqlDbType.Bigint }));
        }

        if (rows.ReleaseParkedWork)
        {
            batch.BatchCommands.Add(Command(ReleaseParked, new NpgsqlParameter { Value = rows.Instance.Id, NpgsqlDbType = NpgsqlDbType.Uuid }, Time(rows.Now), Time(WorkItemRecord.Parked)));
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception ex) when (PostgresErrors.IsConnectionLost(ex))
        {
            // The batch may have reached the server whole, COMMIT included, and only the answer was lost. (An error the
            // server sends instead means it skipped the rest of the batch: nothing was committed.)
            throw new CommitOutcomeUnknownException(ex);
        }
    }

    private static string[] ClaimSql(PostgresTables tables) =>
    [
        $"SELECT {tables.Instances.Columns("i")} FROM workflow_instances i WHERE i.id = {InstanceOfToken} FOR UPDATE SKIP LOCKED",
        $"""
        UPDATE bookmarks b SET consumed_at = $2, outcome = $3
        WHERE b.token = $1 AND b.consumed_at IS NULL
          AND EXISTS (SELECT 1 FROM workflow_instances i WHERE i.id = b.instance_id AND i.status = ANY($4) FOR UPDATE SKIP LOCKED)
        RETURNING {tables.Bookmarks.Columns("b")}
        """,
        $"""
        SELECT {tables.Bookmarks.Columns("b")}, true FROM bookmarks b WHERE b.instance_id = {InstanceOfToken} AND b.consumed_at IS NULL
        UNION ALL
        SELECT {tables.Bookmarks.Columns("b")}, false FROM work_items w JOIN bookmarks b ON b.id = w.bookmark_id
        WHERE w.instance_id = {InstanceOfToken} AND w.kind = $2 AND b.consumed_at IS NOT NULL
        """,
        $"SELECT {tables.Incidents.Columns("x")} FROM incidents x WHERE x.instance_id = {InstanceOfToken} ORDER BY x.created_at DESC LIMIT 50",
    ];

    private static string[] WorkSql(PostgresTables tables) =>
    [
        $"SELECT {tables.Instances.Columns()} FROM workflow_instances WHERE id = $1 FOR UPDATE",
        $"SELECT {tables.WorkItems.Columns()} FROM work_items WHERE id = $1",
        $"SELECT {tables.Bookmarks.Columns()} FROM bookmarks WHERE id = $1",
        // The fired timer's own item is deleted here, as the step-by-step consume does: from now on this transaction holds
        // its row, so no other host's claim takes the item while the burst lives, even once its lease has lapsed.
        """
        WITH fired AS (
          UPDATE bookmarks b SET consumed_at = $3, outcome = $4
          WHERE b.id = $1 AND b.consumed_at IS NULL
            AND EXISTS (SELECT 1 FROM work_items w WHERE w.id = $2 AND w.locked_by IS NOT NULL)
            AND EXISTS (SELECT 1 FROM workflow_instances i WHERE i.id = b.instance_id AND i.status <> ALL($5))
          RETURNING b.id),
        own AS (DELETE FROM work_items w WHERE w.bookmark_id IN (SELECT id FROM fired) AND w.kind = $6)
        SELECT id FROM fired
        """,
        $"""
        SELECT {tables.Bookmarks.Columns("b")} FROM bookmarks b WHERE b.instance_id = $1 AND b.consumed_at IS NULL
        UNION ALL
        SELECT {tables.Bookmarks.Columns("b")} FROM work_items w JOIN bookmarks b ON b.id = w.bookmark_id
        WHERE w.instance_id = $1 AND w.kind = $2 AND w.id <> $3 AND b.consumed_at IS NOT NULL
        """,
        "SELECT EXISTS (SELECT 1 FROM work_items WHERE instance_id = $1 AND kind = $2 AND id <> $3 AND available_at <> $4)",
    ];

    private static NpgsqlBatch Batch(BurstSession session) =>
        new((NpgsqlConnection)session.Db.Database.GetDbConnection(), (NpgsqlTransaction)session.Write.Transaction);

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    // Typed parameters: a null must still say its type, or PostgreSQL cannot take it for the column.
    private static NpgsqlParameter Text(string value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter Texts(string[] values) => new() { Value = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    private static NpgsqlParameter Time(DateTime value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    private static NpgsqlParameter Uuids(IReadOnlyList<Guid> values) => new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid };
}
