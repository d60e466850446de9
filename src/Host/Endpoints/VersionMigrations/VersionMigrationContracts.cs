namespace Sleek.Workflows.Host.Endpoints.VersionMigrations;

/// <summary>Body of <c>POST /api/instances/{id}/migrate</c>.</summary>
/// <param name="TargetVersion">The published version to move to.</param>
internal sealed record MigrateBody(int? TargetVersion);

/// <summary>Body of <c>POST /api/workflows/{definitionId}/migrations/dry-run</c>.</summary>
/// <param name="TargetVersion">The published version instances would move to.</param>
/// <param name="FromVersion">Only check instances of this version (leave out for every version but the target).</param>
internal sealed record DryRunBody(int? TargetVersion, int? FromVersion);
