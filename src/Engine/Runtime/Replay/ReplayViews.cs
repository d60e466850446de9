namespace Sleek.Workflows.Engine.Runtime.Replay;

/// <summary>A draft replayed against recorded instances of a published version.</summary>
/// <param name="DefinitionId">The workflow.</param>
/// <param name="FromVersion">The published version whose instances were replayed.</param>
/// <param name="Replayed">Instances replayed.</param>
/// <param name="Diverged">Of those, instances whose path differs under the draft.</param>
/// <param name="Results">One per instance, newest first.</param>
public sealed record ReplayReport(string DefinitionId, int FromVersion, int Replayed, int Diverged, IReadOnlyList<ReplayResult> Results);

/// <summary>One recorded instance: the path each version took and where they part.</summary>
/// <param name="InstanceId">The recorded instance.</param>
/// <param name="Status">Its status now.</param>
/// <param name="CorrelationId">Its correlation id.</param>
/// <param name="RecordedPath">The activities it ran on the published version, in order, with the port each left by.</param>
/// <param name="DraftPath">The activities the draft ran from the same inputs and recorded outcomes.</param>
/// <param name="FirstDifference">The first step where the paths differ; null when they are the same.</param>
/// <param name="DraftStopped">Why the draft's run ended before an end, if it did (e.g. no recorded outcome for an activity).</param>
public sealed record ReplayResult(
    Guid InstanceId,
    WorkflowStatus Status,
    string? CorrelationId,
    IReadOnlyList<ReplayStep> RecordedPath,
    IReadOnlyList<ReplayStep> DraftPath,
    ReplayDifference? FirstDifference,
    string? DraftStopped);

/// <summary>An activity run on a path, and the port(s) it continued through (empty for an end or a wait).</summary>
/// <param name="ActivityId">Activity id.</param>
/// <param name="ActivityType">Its type.</param>
/// <param name="Port">The port(s) taken, comma-separated.</param>
public sealed record ReplayStep(string ActivityId, string ActivityType, string Port);

/// <summary>Where two paths part: the step index and each version's step there (null when that path had ended).</summary>
/// <param name="Index">0-based step index.</param>
/// <param name="Recorded">The published version's step.</param>
/// <param name="Draft">The draft's step.</param>
public sealed record ReplayDifference(int Index, ReplayStep? Recorded, ReplayStep? Draft);
