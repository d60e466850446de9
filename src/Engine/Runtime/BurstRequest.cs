using Sleek.Workflows.Engine.Activities;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>Everything the interpreter needs to run one burst of one instance.</summary>
/// <param name="Definition">The instance's definition version.</param>
/// <param name="InstanceId">The instance.</param>
/// <param name="CorrelationId">Its correlation id.</param>
/// <param name="State">Its state; the burst changes it in place.</param>
/// <param name="Trigger">Why it runs.</param>
/// <param name="OpenBookmarks">Bookmarks still open (not including one being resumed).</param>
/// <param name="Transaction">The database transaction the burst will commit in (null without a database).</param>
/// <param name="InProcessOnly">
/// The burst runs inside a request's transaction: reaching an activity that is not <see cref="ActivityAttribute.InProcess"/>
/// stops it with <see cref="OutOfProcessActivityException"/> before that activity runs.
/// </param>
/// <param name="Stub">
/// For a replay (<see cref="Replay.DraftReplays"/>): given an activity's id, type and execution number, the result to use
/// instead of running it (a recorded outcome), or null to run it. Null in every real burst.
/// </param>
public sealed record BurstRequest(
    CompiledDefinition Definition,
    Guid InstanceId,
    string? CorrelationId,
    InstanceState State,
    BurstTrigger Trigger,
    IReadOnlyList<OpenBookmark> OpenBookmarks,
    BurstTransaction? Transaction = null,
    bool InProcessOnly = false,
    Func<string, string, int, ActivityResult?>? Stub = null);
