using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Runtime.Views;

/// <summary>An instance with its variables, open waits, pending retries, incidents and (optionally) the first page of its journal.</summary>
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
/// <param name="PendingRetries">Failed activities that will be tried again (the instance is Suspended meanwhile).</param>
/// <param name="Incidents">Incidents, newest first.</param>
/// <param name="Journal">The journal's first page, in order (empty unless asked for).</param>
/// <param name="JournalHasMore">Whether the journal goes on: read it with <c>GET /api/instances/{id}/journal?after=</c>.</param>
/// <param name="References">The quote, order… it works for (filled by the host; empty from the engine alone).</param>
/// <param name="Parent">The instance that started this one as a child workflow, and its activity (null for a top-level instance).</param>
/// <param name="Children">The child workflows this instance started, oldest first (null in a request's own answer: read the instance to see them).</param>
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
    IReadOnlyList<PendingRetryView> PendingRetries,
    IReadOnlyList<IncidentView> Incidents,
    IReadOnlyList<JournalView> Journal,
    bool JournalHasMore,
    IReadOnlyList<InstanceReference>? References = null,
    ParentLinkView? Parent = null,
    IReadOnlyList<ChildInstanceView>? Children = null);
