using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>The serialized execution state of one instance, stored as JSON on the instance row.</summary>
public sealed class InstanceState
{
    /// <summary>Current variable values.</summary>
    public JsonObject Variables { get; set; } = [];

    /// <summary>The input the instance was started with.</summary>
    public JsonObject Input { get; set; } = [];

    /// <summary>The last output of each activity, by activity id.</summary>
    public JsonObject Outputs { get; set; } = [];

    /// <summary>How often each activity has run.</summary>
    public Dictionary<string, int> ExecutionCounts { get; set; } = [];

    /// <summary>For each WaitAll join: the incoming connections that have arrived.</summary>
    public Dictionary<string, List<string>> JoinArrivals { get; set; } = [];

    /// <summary>State activities keep across executions (e.g. a ForEach index).</summary>
    public Dictionary<string, JsonNode?> ActivityState { get; set; } = [];

    /// <summary>Executions that failed and have not got past it yet (retry pending, or waiting for ops), by activity id.</summary>
    public Dictionary<string, ActivityRetryState> Retries { get; set; } = [];

    /// <summary>
    /// Activities due to run when a burst paused at its step bound, in the order they were queued; the next
    /// burst runs them first. Empty when the last burst ran until nothing was runnable.
    /// </summary>
    public List<string> Pending { get; set; } = [];

    /// <summary>
    /// Steps the bursts that paused at their step bound ran since the instance last had nothing to run: the
    /// guard against loops that never wait counts across them.
    /// </summary>
    public int ContinuedSteps { get; set; }
}
