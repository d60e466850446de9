using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>Why a burst runs.</summary>
public abstract record BurstTrigger
{
    private BurstTrigger()
    {
    }

    /// <summary>A new instance starts at its Start activity.</summary>
    public sealed record Start : BurstTrigger;

    /// <summary>A consumed bookmark continues its activity with a payload.</summary>
    /// <param name="Bookmark">The bookmark that was consumed.</param>
    /// <param name="Payload">What the resumer sent.</param>
    public sealed record Resume(OpenBookmark Bookmark, JsonNode? Payload) : BurstTrigger;

    /// <summary>Re-run an activity that faulted (ops retry from an incident).</summary>
    /// <param name="ActivityId">The activity to run again.</param>
    public sealed record Retry(string ActivityId) : BurstTrigger;
}
