using Sleek.Workflows.Engine.Runtime.Views;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>What publishing an event resumed.</summary>
/// <param name="EventName">The event.</param>
/// <param name="CorrelationId">Its correlation id.</param>
/// <param name="Resumed">Instances whose waits it resumed, as they are now.</param>
public sealed record EventResult(string EventName, string CorrelationId, IReadOnlyList<InstanceView> Resumed);
