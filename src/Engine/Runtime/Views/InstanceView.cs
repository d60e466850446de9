using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Runtime.Views;

/// <summary>An instance with its variables, open waits, incidents and (optionally) journal.</summary>
/// <param name="Id">Instance id.</param>
/// <param name="DefinitionId">Definition.</param>
/// <param name="Version">Definition version.</param>
/// <param name="Status">Status.</param>
/// <param name="CorrelationId">Correlation id.</param>
/// <param name="CreatedAt">Created.</param>
/// <param name="UpdatedAt">Last change.</param>
/// <param name="FinishedAt">Finished.</param>
/// <param name="Error">Fault message.</param>
/// <param name="Variables">Current variables.</param>
/// <param name="Input">Start input.</param>
/// <param name="Bookmarks">Open waits.</param>
/// <param name="Incidents">Incidents, newest first.</param>
/// <param name="Journal">Journal in order (empty unless asked for).</param>
public sealed record InstanceView(
    Guid Id,
    string DefinitionId,
    int Version,
    WorkflowStatus Status,
    string? CorrelationId,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? FinishedAt,
    string? Error,
    JsonObject Variables,
    JsonObject Input,
    IReadOnlyList<BookmarkView> Bookmarks,
    IReadOnlyList<IncidentView> Incidents,
    IReadOnlyList<JournalView> Journal);
