using Sleek.Workflows.Engine.Runtime.Bulk;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// A bulk operation over many instances: what to do, the filter that chose them, progress, and the lease of the host
/// working on it (claimed like a work item, so a crashed host's job is taken over when its lease lapses).
/// </summary>
public sealed class BulkJobRecord
{
    /// <summary>Job id.</summary>
    public Guid Id { get; set; }

    /// <summary>What is done to each instance.</summary>
    public BulkOperation Operation { get; set; }

    /// <summary>The filter as the caller gave it (JSON), for the record.</summary>
    public string FilterJson { get; set; } = "{}";

    /// <summary>For <see cref="BulkOperation.Migrate"/>: the version to move to.</summary>
    public int? TargetVersion { get; set; }

    /// <summary>For <see cref="BulkOperation.Cancel"/>: the reason written on each instance.</summary>
    public string? Reason { get; set; }

    /// <summary>Running or Completed.</summary>
    public BulkJobStatus Status { get; set; }

    /// <summary>Instances selected when the job was created.</summary>
    public int Total { get; set; }

    /// <summary>Instances applied so far (committed with their effect).</summary>
    public int Done { get; set; }

    /// <summary>Instances not applied, each with a reason on its item.</summary>
    public int Failed { get; set; }

    /// <summary>Who asked for it.</summary>
    public string? CreatedBy { get; set; }

    /// <summary>Created at (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Last batch committed at (UTC).</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>Finished at (UTC).</summary>
    public DateTime? FinishedAt { get; set; }

    /// <summary>The worker holding the job's lease.</summary>
    public string? LockedBy { get; set; }

    /// <summary>Until when it holds it.</summary>
    public DateTime? LockedUntil { get; set; }
}
