namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// An instance loaded for update in a write transaction of its own (its row locked on PostgreSQL until the end, so no
/// burst runs meanwhile), for a change outside a burst such as a version migration. Commit with
/// <see cref="CommitAsync"/>; disposing without it rolls back. Made by <see cref="InstanceStore.LockAsync"/>.
/// </summary>
public sealed class InstanceLock : IAsyncDisposable
{
    private readonly EngineDbContext _db;
    private readonly DbWrite _write;

    private InstanceLock(EngineDbContext db, DbWrite write, WorkflowInstanceRecord? instance)
    {
        _db = db;
        _write = write;
        Instance = instance;
    }

    internal EngineDbContext Db => _db;

    /// <summary>The instance, tracked: what is changed on it is saved by <see cref="CommitAsync"/>. Null when it does not exist.</summary>
    public WorkflowInstanceRecord? Instance { get; }

    /// <summary>The instance's waits: open bookmarks, and consumed ones whose resume is queued but has not run yet.</summary>
    public async Task<IReadOnlyList<BookmarkRecord>> WaitsAsync(CancellationToken cancellationToken) =>
        await BurstStore.WaitsAsync(_db, [Instance!.Id], null, cancellationToken);

    /// <summary>Adds a journal row, saved by <see cref="CommitAsync"/>.</summary>
    public void AddJournal(JournalRecord entry) => _db.Journal.Add(entry);

    /// <summary>Saves the changes and commits.</summary>
    public Task CommitAsync(CancellationToken cancellationToken) => _write.CommitAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _write.DisposeAsync();
        }
        finally
        {
            await _db.DisposeAsync();
        }
    }

    internal static async Task<InstanceLock> BeginAsync(EngineDb engineDb, Guid instanceId, CancellationToken cancellationToken)
    {
        var db = engineDb.CreateContext();
        DbWrite? write = null;
        try
        {
            write = await db.BeginWriteAsync(cancellationToken);
            var instance = await db.LoadInstanceForUpdateAsync(instanceId, cancellationToken);
            return new InstanceLock(db, write, instance);
        }
        catch
        {
            if (write is not null)
            {
                await write.DisposeAsync();
            }

            await db.DisposeAsync();
            throw;
        }
    }
}
