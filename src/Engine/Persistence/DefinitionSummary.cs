namespace Sleek.Workflows.Engine.Persistence;

/// <summary>A definition in the workflow list.</summary>
/// <param name="DefinitionId">Id.</param>
/// <param name="Name">Name.</param>
/// <param name="Description">Description.</param>
/// <param name="LatestVersion">Highest published version (0: draft only).</param>
/// <param name="HasDraft">Whether unpublished changes exist.</param>
/// <param name="ActiveInstances">Instances running or waiting.</param>
/// <param name="UpdatedAt">Last change.</param>
public sealed record DefinitionSummary(string DefinitionId, string Name, string? Description, int LatestVersion, bool HasDraft, int ActiveInstances, DateTime UpdatedAt);
