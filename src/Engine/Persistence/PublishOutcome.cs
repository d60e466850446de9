namespace Sleek.Workflows.Engine.Persistence;

/// <summary>What publishing a definition version did.</summary>
/// <param name="DefinitionId">Definition id.</param>
/// <param name="Version">The version now published.</param>
/// <param name="AlreadyPublished">True when the same content was already published under that number (nothing changed).</param>
public sealed record PublishOutcome(string DefinitionId, int Version, bool AlreadyPublished);
