using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Runtime.Bulk;

/// <summary>What a bulk operation would do, changing nothing: how many instances it takes, and the first of them.</summary>
/// <param name="Operation">The operation.</param>
/// <param name="TargetVersion">For a migration: the version.</param>
/// <param name="Matched">Instances the filter takes now.</param>
/// <param name="Sample">The first of them (oldest first), at most <see cref="BulkJobs.SampleSize"/>.</param>
public sealed record BulkPreview(BulkOperation Operation, int? TargetVersion, int Matched, IReadOnlyList<BulkSampleInstance> Sample);

/// <summary>One instance a bulk operation would take.</summary>
/// <param name="Id">Instance id.</param>
/// <param name="DefinitionId">Workflow.</param>
/// <param name="Version">Version.</param>
/// <param name="Status">Status now.</param>
/// <param name="CorrelationId">Correlation id.</param>
/// <param name="CreatedAt">Started at (UTC).</param>
/// <param name="Problems">For a migration: why this instance could not move now (empty when it could).</param>
public sealed record BulkSampleInstance(Guid Id, string DefinitionId, int Version, WorkflowStatus Status, string? CorrelationId, DateTime CreatedAt, IReadOnlyList<string> Problems);

/// <summary>A bulk job and its progress.</summary>
/// <param name="Id">Job id.</param>
/// <param name="Operation">What it does.</param>
/// <param name="Filter">The filter it was made with.</param>
/// <param name="TargetVersion">For a migration: the version.</param>
/// <param name="Reason">For a cancel: the reason.</param>
/// <param name="Status">Running or Completed.</param>
/// <param name="Total">Instances it took.</param>
/// <param name="Done">Applied.</param>
/// <param name="Failed">Not applied (see <paramref name="Failures"/>).</param>
/// <param name="Left">Not reached yet.</param>
/// <param name="CreatedBy">Who asked for it.</param>
/// <param name="CreatedAt">Created at (UTC).</param>
/// <param name="UpdatedAt">Last batch at (UTC).</param>
/// <param name="FinishedAt">Finished at (UTC).</param>
/// <param name="Failures">The first failures with their reasons (at most <see cref="BulkJobs.FailuresShown"/>).</param>
public sealed record BulkJobView(
    Guid Id,
    BulkOperation Operation,
    JsonNode? Filter,
    int? TargetVersion,
    string? Reason,
    BulkJobStatus Status,
    int Total,
    int Done,
    int Failed,
    int Left,
    string? CreatedBy,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? FinishedAt,
    IReadOnlyList<BulkFailure> Failures);

/// <summary>An instance a bulk job could not apply, and why.</summary>
/// <param name="InstanceId">Instance id.</param>
/// <param name="Error">Why.</param>
public sealed record BulkFailure(Guid InstanceId, string Error);
