using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>Whether <see cref="IBurstStore.ConsumeAsync"/> consumed the bookmark, and if not, the instance's status (when asked to check it).</summary>
/// <param name="Consumed">True when this call consumed it (exactly one caller ever does).</param>
/// <param name="InstanceStatus">When not consumed and the instance was to be checked: its status (null when it does not exist).</param>
public sealed record ConsumeOutcome(bool Consumed, WorkflowStatus? InstanceStatus = null);
