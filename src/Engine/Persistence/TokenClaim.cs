namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// A bookmark consumed by its token, with its instance locked for the burst (<see cref="IBurstStore.ClaimByTokenAsync"/>).
/// </summary>
/// <param name="Instance">The instance, loaded for update.</param>
/// <param name="Resumed">The bookmark, as consumed.</param>
/// <param name="Open">The instance's other open bookmarks (for the answer).</param>
/// <param name="Waits">The instance's waits: <paramref name="Open"/> and the bookmarks of accepted resumes not run yet (see <see cref="IBurstStore.LoadWaitsAsync"/>).</param>
/// <param name="Incidents">Its latest incidents, newest first (at most 50, for the answer).</param>
public sealed record TokenClaim(
    WorkflowInstanceRecord Instance,
    BookmarkRecord Resumed,
    IReadOnlyList<BookmarkRecord> Open,
    IReadOnlyList<BookmarkRecord> Waits,
    IReadOnlyList<IncidentRecord> Incidents);
