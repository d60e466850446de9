namespace Sleek.Workflows.Engine.Persistence;

/// <summary>A workflow definition: its identity, draft and latest published version number.</summary>
public sealed class WorkflowDefinitionRecord
{
    /// <summary>Stable id.</summary>
    public string DefinitionId { get; set; } = "";

    /// <summary>Display name (of the latest version or draft).</summary>
    public string Name { get; set; } = "";

    /// <summary>Description.</summary>
    public string? Description { get; set; }

    /// <summary>Highest published version; 0 when only a draft exists.</summary>
    public int LatestVersion { get; set; }

    /// <summary>Unpublished work in progress (definition JSON), if any.</summary>
    public string? DraftJson { get; set; }

    /// <summary>When the draft was last saved.</summary>
    public DateTime? DraftUpdatedAt { get; set; }

    /// <summary>Created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Last change (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
