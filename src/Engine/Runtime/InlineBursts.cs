using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime.Views;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// The bursts a request runs itself, in one transaction with what triggered them: a resume locks the
/// bookmark's instance, consumes the bookmark with the same conditional update as ever, runs the burst and
/// commits; a start inserts the instance and runs it. No work item is queued for them, and the answer is
/// built from what the burst wrote, not read back. When the instance is busy (another burst holds its row,
/// found with <c>SKIP LOCKED</c> rather than waited for) or anything else is out of the ordinary, nothing is
/// changed and the caller takes the queued path, which handles every case as before. Only activities that stay
/// in this process and the burst's transaction (<see cref="ActivityAttribute.InProcess"/>) run here: should the host
/// die during one, nothing was committed and nothing was answered, and the client repeats its request. A burst that
/// reaches any other activity is rolled back before that activity runs and goes the queued path.
/// </summary>
public sealed class InlineBursts(
    EngineDb engineDb,
    DefinitionStore definitions,
    WorkflowInterpreter interpreter,
    TimeProvider clock,
    ILogger<InlineBursts> logger)
{
    private const string InstanceColumns = "i.id, i.definition_id, i.version, i.status, i.correlation_id, i.state_json, i.error, i.created_at, i.updated_at, i.finished_at, i.concurrency_version";
    private const string BookmarkColumns = "b.id, b.instance_id, b.activity_id, b.execution_number, b.name, b.correlation_key, b.token, b.due_at, b.data_json, b.created_at";
    private const string InstanceOfToken = "(SELECT instance_id FROM bookmarks WHERE token = $1)";

    // One round trip on PostgreSQL: lock the instance unless another burst holds it; consume the bookmark only if
    // this transaction holds that lock (a row lock of one's own never skips) and the instance still resumes; read
    // the instance's waits after that, and its latest incidents for the answer. Each statement of the batch sees
    // the ones before it.
    private static readonly string[] ClaimByToken =
    [
        $"SELECT {InstanceColumns} FROM workflow_instances i WHERE i.id = {InstanceOfToken} FOR UPDATE SKIP LOCKED",
        $"""
        UPDATE bookmarks b SET consumed_at = $2, outcome = 'Resumed'
        WHERE b.token = $1 AND b.consumed_at IS NULL
          AND EXISTS (SELECT 1 FROM workflow_instances i WHERE i.id = b.instance_id AND i.status IN ('Suspended', 'Running') FOR UPDATE SKIP LOCKED)
        RETURNING {BookmarkColumns}
        """,
        $"""
        SELECT {BookmarkColumns}, true FROM bookmarks b WHERE b.instance_id = {InstanceOfToken} AND b.consumed_at IS NULL
        UNION ALL
        SELECT {BookmarkColumns}, false FROM work_items w JOIN bookmarks b ON b.id = w.bookmark_id
        WHERE w.instance_id = {InstanceOfToken} AND w.kind = '{WorkKind.Resume}' AND b.consumed_at IS NOT NULL
        """,
        $"SELECT x.id, x.instance_id, x.activity_id, x.activity_type, x.attempt, x.error, x.created_at, x.resolved_at, x.resolution FROM incidents x WHERE x.instance_id = {InstanceOfToken} ORDER BY x.created_at DESC LIMIT 50",
    ];

    /// <summary>
    /// Resumes the wait a token names and runs the burst, all in one transaction. Returns the instance as
    /// committed; null when nothing was done here — unknown token, bookmark already consumed, instance not
    /// resumable or busy, payload refused, or the burst failed — and the caller's queued path decides.
    /// </summary>
    public async Task<InstanceView?> ResumeAsync(string token, JsonNode? payload, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        using var gate = await engineDb.WriteGateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = Now();
        var claim = engineDb.IsPostgres
            ? await ClaimOnPostgresAsync(db, transaction, token, now, cancellationToken)
            : await ClaimOnSqliteAsync(db, token, now, cancellationToken);
        if (claim is null)
        {
            return null;
        }

        var (instance, resumed) = (claim.Instance, claim.Resumed);
        var definition = await definitions.GetCompiledAsync(instance.DefinitionId, instance.Version, cancellationToken);
        if (definition is null || !PayloadFits(definition, resumed, payload))
        {
            return null;
        }

        using var telemetry = EngineTelemetry.StartBurst(new ClaimedWork(0, instance.Id, WorkKind.Resume, resumed.Id, null, 1));
        try
        {
            if (resumed.DueAt is not null)
            {
                // A timer resumed early by its token must not fire again later (only timers have a work item of their own).
                await db.WorkItems.Where(w => w.BookmarkId == resumed.Id).ExecuteDeleteAsync(cancellationToken);
            }

            var waits = claim.Waits.Select(b => new OpenBookmark(b.Id, b.ActivityId, b.ExecutionNumber, b.Name, BurstCommit.ParseObject(b.DataJson))).ToList();
            var trigger = new BurstTrigger.Resume(
                new OpenBookmark(resumed.Id, resumed.ActivityId, resumed.ExecutionNumber, resumed.Name, BurstCommit.ParseObject(resumed.DataJson)),
                payload?.DeepClone());
            var view = await RunAsync(db, transaction, instance, definition, trigger, waits, claim.Open, claim.Incidents, telemetry, cancellationToken);
            return view;
        }
        catch (OutOfProcessActivityException ex)
        {
            return HandToQueue(telemetry, instance.Id, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Rolled back on return: the queued path runs the resume again, with its retries and incident.
            telemetry.Failed(ex);
            logger.LogWarning(ex, "Inline resume of instance {InstanceId} failed; queuing it", instance.Id);
            return null;
        }
    }

    /// <summary>
    /// Inserts a new instance and runs it to its first wait in one transaction. Returns the instance as
    /// committed; null when the burst may call outside the engine or failed (nothing is kept): the caller queues the start.
    /// </summary>
    public async Task<InstanceView?> StartAsync(WorkflowInstanceRecord instance, CompiledDefinition definition, InstanceState state, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        using var gate = await engineDb.WriteGateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The row exists before activities run, for records of theirs that refer to it.
        db.Instances.Add(instance);
        await db.SaveChangesAsync(cancellationToken);
        using var telemetry = EngineTelemetry.StartBurst(new ClaimedWork(0, instance.Id, WorkKind.Start, null, null, 1));
        try
        {
            return await RunAsync(db, transaction, instance, definition, new BurstTrigger.Start(), [], [], [], telemetry, cancellationToken, state);
        }
        catch (OutOfProcessActivityException ex)
        {
            return HandToQueue(telemetry, instance.Id, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            telemetry.Failed(ex);
            logger.LogWarning(ex, "Inline start of instance {InstanceId} failed; queuing it", instance.Id);
            return null;
        }
    }

    private async Task<InstanceView> RunAsync(
        EngineDbContext db,
        IDbContextTransaction transaction,
        WorkflowInstanceRecord instance,
        CompiledDefinition definition,
        BurstTrigger trigger,
        List<OpenBookmark> waits,
        List<BookmarkRecord> open,
        List<IncidentRecord> incidents,
        BurstTelemetry telemetry,
        CancellationToken cancellationToken,
        InstanceState? state = null)
    {
        state ??= JsonSerializer.Deserialize<InstanceState>(instance.StateJson, StateJson.Options) ?? new InstanceState();
        // Activities that keep records of their own write them in this same transaction.
        var burstTransaction = new BurstTransaction(db.Database.GetDbConnection(), transaction.GetDbTransaction(), engineDb.IsPostgres);
        var result = await interpreter.RunAsync(new BurstRequest(definition, instance.Id, instance.CorrelationId, state, trigger, waits, burstTransaction, InProcessOnly: true), cancellationToken);
        await BurstCommit.KeepForQueuedRetryAsync(db, instance.Id, null, result, cancellationToken);
        var rows = BurstCommit.Rows(instance, result, Now(), logger);
        if (engineDb.IsPostgres)
        {
            await PostgresBurstWrite.WriteAndCommitAsync((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction(), rows, cancellationToken);
        }
        else
        {
            await BurstCommit.AddAsync(db, rows, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        telemetry.Ran(instance.DefinitionId, instance.Version, result.Status, result.Steps, result.Incident);
        logger.LogInformation(
            "Burst of instance {InstanceId} ({DefinitionId} v{Version}) ran {Steps} steps after {Kind} in its request: {Status}",
            instance.Id, instance.DefinitionId, instance.Version, result.Steps, trigger is BurstTrigger.Start ? WorkKind.Start : WorkKind.Resume, result.Status);

        // The answer as committed: the waits still open (less those the burst closed) and the new ones; incidents newest first.
        var cancelled = result.CancelledBookmarks.ToHashSet();
        var bookmarks = open.Where(b => !cancelled.Contains(b.Id)).Concat(rows.Bookmarks).OrderBy(b => b.CreatedAt);
        var allIncidents = rows.Incident is null ? incidents : [rows.Incident, .. incidents.Take(49)];
        return InstanceQueries.ViewOf(instance, result.State, bookmarks, allIncidents, new JournalPage([], null));
    }

    /// <summary>The burst reached an activity that may call out: nothing is kept here and the caller queues it.</summary>
    private InstanceView? HandToQueue(BurstTelemetry telemetry, Guid instanceId, OutOfProcessActivityException reached)
    {
        telemetry.Queued();
        logger.LogDebug(
            "Burst of instance {InstanceId} reaches activity {ActivityId} ({ActivityType}), which may call out; it runs on the queued path",
            instanceId, reached.ActivityId, reached.ActivityType);
        return null;
    }

    private static bool PayloadFits(CompiledDefinition definition, BookmarkRecord bookmark, JsonNode? payload)
    {
        if (!definition.HasNode(bookmark.ActivityId) || definition.Descriptor(bookmark.ActivityId).Create() is not IResumableActivity activity)
        {
            return true;
        }

        return activity.ValidateResumeInput(BurstCommit.ParseObject(bookmark.DataJson), payload).Count == 0;
    }

    private static async Task<Claim?> ClaimOnPostgresAsync(EngineDbContext db, IDbContextTransaction transaction, string token, DateTime now, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection, (NpgsqlTransaction)transaction.GetDbTransaction());
        foreach (var sql in ClaimByToken)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = token });
            if (sql.StartsWith("UPDATE", StringComparison.Ordinal))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = now });
            }

            batch.BatchCommands.Add(command);
        }

        WorkflowInstanceRecord? instance = null;
        BookmarkRecord? resumed = null;
        var open = new List<BookmarkRecord>();
        var waits = new List<BookmarkRecord>();
        var incidents = new List<IncidentRecord>();
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                instance = new WorkflowInstanceRecord
                {
                    Id = reader.GetGuid(0),
                    DefinitionId = reader.GetString(1),
                    Version = reader.GetInt32(2),
                    Status = Enum.Parse<WorkflowStatus>(reader.GetString(3)),
                    CorrelationId = reader.IsDBNull(4) ? null : reader.GetString(4),
                    StateJson = reader.GetString(5),
                    Error = reader.IsDBNull(6) ? null : reader.GetString(6),
                    CreatedAt = reader.GetDateTime(7),
                    UpdatedAt = reader.GetDateTime(8),
                    FinishedAt = reader.IsDBNull(9) ? null : reader.GetDateTime(9),
                    ConcurrencyVersion = reader.GetInt32(10),
                };
            }

            await reader.NextResultAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                resumed = ReadBookmark(reader);
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var bookmark = ReadBookmark(reader);
                waits.Add(bookmark);
                if (reader.GetBoolean(10))
                {
                    open.Add(bookmark);
                }
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                incidents.Add(new IncidentRecord
                {
                    Id = reader.GetGuid(0),
                    InstanceId = reader.GetGuid(1),
                    ActivityId = reader.IsDBNull(2) ? null : reader.GetString(2),
                    ActivityType = reader.IsDBNull(3) ? null : reader.GetString(3),
                    Attempt = reader.GetInt32(4),
                    Error = reader.GetString(5),
                    CreatedAt = reader.GetDateTime(6),
                    ResolvedAt = reader.IsDBNull(7) ? null : reader.GetDateTime(7),
                    Resolution = reader.IsDBNull(8) ? null : reader.GetString(8),
                });
            }
        }

        if (instance is null || resumed is null)
        {
            // Busy, unknown token, consumed or not resumable: nothing was written; the queued path tells which.
            return null;
        }

        return new Claim(instance, resumed, open, waits, incidents);
    }

    private static async Task<Claim?> ClaimOnSqliteAsync(EngineDbContext db, string token, DateTime now, CancellationToken cancellationToken)
    {
        // The write gate is held: no other write runs, so the steps need no lock.
        var resumed = await db.Bookmarks.AsNoTracking().SingleOrDefaultAsync(b => b.Token == token, cancellationToken);
        if (resumed is null)
        {
            return null;
        }

        var consumed = await db.Bookmarks
            .Where(b => b.Id == resumed.Id && b.ConsumedAt == null
                && db.Instances.Any(i => i.Id == b.InstanceId && (i.Status == WorkflowStatus.Suspended || i.Status == WorkflowStatus.Running)))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.ConsumedAt, now).SetProperty(b => b.Outcome, "Resumed"), cancellationToken);
        if (consumed == 0)
        {
            return null;
        }

        var instance = await db.Instances.SingleAsync(i => i.Id == resumed.InstanceId, cancellationToken);
        var open = await db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == instance.Id && b.ConsumedAt == null).ToListAsync(cancellationToken);
        var accepted = await (
            from w in db.WorkItems
            join b in db.Bookmarks on w.BookmarkId equals (Guid?)b.Id
            where w.InstanceId == instance.Id && w.Kind == WorkKind.Resume && b.ConsumedAt != null
            select b).AsNoTracking().ToListAsync(cancellationToken);
        var incidents = await db.Incidents.AsNoTracking().Where(x => x.InstanceId == instance.Id).OrderByDescending(x => x.CreatedAt).Take(50).ToListAsync(cancellationToken);
        return new Claim(instance, resumed, open, [.. open, .. accepted], incidents);
    }

    private static BookmarkRecord ReadBookmark(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetGuid(0),
        InstanceId = reader.GetGuid(1),
        ActivityId = reader.GetString(2),
        ExecutionNumber = reader.GetInt32(3),
        Name = reader.GetString(4),
        CorrelationKey = reader.IsDBNull(5) ? null : reader.GetString(5),
        Token = reader.GetString(6),
        DueAt = reader.IsDBNull(7) ? null : reader.GetDateTime(7),
        DataJson = reader.GetString(8),
        CreatedAt = reader.GetDateTime(9),
    };

    /// <summary>Now, to the microsecond PostgreSQL keeps: the answer shows the times as a read would.</summary>
    internal static DateTime ToStoredPrecision(DateTime time) => new(time.Ticks - (time.Ticks % 10), DateTimeKind.Utc);

    private DateTime Now() => ToStoredPrecision(clock.GetUtcNow().UtcDateTime);

    /// <summary>A consumed bookmark with its locked instance, the instance's open bookmarks, all its waits and its latest incidents.</summary>
    private sealed record Claim(WorkflowInstanceRecord Instance, BookmarkRecord Resumed, List<BookmarkRecord> Open, List<BookmarkRecord> Waits, List<IncidentRecord> Incidents);
}
