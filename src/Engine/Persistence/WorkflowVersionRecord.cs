namespace Sleek.Workflows.Engine.Persistence;

/// <summary>A published, immutable definition version.</summary>
public sealed class WorkflowVersionRecord
{
    /// <summary>Definition id.</summary>
    public string DefinitionId { get; set; } = "";

    /// <summary>Version number.</summary>
    public int Version { get; set; }

    /// <summary>Display name of this version.</summary>
    public string Name { get; set; } = "";

    /// <summary>The definition JSON as published.</summary>
    public string Json { get; set; } = "";

    /// <summary>SHA-256 of the canonical JSON: two files with the same hash are the same definition.</summary>
    public string Hash { get; set; } = "";

    /// <summary>Where it came from: file, api, import.</summary>
    public string Source { get; set; } = "";

    /// <summary>When it was published (UTC).</summary>
    public DateTime PublishedAt { get; set; }
}
