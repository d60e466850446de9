using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Activities;

/// <summary>A wait an activity asks for. The runtime stores it as a bookmark with an unguessable token.</summary>
/// <param name="Name">Event name, or <c>Timer</c> / <c>HumanTask</c>.</param>
/// <param name="CorrelationKey">Key an event publisher must give to resume it (null: only the token resumes it).</param>
/// <param name="DueAt">For timers: when the runtime resumes it by itself (UTC).</param>
/// <param name="Data">Data the activity gets back on resume and that clients see (e.g. a task's role and form).</param>
public sealed record BookmarkRequest(string Name, string? CorrelationKey = null, DateTime? DueAt = null, JsonObject? Data = null);
