namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// What a leased burst needs, read under its instance's lock in one claim (<see cref="IBurstStore.ClaimWorkAsync"/>).
/// The burst runs only when <see cref="Instance"/> exists and <see cref="Item"/> is still leased; the other members are
/// read only then.
/// </summary>
/// <param name="Instance">The instance, loaded for update; null when it was deleted meanwhile.</param>
/// <param name="Item">The work item; null when it is gone (finished by the worker whose lease expired).</param>
public sealed record WorkClaim(WorkflowInstanceRecord? Instance, WorkItemRecord? Item)
{
    /// <summary>The bookmark a Resume or Timer item resumes, as it was before this claim; null for other kinds, or when it is gone.</summary>
    public BookmarkRecord? Bookmark { get; init; }

    /// <summary>
    /// A Timer item's bookmark was consumed by this claim: it was still open and the instance neither finished nor
    /// faulted. False when something consumed it first (a resume by token, a cancel): the timer does not fire.
    /// </summary>
    public bool TimerFired { get; init; }

    /// <summary>The instance's waits but this item's own (see <see cref="IBurstStore.LoadWaitsAsync"/>), after the timer's consume.</summary>
    public IReadOnlyList<BookmarkRecord> Waits { get; init; } = [];

    /// <summary>Another retry of the instance is queued (see <see cref="IBurstStore.HasQueuedRetryAsync"/>); stable while the lock is held.</summary>
    public bool HasQueuedRetry { get; init; }

    /// <summary>The item still runs: its instance exists and the item is still leased (not finished by a worker whose lease expired).</summary>
    public bool Runs => Instance is not null && Item?.LockedBy is not null;
}
