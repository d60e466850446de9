namespace Sleek.Workflows.Engine.Runtime.Bulk;

/// <summary>Where a bulk job is.</summary>
public enum BulkJobStatus
{
    /// <summary>Items are left; some host's runner works on it (or will, once a crashed holder's lease lapses).</summary>
    Running,

    /// <summary>Every item is done or failed.</summary>
    Completed,
}
