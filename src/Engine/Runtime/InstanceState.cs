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
}
