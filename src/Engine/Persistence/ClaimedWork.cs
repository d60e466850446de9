using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>A work item this worker holds the lease on.</summary>
/// <param name="Id">Work item id.</param>
/// <param name="InstanceId">Instance.</param>
/// <param name="Kind">Start, Resume, Timer or Retry.</param>
/// <param name="BookmarkId">Bookmark for Resume and Timer.</param>
/// <param name="PayloadJson">Resume payload or retry data.</param>
/// <param name="Attempts">How often it has been claimed, this time included.</param>
/// <param name="TakenOverFrom">The worker whose lease expired before this claim (a takeover), else null.</param>
public sealed record ClaimedWork(long Id, Guid InstanceId, WorkKind Kind, Guid? BookmarkId, string? PayloadJson, int Attempts, string? TakenOverFrom = null);
