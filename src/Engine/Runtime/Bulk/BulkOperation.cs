namespace Sleek.Workflows.Engine.Runtime.Bulk;

/// <summary>What a bulk job does to each instance it selected.</summary>
public enum BulkOperation
{
    /// <summary>Cancel the instance (and its running children), as <c>POST /api/instances/{id}/cancel</c> does.</summary>
    Cancel,

    /// <summary>Retry the instance's open incident, as <c>POST /api/instances/{id}/retry</c> does.</summary>
    RetryIncidents,

    /// <summary>Move the instance to the job's target version when safe, as <c>POST /api/instances/{id}/migrate</c> does.</summary>
    Migrate,
}
