using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// Queued work for an instance (start, resume, due timer, retry, continuation of a paused burst). Workers claim it under a lease;
/// it is deleted in the same transaction as the burst that handled it.
/// </summary>
public sealed class WorkItemRecord
{
    /// <summary>
    /// <see cref="AvailableAt"/> of work that fell due while its instance was faulted (a timer, an
    /// accepted resume): it is kept, not dropped, and a successful retry of the instance releases it.
    /// </summary>
    public static readonly DateTime Parked = new(9999, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Increasing id.</summary>
    public long Id { get; set; }

    /// <summary>The instance.</summary>
    public Guid InstanceId { get; set; }

    /// <summary>Start, Resume, Timer, Retry or Continue.</summary>
    public WorkKind Kind { get; set; }

    /// <summary>The bookmark to resume (Resume, Timer).</summary>
    public Guid? BookmarkId { get; set; }

    /// <summary>Resume payload or retry activity (JSON).</summary>
    public string? PayloadJson { get; set; }

    /// <summary>Queued at (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Not claimable before this (UTC): timers' due time, backoff after a failed attempt.</summary>
    public DateTime AvailableAt { get; set; }

    /// <summary>Worker holding the lease.</summary>
    public string? LockedBy { get; set; }

    /// <summary>Lease end (UTC); after it another worker may take the item. A running burst renews it.</summary>
    public DateTime? LockedUntil { get; set; }

    /// <summary>
    /// Set by a claim to the worker whose lease had expired unfinished (a lease takeover); null when the
    /// item was new or given back after a failure.
    /// </summary>
    public string? TakenOverFrom { get; set; }

    /// <summary>How often it was claimed.</summary>
    public int Attempts { get; set; }
}
