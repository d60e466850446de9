using Sleek.Workflows.Engine.Runtime.Bulk;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// One instance a bulk job selected. Its state changes in the same transaction as the instance's effect, so an item
/// is applied once however often its batch is replayed after a crash.
/// </summary>
public sealed class BulkJobItemRecord
{
    /// <summary>The job.</summary>
    public Guid JobId { get; set; }

    /// <summary>Order within the job (batches go by it).</summary>
    public int Seq { get; set; }

    /// <summary>The instance.</summary>
    public Guid InstanceId { get; set; }

    /// <summary>Pending, Done or Failed.</summary>
    public BulkItemState State { get; set; }

    /// <summary>Why it failed.</summary>
    public string? Error { get; set; }

    /// <summary>Done or failed at (UTC).</summary>
    public DateTime? ProcessedAt { get; set; }
}
