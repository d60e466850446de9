namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// The database side of bursts, and the seam between the runtime and the database: one implementation per
/// database (<see cref="Postgres.PostgresBurstStore"/>, <see cref="Sqlite.SqliteBurstStore"/>) on a shared EF Core
/// base. Everything happens in a <see cref="BurstSession"/> (one transaction), so a burst's reads, the bookmark it
/// consumes and every row it writes commit together or not at all.
/// </summary>
/// <remarks>
/// The life of a burst: <see cref="BeginAsync"/>; claim what runs — a bookmark by its token
/// (<see cref="ClaimByTokenAsync"/>, a request's own burst) or a leased work item (<see cref="ClaimWorkAsync"/>, which
/// also fires a timer); run the interpreter; then <see cref="CommitAsync"/> with the rows its result became. On
/// PostgreSQL each claim is one round trip and the commit another, as for a raw transaction of the same rows.
/// </remarks>
public interface IBurstStore
{
    /// <summary>Begins a session: a context, the write gate, a transaction. Dispose it; without a commit it rolls back.</summary>
    Task<BurstSession> BeginAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Consumes the open bookmark <paramref name="token"/> names and locks its instance — only when the instance
    /// still resumes (Suspended or Running) and no other burst holds it (that one is skipped, not waited for) — and
    /// loads the instance, its waits and its latest incidents. A consumed timer's own work is removed, so it never
    /// fires. Null when nothing was claimed (unknown token, consumed bookmark, instance finished or busy): the
    /// caller rolls back and its queued path tells which.
    /// </summary>
    Task<TokenClaim?> ClaimByTokenAsync(BurstSession session, string token, DateTime now, CancellationToken cancellationToken);

    /// <summary>
    /// Locks the instance of a leased work item for the burst (waiting for a burst that holds it) and reads the item as
    /// it is now. When the item still runs (<see cref="WorkClaim.Runs"/>) it also reads the item's bookmark, fires a
    /// timer — consumes its bookmark, only while open and the instance neither finished nor faulted, and deletes the
    /// timer's own item, whose row the session then holds — and reads the instance's waits and whether another retry
    /// is queued. Nothing else is written.
    /// </summary>
    Task<WorkClaim> ClaimWorkAsync(BurstSession session, ClaimedWork work, DateTime now, CancellationToken cancellationToken);

    /// <summary>
    /// Consumes <paramref name="bookmark"/> by one conditional update — of any number of racing callers exactly one
    /// succeeds — and, with <paramref name="onlyIfInstanceResumes"/>, only while its instance is Suspended or Running
    /// (otherwise the outcome says the instance's status). A timer consumed early loses its own work.
    /// </summary>
    Task<ConsumeOutcome> ConsumeAsync(BurstSession session, BookmarkRecord bookmark, DateTime now, bool onlyIfInstanceResumes, CancellationToken cancellationToken);

    /// <summary>
    /// An instance's waits: its open bookmarks, and those of accepted resumes (bookmark consumed, resume queued, not
    /// run yet) but the one <paramref name="runningWorkId"/> runs. The latter are still waits: a burst that ran without
    /// them would see nothing open, complete the instance and so drop the accepted resume.
    /// </summary>
    Task<IReadOnlyList<BookmarkRecord>> LoadWaitsAsync(BurstSession session, Guid instanceId, long? runningWorkId, CancellationToken cancellationToken);

    /// <summary>Whether a retry is queued for the instance (not parked, not <paramref name="runningWorkId"/>): a burst that ran out of work must not complete it before that retry runs.</summary>
    Task<bool> HasQueuedRetryAsync(BurstSession session, Guid instanceId, long? runningWorkId, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts a new instance at once, for the queued path (its row exists before its work item is claimed). A request's
    /// own start does not: its commit inserts the row (<see cref="BurstRows.InstanceIsNew"/>).
    /// </summary>
    Task InsertInstanceAsync(BurstSession session, WorkflowInstanceRecord instance, CancellationToken cancellationToken);

    /// <summary>Queues work, saved by the session's commit (which sets its id).</summary>
    void AddWork(BurstSession session, WorkItemRecord work);

    /// <summary>Ends a leased item without a burst and commits: deletes it, or with <paramref name="park"/> keeps it parked (see <see cref="WorkItemRecord.Parked"/>).</summary>
    Task FinishWorkAsync(BurstSession session, long workId, bool park, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a burst's rows — the instance, new bookmarks and work, closed bookmarks, journal, incident, the
    /// finished work item, released parked work — and commits. On PostgreSQL one batch ending in <c>COMMIT</c>.
    /// </summary>
    Task CommitAsync(BurstSession session, BurstRows rows, CancellationToken cancellationToken);
}
