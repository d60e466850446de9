namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// The rows one burst writes, built once from its result and then written either through EF Core or, on the hot
/// path of PostgreSQL, in one batch with the commit (<see cref="PostgresBurstWrite"/>).
/// </summary>
/// <param name="Instance">The instance with its new status, state, times and concurrency version (an UPDATE of its row).</param>
/// <param name="Bookmarks">New bookmarks.</param>
/// <param name="WorkItems">New timer and retry work.</param>
/// <param name="Journal">New journal rows, in order.</param>
/// <param name="Incident">The incident the burst raised, if any.</param>
/// <param name="CancelledBookmarks">Open bookmarks the burst closed (their timers go too).</param>
/// <param name="Now">When the burst was written.</param>
public sealed record BurstRows(
    WorkflowInstanceRecord Instance,
    List<BookmarkRecord> Bookmarks,
    List<WorkItemRecord> WorkItems,
    List<JournalRecord> Journal,
    IncidentRecord? Incident,
    IReadOnlyList<Guid> CancelledBookmarks,
    DateTime Now);
