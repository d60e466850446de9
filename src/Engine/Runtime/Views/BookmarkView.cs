using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Runtime.Views;

/// <summary>An open wait of an instance, as API clients see it.</summary>
/// <param name="Id">Bookmark id.</param>
/// <param name="ActivityId">The waiting activity.</param>
/// <param name="Name">Event name, Timer or HumanTask.</param>
/// <param name="CorrelationKey">Key an event must carry.</param>
/// <param name="Token">The token that resumes it: <c>POST /api/bookmarks/{token}/resume</c>.</param>
/// <param name="DueAt">For timers: when it fires.</param>
/// <param name="Data">What the activity stored (a task's title, role and form).</param>
/// <param name="CreatedAt">When the wait began.</param>
public sealed record BookmarkView(Guid Id, string ActivityId, string Name, string? CorrelationKey, string Token, DateTime? DueAt, JsonObject Data, DateTime CreatedAt);
