using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// What both databases do alike, through EF Core; a subclass per database claims by token and commits
/// (<see cref="Postgres.PostgresBurstStore"/>, <see cref="Sqlite.SqliteBurstStore"/>).
/// </summary>
internal abstract class BurstStore(EngineDb engineDb) : IBurstStore
{
    /// <inheritdoc />
    public async Task<BurstSession> BeginAsync(CancellationToken cancellationToken)
    {
        var db = engineDb.CreateContext();
        try
        {
            return new BurstSession(db, await db.BeginWriteAsync(cancellationToken), engineDb.Provider);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public abstract Task<TokenClaim?> ClaimByTokenAsync(BurstSession session, string token, DateTime now, CancellationToken cancellationToken);

    /// <inheritdoc />
    public abstract Task CommitAsync(BurstSession session, BurstRows rows, CancellationToken cancellationToken);

    /// <inheritdoc />
    /// <remarks>Step by step through EF Core; <see cref="Postgres.PostgresBurstStore"/> sends the same steps as one batch.</remarks>
    public virtual async Task<WorkClaim> ClaimWorkAsync(BurstSession session, ClaimedWork work, DateTime now, CancellationToken cancellationToken)
    {
        var db = session.Db;
        var instance = await db.LoadInstanceForUpdateAsync(work.InstanceId, cancellationToken);
        var item = await db.WorkItems.AsNoTracking().SingleOrDefaultAsync(w => w.Id == work.Id, cancellationToken);
        var claim = new WorkClaim(instance, item);
        if (!claim.Runs)
        {
            return claim;
        }

        var bookmark = work.BookmarkId is { } bookmarkId
            ? await db.Bookmarks.AsNoTracking().SingleOrDefaultAsync(b => b.Id == bookmarkId, cancellationToken)
            : null;
        var fired = work.Kind == WorkKind.Timer && bookmark is not null && TimerMayFire(instance!.Status)
            && (await ConsumeAsync(session, bookmark, now, onlyIfInstanceResumes: false, cancellationToken)).Consumed;
        return claim with
        {
            Bookmark = bookmark,
            TimerFired = fired,
            Waits = await WaitsAsync(db, [work.InstanceId], work.Id, cancellationToken),
            HasQueuedRetry = await HasQueuedRetryAsync(session, work.InstanceId, work.Id, cancellationToken),
        };
    }

    /// <summary>A timer fires on an instance that is neither finished nor faulted (a faulted one's timer is parked for its retry).</summary>
    protected static bool TimerMayFire(WorkflowStatus status) =>
        status is not (WorkflowStatus.Completed or WorkflowStatus.Cancelled or WorkflowStatus.Faulted);

    /// <inheritdoc />
    public async Task<ConsumeOutcome> ConsumeAsync(BurstSession session, BookmarkRecord bookmark, DateTime now, bool onlyIfInstanceResumes, CancellationToken cancellationToken)
    {
        var db = session.Db;
        var id = bookmark.Id;
        var open = db.Bookmarks.Where(b => b.Id == id && b.ConsumedAt == null);
        if (onlyIfInstanceResumes)
        {
            // One statement checks that the instance still resumes and consumes the bookmark; why it did not is asked only then.
            open = open.Where(b => db.Instances.Any(i => i.Id == b.InstanceId && (i.Status == WorkflowStatus.Suspended || i.Status == WorkflowStatus.Running)));
        }

        var consumed = await open.ExecuteUpdateAsync(
            s => s.SetProperty(b => b.ConsumedAt, now).SetProperty(b => b.Outcome, BookmarkOutcome.Resumed),
            cancellationToken);
        if (consumed == 0)
        {
            var status = onlyIfInstanceResumes
                ? await db.Instances.Where(i => i.Id == bookmark.InstanceId).Select(i => (WorkflowStatus?)i.Status).SingleOrDefaultAsync(cancellationToken)
                : null;
            return new ConsumeOutcome(false, status);
        }

        if (bookmark.DueAt is not null)
        {
            await DeleteTimerAsync(db, id, cancellationToken);
        }

        return new ConsumeOutcome(true);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<BookmarkRecord>> LoadWaitsAsync(BurstSession session, Guid instanceId, long? runningWorkId, CancellationToken cancellationToken) =>
        await WaitsAsync(session.Db, [instanceId], runningWorkId, cancellationToken);

    /// <inheritdoc />
    public Task<bool> HasQueuedRetryAsync(BurstSession session, Guid instanceId, long? runningWorkId, CancellationToken cancellationToken)
    {
        var running = runningWorkId ?? 0;
        return session.Db.WorkItems.AnyAsync(
            w => w.InstanceId == instanceId && w.Kind == WorkKind.Retry && w.Id != running && w.AvailableAt != WorkItemRecord.Parked,
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task InsertInstanceAsync(BurstSession session, WorkflowInstanceRecord instance, CancellationToken cancellationToken)
    {
        session.Db.Instances.Add(instance);
        await session.Db.SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc />
    public void AddWork(BurstSession session, WorkItemRecord work) => session.Db.WorkItems.Add(work);

    /// <inheritdoc />
    public async Task FinishWorkAsync(BurstSession session, long workId, bool park, CancellationToken cancellationToken)
    {
        var item = session.Db.WorkItems.Where(w => w.Id == workId);
        await (park
            ? item.ExecuteUpdateAsync(
                s => s.SetProperty(w => w.AvailableAt, WorkItemRecord.Parked).SetProperty(w => w.LockedBy, (string?)null).SetProperty(w => w.LockedUntil, (DateTime?)null),
                cancellationToken)
            : item.ExecuteDeleteAsync(cancellationToken));
        await session.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The waits of instances (see <see cref="IBurstStore.LoadWaitsAsync"/>): two index lookups in one statement
    /// (UNION ALL), so the cost does not grow with the consumed bookmarks a long-lived instance piles up.
    /// </summary>
    internal static Task<List<BookmarkRecord>> WaitsAsync(EngineDbContext db, IReadOnlyCollection<Guid> instanceIds, long? runningWorkId, CancellationToken cancellationToken)
    {
        var running = runningWorkId ?? 0;
        return db.Bookmarks.AsNoTracking()
            .Where(b => instanceIds.Contains(b.InstanceId) && b.ConsumedAt == null)
            .Concat(
                from w in db.WorkItems
                join b in db.Bookmarks on w.BookmarkId equals (Guid?)b.Id
                where instanceIds.Contains(w.InstanceId) && w.Kind == WorkKind.Resume && w.Id != running && b.ConsumedAt != null
                select b)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
    }

    /// <summary>A timer resumed early (by its token) must not fire again later: its own work item goes.</summary>
    protected static Task DeleteTimerAsync(EngineDbContext db, Guid bookmarkId, CancellationToken cancellationToken) =>
        db.WorkItems.Where(w => w.BookmarkId == bookmarkId && w.Kind == WorkKind.Timer).ExecuteDeleteAsync(cancellationToken);
}
