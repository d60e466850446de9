namespace Sleek.Workflows.Engine.Runtime.Bulk;

/// <summary>Where one instance of a bulk job is.</summary>
public enum BulkItemState
{
    /// <summary>Not applied yet.</summary>
    Pending,

    /// <summary>Applied, in the same transaction that marked it.</summary>
    Done,

    /// <summary>Not applied, with the reason (e.g. already Completed, not safe to migrate).</summary>
    Failed,
}
