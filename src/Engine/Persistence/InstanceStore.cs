using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// The runtime's commands on instances outside a burst — cancel, ops retry, fault after repeated failures, purge —
/// and the lookups its queued path needs, each in one write transaction of its own (the instance locked as a burst
/// locks it). Provider-neutral: the row lock is the context's (<see cref="EngineDbContext.LoadInstanceForUpdateAsync"/>).
/// </summary>
public sealed class InstanceStore(EngineDb engineDb, WorkQueue queue)
{
    /// <summary>
    /// The bookmark a token names, with its instance's definition version (for checking a payload) and correlation id
    /// (for the resume guards); null when unknown.
    /// </summary>
    public async Task<(BookmarkRecord Bookmark, string DefinitionId, int Version, string? CorrelationId)?> FindByTokenAsync(string token, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        var found = await (
            from b in db.Bookmarks.AsNoTracking()
            join i in db.Instances on b.InstanceId equals i.Id
            where b.Token == token
            select new { Bookmark = b, i.DefinitionId, i.Version, i.CorrelationId }).SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Bookmark, found.DefinitionId, found.Version, found.CorrelationId);
    }

    /// <summary>Definition and correlation id of each of these instances (those that exist), for the resume guards.</summary>
    public async Task<Dictionary<Guid, (string DefinitionId, string? CorrelationId)>> CorrelationsAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        var rows = await db.Instances.AsNoTracking()
            .Where(i => instanceIds.Contains(i.Id))
            .Select(i => new { i.Id, i.DefinitionId, i.CorrelationId })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => (r.DefinitionId, r.CorrelationId));
    }

    /// <summary>Every bookmark, open or consumed, waiting for this event name and correlation id, oldest first.</summary>
    public async Task<List<BookmarkRecord>> ForEventAsync(string eventName, string correlationId, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        return await db.Bookmarks.AsNoTracking()
            .Where(b => b.Name == eventName && b.CorrelationKey == correlationId)
            .OrderBy(b => b.CreatedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>An instance's definition and version; null when it does not exist.</summary>
    public async Task<(string DefinitionId, int Version)?> DefinitionOfAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        var found = await db.Instances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => new { i.DefinitionId, i.Version }).SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.DefinitionId, found.Version);
    }

    /// <summary>Locks an instance for a change outside a burst (see <see cref="InstanceLock"/>).</summary>
    public Task<InstanceLock> LockAsync(Guid instanceId, CancellationToken cancellationToken) => InstanceLock.BeginAsync(engineDb, instanceId, cancellationToken);

    /// <summary>
    /// Cancels an instance unless it is already Completed or Cancelled: its open waits are closed as cancelled, its
    /// queued work is removed and its open incidents are resolved as cancelled, so it never resumes.
    /// </summary>
    public async Task<InstanceChange> CancelAsync(Guid instanceId, string? reason, DateTime now, CancellationToken cancellationToken)
    {
        await using var locked = await LockAsync(instanceId, cancellationToken);
        var change = await CancelLockedAsync(locked.Db, locked.Instance, reason, now, cancellationToken);
        if (change.Changed)
        {
            await locked.CommitAsync(cancellationToken);
        }

        return change;
    }

    /// <summary>
    /// The cancel of <see cref="CancelAsync"/> on an instance already loaded for update in <paramref name="db"/>'s write
    /// transaction (a bulk job's batch); the caller commits.
    /// </summary>
    internal static async Task<InstanceChange> CancelLockedAsync(EngineDbContext db, WorkflowInstanceRecord? instance, string? reason, DateTime now, CancellationToken cancellationToken)
    {
        if (instance is null)
        {
            return InstanceChange.NotFound;
        }

        if (instance.Status is WorkflowStatus.Completed or WorkflowStatus.Cancelled)
        {
            return new InstanceChange(true, false, instance.Status);
        }

        var instanceId = instance.Id;
        instance.Status = WorkflowStatus.Cancelled;
        instance.Error = string.IsNullOrWhiteSpace(reason) ? instance.Error : $"cancelled: {reason}";
        instance.UpdatedAt = now;
        instance.FinishedAt = now;
        instance.ConcurrencyVersion++;
        // Children first (see ChildInstances.CancelDescendantsAsync), then this instance's own rows.
        var children = await ChildInstances.CancelDescendantsAsync(db, instanceId, now, cancellationToken);
        await db.Bookmarks.Where(b => b.InstanceId == instanceId && b.ConsumedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.ConsumedAt, now).SetProperty(b => b.Outcome, BookmarkOutcome.Cancelled), cancellationToken);
        await db.WorkItems.Where(w => w.InstanceId == instanceId).ExecuteDeleteAsync(cancellationToken);
        await db.Incidents.Where(x => x.InstanceId == instanceId && x.ResolvedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ResolvedAt, now).SetProperty(x => x.Resolution, IncidentResolution.Cancelled), cancellationToken);
        // A child cancelled on its own resumes the parent that waits for it (through Faulted), in this transaction.
        if (await ChildInstances.ResumeParentAsync(db, instance, VariablesOf(instance), now, cancellationToken) is { } resume)
        {
            db.WorkItems.Add(resume);
        }

        return new InstanceChange(true, true, instance.Status) { CancelledChildren = children, ResumedParent = instance.ParentInstanceId is not null };
    }

    /// <summary>
    /// Retries a Faulted instance with an open incident: the incident is resolved as retried and the failed activity
    /// is queued again (leased to this worker, to run at once). A failure outside an activity (e.g. a step limit) has
    /// nothing to re-run: the instance continues with its waits and the work parked while it was faulted.
    /// </summary>
    public async Task<InstanceChange> RetryAsync(Guid instanceId, DateTime now, CancellationToken cancellationToken)
    {
        await using var locked = await LockAsync(instanceId, cancellationToken);
        var change = await RetryLockedAsync(locked.Db, locked.Instance, now, queue, cancellationToken);
        if (change.Changed)
        {
            await locked.CommitAsync(cancellationToken);
        }

        return change;
    }

    /// <summary>
    /// The retry of <see cref="RetryAsync"/> on an instance already loaded for update in <paramref name="db"/>'s write
    /// transaction; the caller commits. With a <paramref name="leaseTo"/> queue the re-run is leased to this worker (it
    /// runs it at once); without one (a bulk job) it is left for any worker.
    /// </summary>
    internal static async Task<InstanceChange> RetryLockedAsync(EngineDbContext db, WorkflowInstanceRecord? instance, DateTime now, WorkQueue? leaseTo, CancellationToken cancellationToken)
    {
        if (instance is null)
        {
            return InstanceChange.NotFound;
        }

        var instanceId = instance.Id;
        var incident = await db.Incidents.Where(x => x.InstanceId == instanceId && x.ResolvedAt == null).OrderByDescending(x => x.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (instance.Status != WorkflowStatus.Faulted || incident is null)
        {
            return new InstanceChange(true, false, instance.Status);
        }

        instance.Status = WorkflowStatus.Running;
        instance.Error = null;
        instance.FinishedAt = null;
        instance.UpdatedAt = now;
        instance.ConcurrencyVersion++;
        incident.ResolvedAt = now;
        incident.Resolution = IncidentResolution.Retried;
        WorkItemRecord? work = null;
        if (incident.ActivityId is null)
        {
            // Nothing to re-run, only waits to continue, including work parked while the instance was faulted.
            var parked = await db.WorkItems.Where(w => w.InstanceId == instanceId && w.AvailableAt == WorkItemRecord.Parked)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.AvailableAt, now), cancellationToken);
            // Queued work includes a retry another branch's policy scheduled that was not due yet.
            var waiting = parked > 0
                || await db.WorkItems.AnyAsync(w => w.InstanceId == instanceId, cancellationToken)
                || await db.Bookmarks.AnyAsync(b => b.InstanceId == instanceId && b.ConsumedAt == null, cancellationToken);
            instance.Status = waiting ? WorkflowStatus.Suspended : WorkflowStatus.Completed;
        }
        else
        {
            work = new WorkItemRecord
            {
                InstanceId = instanceId,
                Kind = WorkKind.Retry,
                CreatedAt = now,
                AvailableAt = now,
                PayloadJson = new JsonObject { ["activityId"] = incident.ActivityId }.ToJsonString(),
            };
            leaseTo?.LeaseToSelf(work);
            db.WorkItems.Add(work);
        }

        return new InstanceChange(true, true, instance.Status, leaseTo is null ? null : work);
    }

    /// <summary>
    /// Faults an instance whose work failed too often (the item is removed): unless it is already Completed or
    /// Cancelled, it gets <paramref name="message"/> as its error and an incident outside any activity. True when it faulted.
    /// </summary>
    public async Task<bool> FaultAsync(ClaimedWork work, string message, DateTime now, CancellationToken cancellationToken)
    {
        await using var locked = await LockAsync(work.InstanceId, cancellationToken);
        var (db, instance) = (locked.Db, locked.Instance);
        await db.WorkItems.Where(w => w.Id == work.Id).ExecuteDeleteAsync(cancellationToken);
        if (instance is null || instance.Status is WorkflowStatus.Completed or WorkflowStatus.Cancelled)
        {
            await locked.CommitAsync(cancellationToken);
            return false;
        }

        instance.Status = WorkflowStatus.Faulted;
        instance.Error = message;
        instance.UpdatedAt = now;
        instance.FinishedAt = now;
        instance.ConcurrencyVersion++;
        db.Incidents.Add(new IncidentRecord { Id = Guid.NewGuid(), InstanceId = instance.Id, Attempt = work.Attempts, Error = message, CreatedAt = now });
        if (await ChildInstances.ResumeParentAsync(db, instance, VariablesOf(instance), now, cancellationToken) is { } resume)
        {
            db.WorkItems.Add(resume);
        }

        await locked.CommitAsync(cancellationToken);
        return true;
    }

    private static System.Text.Json.Nodes.JsonObject VariablesOf(WorkflowInstanceRecord instance) =>
        (System.Text.Json.JsonSerializer.Deserialize<InstanceState>(instance.StateJson, StateJson.Options) ?? new InstanceState()).Variables;

    /// <summary>Removes up to <paramref name="batchSize"/> Completed or Cancelled instances finished before <paramref name="cutoff"/>, with their rows; returns how many.</summary>
    public async Task<int> PurgeFinishedAsync(DateTime cutoff, int batchSize, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var ids = await db.Instances
            .Where(i => (i.Status == WorkflowStatus.Completed || i.Status == WorkflowStatus.Cancelled) && i.FinishedAt < cutoff)
            .OrderBy(i => i.FinishedAt)
            .Select(i => i.Id)
            .Take(batchSize)
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }

        await db.Journal.Where(j => ids.Contains(j.InstanceId)).ExecuteDeleteAsync(cancellationToken);
        await db.Bookmarks.Where(b => ids.Contains(b.InstanceId)).ExecuteDeleteAsync(cancellationToken);
        await db.Incidents.Where(x => ids.Contains(x.InstanceId)).ExecuteDeleteAsync(cancellationToken);
        await db.WorkItems.Where(w => ids.Contains(w.InstanceId)).ExecuteDeleteAsync(cancellationToken);
        await db.Instances.Where(i => ids.Contains(i.Id)).ExecuteDeleteAsync(cancellationToken);
        await write.CommitAsync(cancellationToken);
        return ids.Count;
    }

    /// <summary>Running and Suspended instances of a definition not on <paramref name="targetVersion"/> (only those of <paramref name="fromVersion"/> when given), oldest first.</summary>
    public async Task<List<Guid>> ActiveInstancesAsync(string definitionId, int targetVersion, int? fromVersion, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        var query = db.Instances.AsNoTracking()
            .Where(i => i.DefinitionId == definitionId && i.Version != targetVersion
                && (i.Status == WorkflowStatus.Running || i.Status == WorkflowStatus.Suspended));
        if (fromVersion is { } only)
        {
            query = query.Where(i => i.Version == only);
        }

        return await query.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Instances by id with their waits (see <see cref="InstanceLock.WaitsAsync"/>), read in one transaction-less pass.</summary>
    public async Task<(Dictionary<Guid, WorkflowInstanceRecord> Instances, ILookup<Guid, BookmarkRecord> Waits)> WithWaitsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        var instances = await db.Instances.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var waits = await BurstStore.WaitsAsync(db, ids, null, cancellationToken);
        return (instances, waits.ToLookup(b => b.InstanceId));
    }
}
