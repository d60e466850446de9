using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Activities;

/// <summary>An activity that waits on a bookmark and continues when it is resumed.</summary>
public interface IResumableActivity : IActivity
{
    /// <summary>
    /// Checks a resume payload before the bookmark is consumed, so a bad payload is refused without
    /// losing the wait. Returns problems keyed by field (empty when the payload is acceptable).
    /// </summary>
    IReadOnlyDictionary<string, string> ValidateResumeInput(JsonObject bookmarkData, JsonNode? input) =>
        new Dictionary<string, string>();

    /// <summary>Continues after the bookmark was resumed; <paramref name="resume"/> carries its data and payload.</summary>
    ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput resume);
}
