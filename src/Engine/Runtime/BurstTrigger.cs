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

    /// <summary>
    /// Runs a failed activity execution again under the same execution number. Without
    /// <paramref name="Attempt"/> it is an ops retry from an incident (the next try after the failed
    /// ones); with it, a retry its policy scheduled, which runs only while the instance state still
    /// expects exactly that try (an End, a WaitAny join or a cancel may have dropped it meanwhile).
    /// </summary>
    /// <param name="ActivityId">The activity to run again.</param>
    /// <param name="ExecutionNumber">The failed execution (scheduled retries).</param>
    /// <param name="Attempt">The try this is, 2 and up (scheduled retries).</param>
    public sealed record Retry(string ActivityId, int? ExecutionNumber = null, int? Attempt = null) : BurstTrigger;

    /// <summary>
    /// Runs the activities an earlier burst left due when it paused at its step bound
    /// (<see cref="InstanceState.Pending"/>); every burst runs those first, whatever its trigger.
    /// </summary>
    public sealed record Continue : BurstTrigger;
}
