using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Persistence.Sqlite;

/// <summary>
/// Bursts on the embedded SQLite file, all through EF Core. The session holds SQLite's only writer
/// (<see cref="SqliteWriteGate"/>) from its start, so no other burst can change what it reads: the steps need no locks.
/// </summary>
internal sealed class SqliteBurstStore(EngineDb engineDb) : BurstStore(engineDb)
{
    /// <inheritdoc />
    public override async Task<TokenClaim?> ClaimByTokenAsync(BurstSession session, string token, DateTime now, CancellationToken cancellationToken)
    {
        var db = session.Db;
        var resumed = await db.Bookmarks.AsNoTracking().SingleOrDefaultAsync(b => b.Token == token, cancellationToken);
        if (resumed is null || !(await ConsumeAsync(session, resumed, now, onlyIfInstanceResumes: true, cancellationToken)).Consumed)
        {
            return null;
        }

        resumed.ConsumedAt = now;
        resumed.Outcome = BookmarkOutcome.Resumed;
        var instance = await db.LoadInstanceForUpdateAsync(resumed.InstanceId, cancellationToken);
        var waits = await WaitsAsync(db, [resumed.InstanceId], null, cancellationToken);
        var incidents = await db.Incidents.AsNoTracking().Where(x => x.InstanceId == resumed.InstanceId).OrderByDescending(x => x.CreatedAt).Take(50).ToListAsync(cancellationToken);
        return new TokenClaim(instance!, resumed, [.. waits.Where(b => b.ConsumedAt is null)], waits, incidents);
    }

    /// <inheritdoc />
    public override async Task CommitAsync(BurstSession session, BurstRows rows, CancellationToken cancellationToken)
    {
        var db = session.Db;
        // The instance was loaded for update in this session (tracked: its concurrency version is checked); the rows
        // may carry another copy of it.
        var tracked = db.ChangeTracker.Entries<WorkflowInstanceRecord>().FirstOrDefault(e => e.Entity.Id == rows.Instance.Id);
        if (rows.InstanceIsNew)
        {
            db.Instances.Add(rows.Instance);
        }
        else if (tracked is null)
        {
            db.Instances.Update(rows.Instance);
        }
        else if (!ReferenceEquals(tracked.Entity, rows.Instance))
        {
            tracked.CurrentValues.SetValues(rows.Instance);
        }

        db.Bookmarks.AddRange(rows.Bookmarks);
        db.WorkItems.AddRange(rows.WorkItems);
        db.Journal.AddRange(rows.Journal);
        if (rows.Incident is not null)
        {
            db.Incidents.Add(rows.Incident);
        }

        var now = rows.Now;
        if (rows.CancelledBookmarks.Count > 0)
        {
            var ids = rows.CancelledBookmarks;
            await db.Bookmarks.Where(b => ids.Contains(b.Id) && b.ConsumedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.ConsumedAt, now).SetProperty(b => b.Outcome, BookmarkOutcome.Cancelled), cancellationToken);
            await db.WorkItems.Where(w => w.BookmarkId != null && ids.Contains(w.BookmarkId.Value)).ExecuteDeleteAsync(cancellationToken);
        }

        if (rows.FinishedWork is { } finished)
        {
            await db.WorkItems.Where(w => w.Id == finished).ExecuteDeleteAsync(cancellationToken);
        }

        if (rows.ReleaseParkedWork)
        {
            var instanceId = rows.Instance.Id;
            await db.WorkItems.Where(w => w.InstanceId == instanceId && w.AvailableAt == WorkItemRecord.Parked)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.AvailableAt, now), cancellationToken);
        }

        await session.CommitAsync(cancellationToken);
    }
}
