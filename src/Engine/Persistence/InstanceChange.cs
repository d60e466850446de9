using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>What a command on one instance (<see cref="InstanceStore.CancelAsync"/>, <see cref="InstanceStore.RetryAsync"/>) did.</summary>
/// <param name="Found">False when the instance does not exist.</param>
/// <param name="Changed">False when its status refused the command (nothing was changed).</param>
/// <param name="Status">Its status: after the change, or the one that refused it.</param>
/// <param name="Queued">Work the command queued, leased to this worker to run at once (an ops retry of an activity).</param>
public sealed record InstanceChange(bool Found, bool Changed, WorkflowStatus Status, WorkItemRecord? Queued = null)
{
    /// <summary>The instance does not exist.</summary>
    public static readonly InstanceChange NotFound = new(false, false, default);

    /// <summary>Descendants a cancel cancelled with it (child workflows, their children, …).</summary>
    public IReadOnlyList<Guid> CancelledChildren { get; init; } = [];

    /// <summary>Whether a cancelled child may have queued its parent's resume (workers should look now).</summary>
    public bool ResumedParent { get; init; }
}
