namespace Sleek.Workflows.Engine.Runtime.Views;

/// <summary>What a migration of a definition's Running and Suspended instances to a version would do; nothing is changed.</summary>
/// <param name="DefinitionId">The definition.</param>
/// <param name="TargetVersion">The version they would move to.</param>
/// <param name="FromVersion">Only instances of this version were checked (null: every version but the target).</param>
/// <param name="Total">Instances checked.</param>
/// <param name="Movable">How many of them can move.</param>
/// <param name="Instances">Each instance with its verdict, oldest first.</param>
public sealed record MigrationReport(string DefinitionId, int TargetVersion, int? FromVersion, int Total, int Movable, IReadOnlyList<MigrationCandidate> Instances);
