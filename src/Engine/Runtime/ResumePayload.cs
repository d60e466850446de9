using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>The check of a resume payload before its bookmark is consumed, so a bad payload is refused without losing the wait.</summary>
internal static class ResumePayload
{
    /// <summary>
    /// What is wrong with <paramref name="payload"/> for the activity <paramref name="bookmark"/> waits in, keyed by
    /// field; empty when it fits, or when the definition has no resumable activity there (the burst decides then).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Problems(CompiledDefinition definition, BookmarkRecord bookmark, JsonNode? payload) =>
        definition.HasNode(bookmark.ActivityId) && definition.Descriptor(bookmark.ActivityId).Create() is IResumableActivity activity
            ? activity.ValidateResumeInput(OpenBookmark.DataOf(bookmark), payload)
            : new Dictionary<string, string>();
}
