namespace Sleek.Workflows.Engine.Runtime.Views;

/// <summary>One instance in a migration dry-run: whether it can move, and if not, why.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Version">The version it runs.</param>
/// <param name="Status">Running or Suspended.</param>
/// <param name="CorrelationId">Its correlation id.</param>
/// <param name="CanMove">Whether <c>POST /api/instances/{id}/migrate</c> would accept it now.</param>
/// <param name="Problems">Why not (empty when it can move).</param>
public sealed record MigrationCandidate(Guid InstanceId, int Version, WorkflowStatus Status, string? CorrelationId, bool CanMove, IReadOnlyList<MigrationProblem> Problems);
