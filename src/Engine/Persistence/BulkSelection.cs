using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Engine.Runtime.Bulk;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>The instances a bulk operation with a filter takes, as one query (the dry run counts it, a job copies its ids).</summary>
internal static class BulkSelection
{
    /// <summary>The statuses an operation can act on.</summary>
    public static IReadOnlyList<WorkflowStatus> StatusesFor(BulkOperation operation) => operation switch
    {
        BulkOperation.Cancel => [WorkflowStatus.Running, WorkflowStatus.Suspended, WorkflowStatus.Faulted],
        BulkOperation.RetryIncidents => [WorkflowStatus.Faulted],
        _ => [WorkflowStatus.Running, WorkflowStatus.Suspended],
    };

    /// <summary>The instances, oldest first (then by id, so the order is total).</summary>
    public static IQueryable<WorkflowInstanceRecord> Query(EngineDbContext db, BulkOperation operation, BulkFilter filter, int? targetVersion)
    {
        var statuses = StatusesFor(operation).ToList();
        if (filter.Statuses is { Count: > 0 } wanted)
        {
            statuses = [.. statuses.Where(wanted.Contains)];
        }

        var query = db.Instances.AsNoTracking().Where(i => statuses.Contains(i.Status));
        if (filter.DefinitionId is { } definitionId)
        {
            query = query.Where(i => i.DefinitionId == definitionId);
        }

        if (filter.Version is { } version)
        {
            query = query.Where(i => i.Version == version);
        }

        if (operation == BulkOperation.Migrate && targetVersion is { } target)
        {
            query = query.Where(i => i.Version != target);
        }

        if (filter.CorrelationId is { } correlationId)
        {
            query = query.Where(i => i.CorrelationId == correlationId);
        }

        if (filter.CreatedBefore is { } before)
        {
            query = query.Where(i => i.CreatedAt < before);
        }

        var openIncidents = db.Incidents.Where(x => x.ResolvedAt == null);
        if (filter.IncidentActivityId is { } activityId)
        {
            query = query.Where(i => openIncidents.Any(x => x.InstanceId == i.Id && x.ActivityId == activityId));
        }

        if (operation == BulkOperation.RetryIncidents || filter.HasOpenIncident == true)
        {
            query = query.Where(i => openIncidents.Any(x => x.InstanceId == i.Id));
        }
        else if (filter.HasOpenIncident == false)
        {
            query = query.Where(i => !openIncidents.Any(x => x.InstanceId == i.Id));
        }

        return query.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id);
    }
}
