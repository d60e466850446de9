using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Engine.Runtime.Bulk;

/// <summary>
/// Works off bulk jobs, on every host. A job is claimed under a lease like a work item (PostgreSQL: <c>FOR UPDATE SKIP
/// LOCKED</c>, so two hosts never take the same job; a crashed holder's job is taken over when its lease lapses). Each
/// batch is one write transaction that first renews the lease (and so locks the job row), then applies each pending
/// item's effect and marks the item, then adds to the job's counts: a batch commits whole or not at all, so a host
/// killed mid-batch leaves its items pending and no instance is ever applied twice.
/// </summary>
public sealed class BulkJobRunner(
    EngineDb engineDb,
    BulkJobs jobs,
    DefinitionStore definitions,
    RuntimeOptions options,
    WorkSignal workSignal,
    InstanceChanges changes,
    TimeProvider clock,
    ILogger<BulkJobRunner> logger) : BackgroundService
{
    /// <summary>Instances per batch (one transaction).</summary>
    public const int BatchSize = 100;

    /// <summary>Failed attempts of a batch before it goes one instance at a time, and of one instance before it is marked failed.</summary>
    private const int AttemptsBeforeNarrowing = 2;

    /// <summary>Runs every job there is until none is left to claim; for tests and the loop.</summary>
    public async Task RunAvailableAsync(CancellationToken cancellationToken)
    {
        while (await ClaimAsync(cancellationToken) is { } jobId)
        {
            await RunJobAsync(jobId, cancellationToken);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunAvailableAsync(stoppingToken);
                await jobs.WaitForNewJobAsync(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The bulk job runner failed; trying again in {Interval}", options.PollInterval);
                await Task.Delay(options.PollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task RunJobAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var failuresInARow = 0;
        while (true)
        {
            BatchOutcome outcome;
            try
            {
                outcome = await RunBatchAsync(jobId, failuresInARow > AttemptsBeforeNarrowing ? 1 : BatchSize, cancellationToken);
                failuresInARow = 0;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && !DatabaseErrors.IsUnavailable(ex))
            {
                failuresInARow++;
                logger.LogWarning(ex, "A batch of bulk job {JobId} failed and was rolled back (attempt {Attempt}); trying again", jobId, failuresInARow);
                if (failuresInARow > 2 * AttemptsBeforeNarrowing)
                {
                    // One instance failed on its own this often: mark it failed with the error and go on.
                    await FailNextAsync(jobId, ex.Message, cancellationToken);
                    failuresInARow = 0;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200 * failuresInARow), clock, cancellationToken);
                continue;
            }

            if (outcome != BatchOutcome.More)
            {
                return;
            }
        }
    }

    private async Task<BatchOutcome> RunBatchAsync(Guid jobId, int batchSize, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await RenewAsync(db, jobId, now, cancellationToken))
        {
            logger.LogWarning("Bulk job {JobId}: {Worker} no longer holds its lease (another host took it over); stopping here", jobId, options.WorkerName);
            return BatchOutcome.Lost;
        }

        var job = await db.BulkJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, cancellationToken);
        var items = await db.BulkJobItems.Where(i => i.JobId == jobId && i.State == BulkItemState.Pending).OrderBy(i => i.Seq).Take(batchSize).ToListAsync(cancellationToken);
        if (items.Count == 0)
        {
            await db.BulkJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(
                s => s.SetProperty(j => j.Status, BulkJobStatus.Completed).SetProperty(j => j.FinishedAt, now)
                    .SetProperty(j => j.LockedBy, (string?)null).SetProperty(j => j.LockedUntil, (DateTime?)null),
                cancellationToken);
            await write.CommitAsync(cancellationToken);
            logger.LogInformation(
                "Bulk job {JobId} ({Operation}) completed: {Done} done, {Failed} failed of {Total}", jobId, job.Operation, job.Done, job.Failed, job.Total);
            return BatchOutcome.Finished;
        }

        var target = job.TargetVersion is { } version ? await definitions.GetCompiledAsync(DefinitionOf(job), version, cancellationToken) : null;
        var (done, failed, wake) = (0, 0, false);
        foreach (var item in items)
        {
            var instance = await db.LoadInstanceForUpdateAsync(item.InstanceId, cancellationToken);
            var error = await ApplyAsync(db, job, target, instance, now, cancellationToken);
            wake |= error is null && job.Operation != BulkOperation.Migrate;
            item.State = error is null ? BulkItemState.Done : BulkItemState.Failed;
            item.Error = error;
            item.ProcessedAt = now;
            // Saved one by one: a later cancel's cascade may touch an instance changed earlier in this batch.
            await db.SaveChangesAsync(cancellationToken);
            (done, failed) = error is null ? (done + 1, failed) : (done, failed + 1);
        }

        // The lease runs from the batch's end, not its start: a slow batch does not hand the job over the moment it commits.
        var until = clock.GetUtcNow().UtcDateTime + options.Lease;
        await db.BulkJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.Done, j => j.Done + done).SetProperty(j => j.Failed, j => j.Failed + failed)
                .SetProperty(j => j.UpdatedAt, now).SetProperty(j => j.LockedUntil, until),
            cancellationToken);
        await write.CommitAsync(cancellationToken);

        foreach (var item in items.Where(i => i.State == BulkItemState.Done))
        {
            changes.Publish(item.InstanceId);
        }

        if (wake)
        {
            workSignal.Pulse(); // retries queued, parents resumed by a cancelled child
        }

        var (allDone, allFailed) = (job.Done + done, job.Failed + failed);
        logger.LogInformation(
            "Bulk job {JobId} ({Operation}) progress: {Done} done, {Failed} failed, {Left} left of {Total} (this batch: {BatchDone} done, {BatchFailed} failed, on {Worker})",
            jobId, job.Operation, allDone, allFailed, job.Total - allDone - allFailed, job.Total, done, failed, options.WorkerName);
        return BatchOutcome.More;
    }

    /// <summary>The effect on one instance, in the batch's transaction; null when applied, else why not.</summary>
    private async Task<string?> ApplyAsync(EngineDbContext db, BulkJobRecord job, CompiledDefinition? target, WorkflowInstanceRecord? instance, DateTime now, CancellationToken cancellationToken)
    {
        if (instance is null)
        {
            return "the instance no longer exists";
        }

        switch (job.Operation)
        {
            case BulkOperation.Cancel:
                var cancelled = await InstanceStore.CancelLockedAsync(db, instance, job.Reason, now, cancellationToken);
                return cancelled.Changed ? null : $"the instance is already {cancelled.Status}";
            case BulkOperation.RetryIncidents:
                var retried = await InstanceStore.RetryLockedAsync(db, instance, now, leaseTo: null, cancellationToken);
                return retried.Changed ? null : $"the instance is {retried.Status} without an open incident";
            default:
                if (target is null)
                {
                    return $"version {job.TargetVersion} is not published";
                }

                var moved = await InstanceMigrations.MoveLockedAsync(db, instance, target, definitions, now, cancellationToken);
                return moved.Problems.Count == 0 ? null : string.Join("; ", moved.Problems.Select(p => $"{p.Field}: {p.Message}"));
        }
    }

    /// <summary>Marks the job's next pending item failed with <paramref name="error"/> (it failed alone, again and again).</summary>
    private async Task FailNextAsync(Guid jobId, string error, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await RenewAsync(db, jobId, now, cancellationToken))
        {
            return;
        }

        var item = await db.BulkJobItems.Where(i => i.JobId == jobId && i.State == BulkItemState.Pending).OrderBy(i => i.Seq).FirstOrDefaultAsync(cancellationToken);
        if (item is null)
        {
            return;
        }

        item.State = BulkItemState.Failed;
        item.Error = error.Length > 2000 ? error[..2000] : error;
        item.ProcessedAt = now;
        await db.BulkJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.Failed, j => j.Failed + 1).SetProperty(j => j.UpdatedAt, now), cancellationToken);
        await write.CommitAsync(cancellationToken);
        logger.LogError("Bulk job {JobId}: instance {InstanceId} failed on every attempt and is marked failed: {Error}", jobId, item.InstanceId, error);
    }

    /// <summary>Renews this worker's lease on the job, locking its row for the transaction; false when another holds it or it is finished.</summary>
    private async Task<bool> RenewAsync(EngineDbContext db, Guid jobId, DateTime now, CancellationToken cancellationToken)
    {
        var (owner, until) = (options.WorkerName, now + options.Lease);
        return await db.BulkJobs.Where(j => j.Id == jobId && j.LockedBy == owner && j.Status == BulkJobStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LockedUntil, until), cancellationToken) == 1;
    }

    /// <summary>Claims a running job whose lease is free or lapsed; null when there is none.</summary>
    private async Task<Guid?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var connection = db.Database.GetDbConnection();
        Guid id;
        string? previous;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = write.Transaction;
            command.CommandText = $"""
                SELECT id, locked_by FROM bulk_jobs
                WHERE status = 'running' AND (locked_until IS NULL OR locked_until < @now OR locked_by = @owner)
                ORDER BY created_at, id LIMIT 1 {engineDb.SkipLockedClause}
                """;
            AddParameter(command, "@now", now);
            AddParameter(command, "@owner", options.WorkerName);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            (id, previous) = (reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1));
        }

        var (owner, until) = (options.WorkerName, now + options.Lease);
        await db.BulkJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.LockedBy, owner).SetProperty(j => j.LockedUntil, until), cancellationToken);
        await write.CommitAsync(cancellationToken);
        if (previous is not null && previous != owner)
        {
            logger.LogWarning("Bulk job {JobId} taken over by {Worker}: {PreviousOwner}'s lease lapsed unfinished; it resumes at its first pending instance", id, owner, previous);
        }
        else
        {
            logger.LogInformation("Bulk job {JobId} claimed by {Worker}", id, owner);
        }

        return id;
    }

    private static string DefinitionOf(BulkJobRecord job) =>
        System.Text.Json.JsonSerializer.Deserialize<BulkFilter>(job.FilterJson, BulkFilter.Json)?.DefinitionId ?? "";

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private enum BatchOutcome
    {
        More,
        Finished,
        Lost,
    }
}
