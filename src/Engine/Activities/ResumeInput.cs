using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Activities;

/// <summary>What a resumed activity receives.</summary>
/// <param name="BookmarkName">The bookmark's name (event name, <c>Timer</c>, <c>HumanTask</c>).</param>
/// <param name="BookmarkData">Data the activity stored on the bookmark when it started waiting.</param>
/// <param name="Payload">The payload the resumer sent (event body, task form values), or null for timers.</param>
public sealed record ResumeInput(string BookmarkName, JsonObject BookmarkData, JsonNode? Payload);
