using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Definitions;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Host.Endpoints.Workflows;

/// <summary>A definition with its draft and versions.</summary>
/// <param name="DefinitionId">Its id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Description">What it does.</param>
/// <param name="LatestVersion">The newest published version (0: none yet).</param>
/// <param name="Draft">Work in progress, when there is some.</param>
/// <param name="DraftUpdatedAt">UTC.</param>
/// <param name="DraftErrors">What would stop the draft from being published.</param>
/// <param name="Versions">Published versions, newest first.</param>
/// <param name="CreatedAt">UTC.</param>
/// <param name="UpdatedAt">UTC.</param>
internal sealed record DefinitionDto(
    string DefinitionId,
    string Name,
    string? Description,
    int LatestVersion,
    JsonNode? Draft,
    DateTime? DraftUpdatedAt,
    IReadOnlyList<ValidationError>? DraftErrors,
    IReadOnlyList<VersionDto> Versions,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static DefinitionDto From(WorkflowDefinitionRecord r, IReadOnlyList<WorkflowVersionRecord> versions, IReadOnlyList<ValidationError>? draftErrors) =>
        new(r.DefinitionId, r.Name, r.Description, r.LatestVersion, r.DraftJson is null ? null : JsonNode.Parse(r.DraftJson), r.DraftUpdatedAt, draftErrors, [.. versions.Select(VersionDto.From)], r.CreatedAt, r.UpdatedAt);
}

/// <summary>A published version's metadata.</summary>
/// <param name="Version">Its number.</param>
/// <param name="Name">The definition's name in that version.</param>
/// <param name="Source">Where it came from: api, import or a file of workflows/.</param>
/// <param name="Hash">Content hash.</param>
/// <param name="PublishedAt">UTC.</param>
internal sealed record VersionDto(int Version, string Name, string Source, string Hash, DateTime PublishedAt)
{
    public static VersionDto From(WorkflowVersionRecord v) => new(v.Version, v.Name, v.Source, v.Hash, v.PublishedAt);
}

/// <summary>Answer of <c>POST /api/workflows/validate</c>.</summary>
/// <param name="Valid">No errors.</param>
/// <param name="Errors">Each problem with its field and activity.</param>
internal sealed record ValidationReport(bool Valid, IReadOnlyList<ValidationError> Errors);

/// <summary>Answer of <c>PUT /api/workflows/{definitionId}/draft</c>.</summary>
/// <param name="DefinitionId">The workflow.</param>
/// <param name="Valid">The draft could be published as it is.</param>
/// <param name="Errors">What would stop publishing.</param>
internal sealed record DraftSaved(string DefinitionId, bool Valid, IReadOnlyList<ValidationError> Errors);

/// <summary>Answer of <c>POST /api/workflows/convert</c>: an Elsa 3 export as one of our definitions, not saved.</summary>
/// <param name="Definition">The converted definition.</param>
/// <param name="Warnings">What was carried over approximately, for the person importing.</param>
/// <param name="Errors">What would stop publishing it as it is (empty when it can be published).</param>
internal sealed record ConvertedWorkflow(WorkflowDefinition Definition, IReadOnlyList<string> Warnings, IReadOnlyList<ValidationError> Errors);
