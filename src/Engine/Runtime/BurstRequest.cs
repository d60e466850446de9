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
public sealed record BurstRequest(
    CompiledDefinition Definition,
    Guid InstanceId,
    string? CorrelationId,
    InstanceState State,
    BurstTrigger Trigger,
    IReadOnlyList<OpenBookmark> OpenBookmarks,
    BurstTransaction? Transaction = null,
    bool InProcessOnly = false);
